"""Transformation through the provider plugin:
``openconnectors:index:Transformation``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resources.transformation.outputs import TransformationOutputs
from ..resources.transformation.spec import SPEC
from ._base import NativeResource


class Transformation(NativeResource, TransformationOutputs):
    """A transformation: how one connector's vendor object (`vendor_name`) maps onto a common
    resource (`object_name`) — field paths, vendor paths, configuration and an optional script —
    for every instance of the connector (`element_key`/`element_id`) or for one instance
    (`instance_id`). Updates are a `PUT`.

    Args:
        resource_name: the Pulumi resource name.
        object_name: the common resource (e.g. `common_resource.name`).
        element_key: the connector, for all its instances; set exactly one of element_key,
            element_id, instance_id.
        element_id: the connector by id.
        instance_id: one connector instance (instance level).
        vendor_name: the connector's object, e.g. `Contact`.
        fields: `path` a field of the common resource, `vendorPath` the vendor's field.
        configuration: object-level settings, e.g. `{type: passThrough, properties: {fromVendor:
            false}}`.
        script: JavaScript run on each object (`{body: …}`; a string is the body).
        is_legacy: `isLegacy`: v1 scripts; unset = not managed.
        extra: any other keys of the transformation JSON, kept.
        common_resource_fields: the common resource's field paths (e.g.
            `common_resource.field_paths`): check refuses a field that is not one of them.
        adopt: take over the transformation if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    def __init__(
        self,
        resource_name: str,
        *,
        vendor_name: pulumi.Input[str],
        object_name: pulumi.Input[str] | None = None,
        element_key: pulumi.Input[str] | None = None,
        element_id: pulumi.Input[int] | None = None,
        instance_id: pulumi.Input[int] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        script: pulumi.Input[Mapping[str, Any]] | None = None,
        is_legacy: pulumi.Input[bool] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        common_resource_fields: pulumi.Input[Sequence[Any]] | None = None,
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
