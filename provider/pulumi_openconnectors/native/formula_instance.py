"""FormulaInstance through the provider plugin:
``openconnectors:index:FormulaInstance``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.formula_instance.outputs import FormulaInstanceOutputs
from ..resources.formula_instance.spec import SPEC
from ..resources.typed_keywords import FormulaInstanceKeywords
from ._base import NativeResource


class FormulaInstance(FormulaInstanceKeywords, NativeResource, FormulaInstanceOutputs):
    """A formula instance: a formula template with a value for each variable (a connector
    instance id for an `elementInstance` variable). Updates are a full `PUT
    /formulas/{id}/instances/{instanceId}`.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
