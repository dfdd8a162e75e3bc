"""Connector: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class ConnectorOutputs:
    """What a Connector reports: its inputs as the API holds them, and what it sets."""

    key: pulumi.Output[str]
    """The connector key, unique in the organization (letters, digits, `_`, `-`; not a key of
    the catalog); it is the Pulumi id and the element key that a `ConnectorInstance` of it
    names, so changing it replaces the connector."""
    name: pulumi.Output[str]
    """The display name; default: the resource name."""
    authentication: pulumi.Output[dict[str, Any]]
    """`{"type": "basic"}` (`basic`, `oauth1`, `oauth2`, `custom`, …)."""
    hub: pulumi.Output[str | None]
    """The hub (`crm`, `marketing`, …); unset it is not managed."""
    description: pulumi.Output[str | None]
    """Unset it is not managed."""
    configuration: pulumi.Output[list[dict[str, Any]]]
    """The configuration entries (`key` unique; `defaultValue`, `required`, `type`, `name`, …):
    an entry `required` without a `defaultValue` must be given by each instance. Not secret:
    keep credentials out of `defaultValue`."""
    resources: pulumi.Output[list[dict[str, Any]]]
    """The API calls (`path` from `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one
    resource per path and method; `vendorPath`, `vendorMethod`, `parameters`, …)."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other keys of the element JSON (`image`, `hooks`, `parameters`, …), kept as they are.
    """
    adopt: pulumi.Output[bool]
    """Take over the connector of this key if it exists instead of failing."""
    connector_id: pulumi.Output[int]
    """The element id."""
