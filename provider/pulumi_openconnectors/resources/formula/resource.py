"""Formula: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

import pulumi

from ..resource import FromFile
from ..typed_keywords import FormulaKeywords
from .outputs import FormulaOutputs
from .provider import FormulaProvider
from .spec import SPEC


class Formula(FormulaKeywords, FromFile, FormulaOutputs, **SPEC.pulumi_type):
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
    """

    _spec = SPEC
    _provider_class = FormulaProvider

    created_since: pulumi.Output[float | None]
    """Server time just before the create was sent (finds a create whose answer was lost)."""
    late_create_possible: pulumi.Output[bool]
    """A POST of the create went unanswered (delete then sweeps for a late copy)."""
