"""Connector through the provider plugin:
``openconnectors:index:Connector``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resources.connector.outputs import ConnectorOutputs
from ..resources.connector.spec import SPEC
from ._base import NativeResource


class Connector(NativeResource, ConnectorOutputs):
    """A custom connector: a private element of the account — a key, a name, an authentication
    type, configuration entries (what an instance of it is given) and resources (the API calls
    it maps onto the vendor's). Updates are a `PUT /elements/{key}` of the whole element.

    Args:
        resource_name: the Pulumi resource name.
        key: the connector key, unique in the organization (letters, digits, `_`, `-`; not a key
            of the catalog); it is the Pulumi id and the element key that a `ConnectorInstance`
            of it names, so changing it replaces the connector.
        name: the display name; default: the resource name.
        authentication: `{"type": "basic"}` (`basic`, `oauth1`, `oauth2`, `custom`, …).
        hub: the hub (`crm`, `marketing`, …); unset it is not managed.
        description: unset it is not managed.
        configuration: the configuration entries (`key` unique; `defaultValue`, `required`,
            `type`, `name`, …): an entry `required` without a `defaultValue` must be given by
            each instance. Not secret: keep credentials out of `defaultValue`.
        resources: the API calls (`path` from `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`,
            one resource per path and method; `vendorPath`, `vendorMethod`, `parameters`, …).
        extra: any other keys of the element JSON (`image`, `hooks`, `parameters`, …), kept as
            they are.
        adopt: take over the connector of this key if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

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
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
