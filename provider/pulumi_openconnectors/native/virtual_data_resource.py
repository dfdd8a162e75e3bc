"""VirtualDataResource through the provider plugin:
``openconnectors:index:VirtualDataResource``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..resources.virtual_data_resource.outputs import VirtualDataResourceOutputs
from ..resources.virtual_data_resource.spec import SPEC
from ._base import NativeResource


class VirtualDataResource(NativeResource, VirtualDataResourceOutputs):
    """A virtual data resource of the v2 model: a name, its definition (`fields`, `{path, type}`
    each) and its transformations, one per connector key, in the one document `GET
    /vdrs/{name}/export` answers. Updates are a `PUT /vdrs/import` of the whole document (an
    upsert by name).

    Args:
        resource_name: the Pulumi resource name.
        name: the VDR's object name (letters, digits, `_`, `-`, `.`); it is the key in the
            organization, so changing it replaces the resource; default: the resource name.
        vdr_version: `vdrVersion` of the document: only `v2`.
        definition: the VDR's fields (`path` in dot notation for nesting, `type` `string`,
            `number`, `boolean`, `date`, ...) and any other keys of the definition.
        transformations: per connector key (`sfdc`), how its vendor object maps onto the VDR;
            each field's `path` must be a field of the definition.
        extra: any other keys of the VDR's document (e.g. `description`), kept as they are.
        adopt: take over the VDR of this name if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        vdr_version: pulumi.Input[str] | None = None,
        definition: pulumi.Input[Mapping[str, Any]] | None = None,
        transformations: pulumi.Input[Mapping[str, Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
