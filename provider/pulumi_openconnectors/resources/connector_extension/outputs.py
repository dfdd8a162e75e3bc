"""ConnectorExtension: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class ConnectorExtensionOutputs:
    """What a ConnectorExtension reports: its inputs as the API holds them, and what it sets."""

    element_key: pulumi.Output[str]
    """The key of the catalog's connector to extend (`closeio`, `sfdc`, …); it is the Pulumi id,
    so changing it replaces the extension (its resources move to the other connector)."""
    resources: pulumi.Output[list[dict[str, Any]]]
    """The organization's own resources of the connector (at least one; `path` from `/`,
    `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per method and path;
    `vendorPath`, `vendorMethod`, `parameters`, `description`, …). A resource may have the
    method and path of one the connector comes with: it is the organization's version of that
    call."""
    adopt: pulumi.Output[bool]
    """Take over the organization's extension of this connector (the resources it added) if it
    exists instead of failing."""
    element_id: pulumi.Output[int | None]
    """The connector's id (as its resources name it)."""
