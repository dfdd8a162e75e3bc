"""CommonResource: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class CommonResourceOutputs:
    """What a CommonResource reports: its inputs as the API holds them, and what it sets."""

    name: pulumi.Output[str]
    """The object name (letters, digits, `_`, `-`, `.`); it is the key, so changing it replaces
    the resource; default: the resource name."""
    fields: pulumi.Output[list[dict[str, Any]]]
    """`path` in dot notation for nesting (`address.city`); `type` `string`, `number`,
    `boolean`, `date`, or a custom/array type."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other keys of the definition JSON, kept as they are."""
    adopt: pulumi.Output[bool]
    """Take over the definition of this name if it exists instead of failing."""
    level: pulumi.Output[str]
    """`organization`."""
    field_paths: pulumi.Output[list[str]]
    """The declared field paths (give them to a Transformation's check)."""
