"""Formula: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class FormulaOutputs:
    """What a Formula reports: its inputs as the API holds them, and what it sets."""

    name: pulumi.Output[str]
    """The formula's name; default: the resource name."""
    description: pulumi.Output[str | None]
    """Free text."""
    active: pulumi.Output[bool]
    """Default true; an inactive template stops all its instances."""
    single_threaded: pulumi.Output[bool | None]
    """`singleThreaded`; unset = not managed."""
    engine: pulumi.Output[str | None]
    """`v1` or `v3`; unset = not managed."""
    debug_logging_enabled: pulumi.Output[bool | None]
    """`debugLoggingEnabled`; unset = not managed."""
    configuration: pulumi.Output[list[dict[str, Any]]]
    """The variables: `{key, name, type: value|elementInstance, required?}` each."""
    triggers: pulumi.Output[list[dict[str, Any]]]
    """`{type: event|elementRequest|scheduled|manual, properties, onSuccess, onFailure}`."""
    steps: pulumi.Output[list[dict[str, Any]]]
    """`{name, type, properties, onSuccess, onFailure}` each, as documented."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other top-level keys of the formula JSON, kept as they are (e.g. `api`)."""
    adopt_formula_id: pulumi.Output[int | None]
    """Take over an existing formula instead of creating one."""
    formula_id: pulumi.Output[int]
    """The formula's id (also the Pulumi resource id)."""
    created_date: pulumi.Output[str]
    """ISO 8601, UTC."""
