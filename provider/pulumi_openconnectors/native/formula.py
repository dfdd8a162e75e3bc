"""Formula through the provider plugin:
``openconnectors:index:Formula``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.formula.outputs import FormulaOutputs
from ..resources.formula.spec import SPEC
from ..resources.typed_keywords import FormulaKeywords
from ._base import NativeResource


class Formula(FormulaKeywords, NativeResource, FormulaOutputs):
    """A formula template: its variables (`configuration`), its trigger and its steps, as in the
    formula JSON the platform documents (and the UI exports). Every change is a full `PUT
    /formulas/{id}`, in place.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
