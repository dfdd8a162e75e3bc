"""CommonResource: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..keywords import Keywords


class CommonResourceKeywords(Keywords):
    """The keywords of both CommonResource classes (the dynamic resource and the plugin's)."""

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
        """A CommonResource resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the object name (letters, digits, `_`, `-`, `.`); it is the key, so changing
                it replaces the resource; default: the resource name.
            fields: `path` in dot notation for nesting (`address.city`); `type` `string`,
                `number`, `boolean`, `date`, or a custom/array type.
            extra: any other keys of the definition JSON, kept as they are.
            adopt: take over the definition of this name if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
