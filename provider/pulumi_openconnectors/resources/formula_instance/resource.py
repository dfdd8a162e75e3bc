"""FormulaInstance: a formula template at work, as a Pulumi resource."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..resource import SpecResource
from .provider import FormulaInstanceProvider
from .spec import SPEC


class FormulaInstance(SpecResource, **SPEC.pulumi_type):
    """An instance of a formula template, with a value for each of its variables.

    Type token: ``pulumi-python:dynamic/openconnectors:FormulaInstance``. Changing
    ``formula_id`` replaces it; ``name``, ``active``, ``configuration`` and ``settings`` are
    updated in place. Give ``formula_id`` a ``Formula``'s ``.id`` and ``elementInstance``
    variables a ``ConnectorInstance``'s ``.id``: the engine then creates those first and deletes
    the formula instance first (and an id stays known in a preview while its resource is
    updated, so an edit of the formula previews as one update, not a replacement).
    """

    formula_instance_id: pulumi.Output[int]
    formula_id: pulumi.Output[int]
    name: pulumi.Output[str]
    active: pulumi.Output[bool]
    configuration: pulumi.Output[dict[str, str]]
    settings: pulumi.Output[dict[str, Any] | None]
    adopt_formula_instance_id: pulumi.Output[int | None]
    formula_name: pulumi.Output[str]
    created_date: pulumi.Output[str]
    created_since: pulumi.Output[float | None]
    late_create_possible: pulumi.Output[bool]

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
        self._register(
            FormulaInstanceProvider(),
            resource_name,
            {
                "formula_id": formula_id,
                "name": name if name is not None else resource_name,
                "active": active,
                "configuration": configuration if configuration is not None else {},
                "settings": settings,
                "adopt_formula_instance_id": adopt_formula_instance_id,
            },
            opts,
        )
