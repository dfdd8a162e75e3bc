"""Formula: a formula template as a Pulumi resource, written in Python or loaded from the JSON
file the UI exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pulumi

from ..documents import load_json_object
from ..resource import SpecResource
from .provider import FormulaProvider
from .spec import ITEM_SERVER_KEYS, SERVER_KEYS, SPEC

# The formula JSON's keys that are inputs of their own, by input name.
_KEYS = {
    "name": "name",
    "description": "description",
    "active": "active",
    "singleThreaded": "single_threaded",
    "engine": "engine",
    "debugLoggingEnabled": "debug_logging_enabled",
    "configuration": "configuration",
    "triggers": "triggers",
    "steps": "steps",
}


class Formula(SpecResource, **SPEC.pulumi_type):
    """A formula template: variables (``configuration``), triggers and steps.

    Type token: ``pulumi-python:dynamic/openconnectors:Formula``. Every change is an in-place
    update (``PUT /formulas/{id}``). ``check`` enforces the documented rules: trigger and step
    types, unique step names, ``onSuccess``/``onFailure`` naming steps of the formula,
    ``${config.x}``/``${steps.x}`` references to declared variables and existing steps, and a
    schedule no more frequent than every 15 minutes. Load an exported formula with
    :meth:`from_file`; keys the provider does not know are kept in ``extra``.
    """

    formula_id: pulumi.Output[int]
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
        self._register(
            FormulaProvider(),
            resource_name,
            {
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
            },
            opts,
        )

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        name: str | None = None,
        *,
        opts: pulumi.ResourceOptions | None = None,
        **overrides: Any,
    ) -> Formula:
        """A formula from its JSON file (as exported from the UI or the API).

        ``name`` is the Pulumi resource name (default: the file's stem). The file gives every
        input; ``overrides`` replace single inputs (``description=…``, ``active=False``).
        Server-set keys (``id``, ``userId``, ``createdDate``…, and the ids of variables,
        triggers and steps) are dropped; other keys the provider does not know go to
        ``extra`` and are sent back as they are.
        """
        return cls(name or Path(path).stem, opts=opts, **{**formula_inputs(path), **overrides})


def formula_inputs(path: str | Path) -> dict[str, Any]:
    """The inputs of :class:`Formula` from a formula JSON file."""
    document = load_json_object(path, "formula")
    inputs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in document.items():
        if key in SERVER_KEYS:
            continue
        if key in ("configuration", "triggers", "steps") and isinstance(value, list):
            value = [
                {k: v for k, v in item.items() if k not in ITEM_SERVER_KEYS}
                if isinstance(item, dict)
                else item
                for item in value
            ]
        if key in _KEYS:
            inputs[_KEYS[key]] = value
        else:
            extra[key] = value
    if extra:
        inputs["extra"] = extra
    return inputs
