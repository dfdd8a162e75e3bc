"""VirtualDataResource: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..keywords import Keywords


class VirtualDataResourceKeywords(Keywords):
    """The keywords of both VirtualDataResource classes (the dynamic resource and the
    plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        vdr_version: pulumi.Input[str] = "v2",
        definition: pulumi.Input[Mapping[str, Any]] | None = None,
        transformations: pulumi.Input[Mapping[str, Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A VirtualDataResource resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the VDR's object name (letters, digits, `_`, `-`, `.`); it is the key in the
                organization, so changing it replaces the resource; default: the resource name.
            vdr_version: `vdrVersion` of the document: only `v2`.
            definition: the VDR's fields (`path` in dot notation for nesting, `type` `string`,
                `number`, `boolean`, `date`, ...) and any other keys of the definition.
            transformations: per connector key (`sfdc`), how its vendor object maps onto the
                VDR; each field's `path` must be a field of the definition.
            extra: any other keys of the VDR's document (e.g. `description`), kept as they are.
            adopt: take over the VDR of this name if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
