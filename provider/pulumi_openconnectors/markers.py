"""Names shared by the resource (in the Pulumi program) and its provider, with no heavy imports.

The program process imports the resource and, with it, the provider class (to pickle it by
reference): what they need at import time lives here, so the program never loads the HTTP
client, pydantic or the models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # pulumi.runtime.rpc.UNKNOWN, as the host sends it

OWNERSHIP_TAG_PREFIX = "pulumi-openconnectors:"
"""Prefix of the hidden tag that marks an instance as made by one create of this provider."""


def is_unknown(value: Any) -> bool:
    """True when the engine has not computed this value yet (previews)."""
    if value == UNKNOWN:
        return True
    if isinstance(value, Mapping):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    return False


def user_tags(tags: list[str], ownership_tag: str | None) -> list[str]:
    """The tags without the provider's ownership tag."""
    return [t for t in tags if t != ownership_tag and not t.startswith(OWNERSHIP_TAG_PREFIX)]


def as_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)
