"""CommonResource through the provider plugin:
``openconnectors:index:CommonResource``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resources.common_resource.outputs import CommonResourceOutputs
from ..resources.common_resource.spec import SPEC
from ._base import NativeResource


class CommonResource(NativeResource, CommonResourceOutputs):
    """A common resource: an object definition of the organization — a name and its fields
    (`{path, type}` each) — that transformations map connector objects onto. Updates are a `PUT
    /organizations/objects/{name}/definitions`.

    Args:
        resource_name: the Pulumi resource name.
        name: the object name (letters, digits, `_`, `-`, `.`); it is the key, so changing it
            replaces the resource; default: the resource name.
        fields: `path` in dot notation for nesting (`address.city`); `type` `string`, `number`,
            `boolean`, `date`, or a custom/array type.
        extra: any other keys of the definition JSON, kept as they are.
        adopt: take over the definition of this name if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
