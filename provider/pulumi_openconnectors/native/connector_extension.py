"""ConnectorExtension through the provider plugin:
``openconnectors:index:ConnectorExtension``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi

from ..resources.connector_extension.outputs import ConnectorExtensionOutputs
from ..resources.connector_extension.spec import SPEC
from ._base import NativeResource


class ConnectorExtension(NativeResource, ConnectorExtensionOutputs):
    """Resources of the organization's own added to a connector of the catalog (an extended
    connector): each an API call (`path`, `method`) that the connector maps onto the vendor's,
    next to the calls it comes with. Each resource is `POST`ed, `PUT` or `DELETE`d on its own
    (`/elements/{key}/resources[/{id}]`); the connector itself is never changed.

    Args:
        resource_name: the Pulumi resource name.
        element_key: the key of the catalog's connector to extend (`closeio`, `sfdc`, …); it is
            the Pulumi id, so changing it replaces the extension (its resources move to the
            other connector).
        resources: the organization's own resources of the connector (at least one; `path` from
            `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per method and path;
            `vendorPath`, `vendorMethod`, `parameters`, `description`, …). A resource may have
            the method and path of one the connector comes with: it is the organization's
            version of that call.
        adopt: take over the organization's extension of this connector (the resources it added)
            if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    def __init__(
        self,
        resource_name: str,
        *,
        element_key: pulumi.Input[str],
        resources: pulumi.Input[Sequence[Any]],
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
