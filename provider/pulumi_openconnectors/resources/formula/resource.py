"""Formula: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resource import FromFile
from .outputs import FormulaOutputs
from .provider import FormulaProvider
from .spec import SPEC


class Formula(FromFile, FormulaOutputs, **SPEC.pulumi_type):
    """A formula template: its variables (`configuration`), its trigger and its steps, as in the
    formula JSON the platform documents (and the UI exports). Every change is a full `PUT
    /formulas/{id}`, in place.

    Every change is an in-place update (``PUT /formulas/{id}``). ``check`` enforces the
    documented rules: trigger and step types, unique step names, ``onSuccess``/``onFailure``
    naming steps of the formula, ``${config.x}``/``${steps.x}`` references to declared variables
    and existing steps, and a schedule no more frequent than every 15 minutes. Load an exported
    formula with ``from_file``; keys the provider does not know are kept in ``extra``. A step's
    or trigger's ``properties``, ``onSuccess`` or ``onFailure`` the program leaves out (an
    adopted formula declared without its script bodies) are not managed: an update keeps them as
    the platform has them.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A formula from its JSON file (as
    exported from the UI or the API). ``name`` is the Pulumi resource name (default: the file's
    stem). The file gives every input; ``overrides`` replace single inputs (``description=…``,
    ``active=False``). Server-set keys (``id``, ``userId``, ``createdDate``…, and the ids of
    variables, triggers and steps) are dropped; other keys the provider does not know go to
    ``extra`` and are sent back as they are. ``path`` may also be a formula directory
    (``formula.json`` and a ``<step>.js`` per script and filter step, the layout of the-doctor's
    ``--directory`` export; docs/formulas-as-code.md): the resource name then defaults to the
    directory's name, and each step without a ``body`` takes its ``.js`` file.

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

    _spec = SPEC
    _provider_class = FormulaProvider

    created_since: pulumi.Output[float | None]
    """Server time just before the create was sent (finds a create whose answer was lost)."""
    late_create_possible: pulumi.Output[bool]
    """A POST of the create went unanswered (delete then sweeps for a late copy)."""

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
        self._create(resource_name, locals(), opts)
