"""Create, adopt, read, update and delete of formula templates (inside the provider process)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...client.models import Formula
from ..documents import document_outputs, state_values
from ..operations import StampedOperations, found_or_none
from ..values import iso_utc
from .inputs import FormulaInputs
from .rules import formula_problems
from .spec import SPEC


class FormulaOperations(StampedOperations[FormulaInputs, Formula]):
    inputs_model = FormulaInputs
    document_problems = staticmethod(formula_problems)

    def missing(self, inputs: FormulaInputs, ident: int) -> str:
        return (
            f"adopt_formula_id={ident}: no such formula in this organization "
            "(GET /formulas/{id} answered 404)."
        )

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        formula = found_or_none(lambda: self.client.get_formula(int(id_)))
        if formula is None:
            return None
        desired = FormulaInputs.model_construct(**state_values(SPEC, props))
        return self.marked_outputs(desired, formula, props)

    # -- the API ---------------------------------------------------------------------------

    def get(self, where: Mapping[str, Any], ident: int) -> Formula:
        return self.client.get_formula(ident)

    def put(self, where: Mapping[str, Any], ident: int, body: Mapping[str, Any]) -> Formula:
        return self.client.replace_formula(ident, body)

    def post(self, where: Mapping[str, Any], body: Mapping[str, Any]) -> Formula:
        return self.client.create_formula(body)

    def listed(self, where: Mapping[str, Any]) -> Iterable[Formula]:
        return self.client.list_formulas()

    def remove(self, where: Mapping[str, Any], ident: int) -> None:
        self.client.delete_formula(ident)

    @staticmethod
    def outputs(
        desired: FormulaInputs, found: Formula, since: float | None, late: bool
    ) -> dict[str, Any]:
        return {
            **document_outputs(SPEC, found.document(), dict(desired)),
            "name": found.name,
            "adopt_formula_id": desired.adopt_formula_id,
            "formula_id": found.id,
            "created_date": iso_utc(found.created_date),
            "created_since": since,
            "late_create_possible": late,
        }
