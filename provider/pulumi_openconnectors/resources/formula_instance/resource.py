"""FormulaInstance: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

import pulumi

from ..resource import SpecResource
from ..typed_keywords import FormulaInstanceKeywords
from .outputs import FormulaInstanceOutputs
from .provider import FormulaInstanceProvider
from .spec import SPEC


class FormulaInstance(
    FormulaInstanceKeywords, SpecResource, FormulaInstanceOutputs, **SPEC.pulumi_type
):
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
    """

    _spec = SPEC
    _provider_class = FormulaInstanceProvider

    created_since: pulumi.Output[float | None]
    """Server time just before the create was sent (finds a create whose answer was lost)."""
    late_create_possible: pulumi.Output[bool]
    """A POST of the create went unanswered (delete then sweeps for a late copy)."""
