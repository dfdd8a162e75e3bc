"""Formula: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pulumi

from ..files import file_inputs
from ..resource import SpecResource
from .provider import FormulaProvider
from .spec import SPEC


class Formula(SpecResource, **SPEC.pulumi_type):
    """A formula template: its variables (`configuration`), its trigger and its steps, as in the
    formula JSON the platform documents (and the UI exports). Every change is a full `PUT
    /formulas/{id}`, in place.

    Every change is an in-place update (``PUT /formulas/{id}``). ``check`` enforces the
    documented rules: trigger and step types, unique step names, ``onSuccess``/``onFailure``
    naming steps of the formula, ``${config.x}``/``${steps.x}`` references to declared variables
    and existing steps, and a schedule no more frequent than every 15 minutes. Load an exported
    formula with ``from_file``; keys the provider does not know are kept in ``extra``.

    Type token: ``pulumi-python:dynamic/openconnectors:Formula``.

    Args:
        resource_name: the Pulumi resource name.
        name: the formula's name; default: the resource name.
        description: free text.
        active: default true; an inactive template stops all its instances.
        single_threaded: `singleThreaded`; unset = not managed.
        engine: `v1` or `v3`; unset = not managed.
        debug_logging_enabled: `debugLoggingEnabled`; unset = not managed.
        configuration: the variables: `{key, name, type: value|elementInstance, required?}`
            each.
        triggers: `{type: event|elementRequest|scheduled|manual, properties, onSuccess,
            onFailure}`.
        steps: `{name, type, properties, onSuccess, onFailure}` each, as documented.
        extra: any other top-level keys of the formula JSON, kept as they are (e.g. `api`).
        adopt_formula_id: take over an existing formula instead of creating one.
        opts: the Pulumi resource options.
    """

    name: pulumi.Output[str]
    description: pulumi.Output[str | None]
    active: pulumi.Output[bool]
    single_threaded: pulumi.Output[bool | None]
    engine: pulumi.Output[str | None]
    debug_logging_enabled: pulumi.Output[bool | None]
    configuration: pulumi.Output[list[dict[str, Any]]]
    triggers: pulumi.Output[list[dict[str, Any]]]
    steps: pulumi.Output[list[dict[str, Any]]]
    extra: pulumi.Output[dict[str, Any]]
    adopt_formula_id: pulumi.Output[int | None]
    formula_id: pulumi.Output[int]
    created_date: pulumi.Output[str]
    created_since: pulumi.Output[float | None]
    late_create_possible: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        description: pulumi.Input[str] | None = None,
        active: pulumi.Input[bool] = True,
        single_threaded: pulumi.Input[bool] | None = None,
        engine: pulumi.Input[str] | None = None,
        debug_logging_enabled: pulumi.Input[bool] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        triggers: pulumi.Input[Sequence[Any]] | None = None,
        steps: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt_formula_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs: dict[str, Any] = {
            "name": name if name is not None else resource_name,
            "description": description,
            "active": active,
            "single_threaded": single_threaded,
            "engine": engine,
            "debug_logging_enabled": debug_logging_enabled,
            "configuration": configuration if configuration is not None else [],
            "triggers": triggers if triggers is not None else [],
            "steps": steps if steps is not None else [],
            "extra": extra if extra is not None else {},
            "adopt_formula_id": adopt_formula_id,
        }
        self._register(FormulaProvider(), resource_name, inputs, opts)

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        name: str | None = None,
        *,
        opts: pulumi.ResourceOptions | None = None,
        **overrides: Any,
    ) -> Formula:
        """A formula from its JSON file (as exported from the UI or the API). ``name`` is the
        Pulumi resource name (default: the file's stem). The file gives every input;
        ``overrides`` replace single inputs (``description=…``, ``active=False``). Server-set
        keys (``id``, ``userId``, ``createdDate``…, and the ids of variables, triggers and
        steps) are dropped; other keys the provider does not know go to ``extra`` and are sent
        back as they are.
        """
        resource_name, inputs = file_inputs(SPEC, path, name, overrides)
        return cls(resource_name, opts=opts, **inputs)
