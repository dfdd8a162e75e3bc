"""FormulaInstance: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..resource import SpecResource
from .outputs import FormulaInstanceOutputs
from .provider import FormulaInstanceProvider
from .spec import SPEC


class FormulaInstance(SpecResource, FormulaInstanceOutputs, **SPEC.pulumi_type):
    """A formula instance: a formula template with a value for each variable (a connector
    instance id for an `elementInstance` variable). Updates are a full `PUT
    /formulas/{id}/instances/{instanceId}`.

    Changing ``formula_id`` replaces it; ``name``, ``active``, ``configuration`` and
    ``settings`` are updated in place. Give ``formula_id`` a ``Formula``'s ``.id`` and
    ``elementInstance`` variables a ``ConnectorInstance``'s ``.id``: the engine then creates
    those first and deletes the formula instance first (and an id stays known in a preview while
    its resource is updated, so an edit of the formula previews as one update, not a
    replacement).

    Type token: ``pulumi-python:dynamic/openconnectors:FormulaInstance``.

    Args:
        resource_name: the Pulumi resource name.
        formula_id: the formula template: a `Formula`'s `.id` (known in previews while the
            formula is updated, so an edit of the formula does not preview as a replacement).
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

    _spec = SPEC
    _provider_class = FormulaInstanceProvider

    created_since: pulumi.Output[float | None]
    """Server time just before the create was sent (finds a create whose answer was lost)."""
    late_create_possible: pulumi.Output[bool]
    """A POST of the create went unanswered (delete then sweeps for a late copy)."""

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
        self._create(resource_name, locals(), opts)
