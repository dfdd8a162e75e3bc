"""Connector: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resource import FromFile
from .outputs import ConnectorOutputs
from .provider import ConnectorProvider
from .spec import SPEC


class Connector(FromFile, ConnectorOutputs, **SPEC.pulumi_type):
    """A custom connector: a private element of the account — a key, a name, an authentication
    type, configuration entries (what an instance of it is given) and resources (the API calls
    it maps onto the vendor's). Updates are a `PUT /elements/{key}` of the whole element.

    The key is the connector's identity: changing it replaces the connector (and the instances
    of it that name it by ``element_key=connector.key``); everything else is updated in place
    with one ``PUT``. Wire instances by output (``ConnectorInstance(...,
    element_key=connector.key)``) so that they are created after the connector and deleted
    before it (the platform refuses to delete a connector that has instances). ``adopt=True``
    takes over a connector of that key.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A connector from the element JSON
    the platform exports (``GET /elements/{id}/export``, the-doctor's ``element.json``).
    ``name`` is the Pulumi resource name (default: the connector key). Unknown keys go to
    ``extra``; server-set keys (``id``, ``private``, dates, and the ids on configuration
    entries, resources, their parameters and hooks) are dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:Connector``.

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
    _provider_class = ConnectorProvider

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
        self._create(resource_name, locals(), opts)
