"""FormulaInstance: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class FormulaInstanceOutputs:
    """What a FormulaInstance reports: its inputs as the API holds them, and what it sets."""

    formula_id: pulumi.Output[int]
    """The formula template: a `Formula`'s `.id` (known in previews while the formula is
    updated, so an edit of the formula does not preview as a replacement)."""
    name: pulumi.Output[str]
    """Default: the resource name."""
    active: pulumi.Output[bool]
    """Default true."""
    configuration: pulumi.Output[dict[str, str]]
    """Variable key -> value; pass a `ConnectorInstance`'s `.id` for an `elementInstance`
    variable, so the engine orders creates and deletes."""
    settings: pulumi.Output[dict[str, Any] | None]
    """`notification.email`, `notification.webhook.url`, `api`, …; unset = not managed."""
    adopt_formula_instance_id: pulumi.Output[int | None]
    """Take over an existing instance of `formula_id` instead of creating one."""
    formula_instance_id: pulumi.Output[int]
    """The instance id (also the Pulumi id)."""
    formula_name: pulumi.Output[str]
    """The template's name as the API reports it."""
    created_date: pulumi.Output[str]
    """ISO 8601, UTC."""
