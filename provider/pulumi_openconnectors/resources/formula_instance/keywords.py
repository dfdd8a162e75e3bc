"""FormulaInstance: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..keywords import Keywords


class FormulaInstanceKeywords(Keywords):
    """The keywords of both FormulaInstance classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        formula_id: pulumi.Input[int],
        name: pulumi.Input[str] | None = None,
        active: pulumi.Input[bool] = True,
        configuration: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        settings: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt_formula_instance_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A FormulaInstance resource.

        Args:
            resource_name: the Pulumi resource name.
            formula_id: the formula template: a `Formula`'s `.id` (known in previews while the
                formula is updated, so an edit of the formula does not preview as a
                replacement).
            name: default: the resource name.
            active: default true.
            configuration: variable key -> value; pass a `ConnectorInstance`'s `.id` for an
                `elementInstance` variable, so the engine orders creates and deletes.
            settings: `notification.email`, `notification.webhook.url`, `api`, …; unset = not
                managed.
            adopt_formula_instance_id: take over an existing instance of `formula_id` instead of
                creating one.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
