"""Connector: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..keywords import Keywords


class ConnectorKeywords(Keywords):
    """The keywords of both Connector classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        key: pulumi.Input[str],
        authentication: pulumi.Input[Mapping[str, Any]],
        name: pulumi.Input[str] | None = None,
        hub: pulumi.Input[str] | None = None,
        description: pulumi.Input[str] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        resources: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Connector resource.

        Args:
            resource_name: the Pulumi resource name.
            key: the connector key, unique in the organization (letters, digits, `_`, `-`; not a
                key of the catalog); it is the Pulumi id and the element key that a
                `ConnectorInstance` of it names, so changing it replaces the connector.
            name: the display name; default: the resource name.
            authentication: `{"type": "basic"}` (`basic`, `oauth1`, `oauth2`, `custom`, …).
            hub: the hub (`crm`, `marketing`, …); unset it is not managed.
            description: unset it is not managed.
            configuration: the configuration entries (`key` unique; `defaultValue`, `required`,
                `type`, `name`, …): an entry `required` without a `defaultValue` must be given
                by each instance. Not secret: keep credentials out of `defaultValue`.
            resources: the API calls (`path` from `/`, `method`
                `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per path and method;
                `vendorPath`, `vendorMethod`, `parameters`, …).
            extra: any other keys of the element JSON (`image`, `hooks`, `parameters`, …), kept
                as they are.
            adopt: take over the connector of this key if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
