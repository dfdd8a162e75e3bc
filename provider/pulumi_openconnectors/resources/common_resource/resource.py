"""CommonResource: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resource import FromFile
from .outputs import CommonResourceOutputs
from .provider import CommonResourceProvider
from .spec import SPEC


class CommonResource(FromFile, CommonResourceOutputs, **SPEC.pulumi_type):
    """A common resource: an object definition of the organization — a name and its fields
    (`{path, type}` each) — that transformations map connector objects onto. Updates are a `PUT
    /organizations/objects/{name}/definitions`.

    The name is the key: changing it replaces the resource; ``fields`` are updated in place
    (``PUT``). Pass the resource to a ``Transformation`` (``common_resource=``) so that the
    transformation is created after it and its fields are checked.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A common resource from a
    definition JSON file (``{"fields": [...]}``, optionally with ``"name"``/``"objectName"``;
    default name: the file's stem). ``name`` is the Pulumi resource name (default: the object
    name). Unknown keys go to ``extra``; server-set keys (``id``, ``level``, also on fields) are
    dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:CommonResource``.

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
    _provider_class = CommonResourceProvider

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
