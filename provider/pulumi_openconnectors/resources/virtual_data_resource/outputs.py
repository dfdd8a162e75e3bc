"""VirtualDataResource: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class VirtualDataResourceOutputs:
    """What a VirtualDataResource reports: its inputs as the API holds them, and what it
    sets."""

    name: pulumi.Output[str]
    """The VDR's object name (letters, digits, `_`, `-`, `.`); it is the key in the
    organization, so changing it replaces the resource; default: the resource name."""
    vdr_version: pulumi.Output[str]
    """`vdrVersion` of the document: only `v2`."""
    definition: pulumi.Output[dict[str, Any]]
    """The VDR's fields (`path` in dot notation for nesting, `type` `string`, `number`,
    `boolean`, `date`, ...) and any other keys of the definition."""
    transformations: pulumi.Output[dict[str, dict[str, Any]]]
    """Per connector key (`sfdc`), how its vendor object maps onto the VDR; each field's `path`
    must be a field of the definition."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other keys of the VDR's document (e.g. `description`), kept as they are."""
    adopt: pulumi.Output[bool]
    """Take over the VDR of this name if it exists instead of failing."""
    field_paths: pulumi.Output[list[str]]
    """The definition's field paths."""
    element_keys: pulumi.Output[list[str]]
    """The connectors that have a transformation, sorted."""
    vdr_id: pulumi.Output[int]
    """The VDR's numeric id (what `DELETE /vdrs/{id}` takes)."""
