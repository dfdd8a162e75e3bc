"""Transformation: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pulumi

from ..keywords import Keywords

if TYPE_CHECKING:
    from ..common_resource.outputs import CommonResourceOutputs


class TransformationKeywords(Keywords):
    """The keywords of both Transformation classes (the dynamic resource and the plugin's)."""

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
        script: pulumi.Input[str | Mapping[str, Any]] | None = None,
        is_legacy: pulumi.Input[bool] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        common_resource_fields: pulumi.Input[Sequence[Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        common_resource: CommonResourceOutputs | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Transformation resource.

        Args:
            resource_name: the Pulumi resource name.
            object_name: the common resource (e.g. `common_resource.name`).
            element_key: the connector, for all its instances; set exactly one of element_key,
                element_id, instance_id.
            element_id: the connector by id.
            instance_id: one connector instance (instance level).
            vendor_name: the connector's object, e.g. `Contact`.
            fields: `path` a field of the common resource, `vendorPath` the vendor's field.
            configuration: object-level settings, e.g. `{type: passThrough, properties:
                {fromVendor: false}}`.
            script: JavaScript run on each object (`{body: …}`; a string is the body).
            is_legacy: `isLegacy`: v1 scripts; unset = not managed.
            extra: any other keys of the transformation JSON, kept.
            common_resource_fields: the common resource's field paths (e.g.
                `common_resource.field_paths`): check refuses a field that is not one of them.
            adopt: take over the transformation if it exists instead of failing.
            common_resource: the common resource to map onto, instead of ``object_name``: the
                engine creates it first and deletes it last, and ``check`` refuses a field it
                does not declare.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
