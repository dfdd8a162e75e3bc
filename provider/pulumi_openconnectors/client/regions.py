"""SAP Open Connectors regions and their API base URLs.

Only regions the source documents show: ``us2`` (the API examples), ``eu10`` (DESIGN.md), and
``legacy`` for the Cloud Elements endpoint ``https://api.cloud-elements.com/elements/api-v2``.
Any other endpoint works through ``openconnectors:baseUrl`` / ``OPENCONNECTORS_BASE_URL``.
"""

from __future__ import annotations

import difflib

from ..errors import ConfigurationError

API_PATH = "/elements/api-v2"


def _sap(region: str) -> str:
    return f"https://api.openconnectors.{region}.ext.hana.ondemand.com{API_PATH}"


REGIONS: dict[str, str] = {
    "us2": _sap("us2"),
    "eu10": _sap("eu10"),
    "legacy": f"https://api.cloud-elements.com{API_PATH}",
}


def base_url_for_region(region: str) -> str:
    """The base URL of a region; ConfigurationError listing the valid ones on a typo."""
    name = region.strip().lower()
    if name in REGIONS:
        return REGIONS[name]
    valid = ", ".join(sorted(REGIONS))
    close = difflib.get_close_matches(name, list(REGIONS), n=1, cutoff=0.5)
    suggestion = f" Did you mean {close[0]!r}?" if close else ""
    raise ConfigurationError(
        f"Unknown Open Connectors region {region!r} in openconnectors:region "
        f"(OPENCONNECTORS_REGION).{suggestion} Valid regions: {valid}; for any other endpoint "
        "set openconnectors:baseUrl (OPENCONNECTORS_BASE_URL) instead."
    )
