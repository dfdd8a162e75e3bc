"""Create, adopt, read, update and delete of formula templates (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import Formula
from ...reconcile import OwnedKind, create_reconciled, delete_owned
from ..documents import document_outputs, keeping_unmanaged, state_values
from ..operations import Failures, Operations, found_or_none, still_there, to_adopt, to_post
from ..ownership import CreatedSince
from ..values import iso_utc
from .inputs import FormulaInputs
from .rules import formula_problems
from .spec import SPEC


class FormulaOperations(Operations[FormulaInputs]):
    spec = SPEC
    inputs_model = FormulaInputs

    @classmethod
    def rules(cls, inputs: FormulaInputs) -> Failures:
        return formula_problems(inputs.document())

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        if inputs.adopt_formula_id is not None:
            return self._adopt(inputs)
        since = CreatedSince.now(self.client)
        what = f"formula {inputs.name!r}"
        formula, late = create_reconciled(self._kind(inputs, since), since.marker, what)
        return str(formula.id), self._outputs(inputs, formula, since.value, late)

    def _adopt(self, inputs: FormulaInputs) -> tuple[str, dict[str, Any]]:
        formula_id = int(inputs.adopt_formula_id or 0)
        existing = to_adopt(
            lambda: self.client.get_formula(formula_id),
            f"adopt_formula_id={formula_id}: no such formula in this organization "
            "(GET /formulas/{id} answered 404).",
        )
        outputs = self.adopted(
            inputs,
            existing,
            lambda found: self._outputs(inputs, found, None, False),
            lambda: self.client.replace_formula(
                formula_id,
                keeping_unmanaged(inputs.document(), SPEC.unmanaged_keys, existing.document),
            ),
        )
        return str(existing.id), outputs

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        formula = found_or_none(lambda: self.client.get_formula(int(id_)))
        if formula is None:
            return None
        desired = FormulaInputs.model_construct(**state_values(SPEC, props))
        return self._outputs(
            desired,
            formula,
            props.get("created_since"),
            bool(props.get("late_create_possible")),
        )

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        with still_there(f"formula {id_}"):  # PUT replaces: read, merge, write
            body = keeping_unmanaged(
                inputs.document(),
                SPEC.unmanaged_keys,
                lambda: self.client.get_formula(int(id_)).document(),
            )
            formula = self.client.replace_formula(int(id_), body)
        return self._outputs(
            inputs, formula, olds.get("created_since"), bool(olds.get("late_create_possible"))
        )

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        since = CreatedSince.from_state(props.get("created_since"))
        name = str(props.get("name") or "")
        look = bool(props.get("late_create_possible")) and since is not None
        delete_owned(self._kind(None, since, name), int(id_), since.marker if since else None, look)

    # -- plumbing ------------------------------------------------------------------------

    def _kind(
        self, inputs: FormulaInputs | None, since: CreatedSince | None, name: str | None = None
    ) -> OwnedKind[Formula]:
        """Formulas for reconciliation: the marker is the name plus a creation time at or
        after the first POST (formulas carry no tags)."""
        client = self.client
        wanted = inputs.name if inputs is not None else name

        def post() -> Formula:
            return client.create_formula(to_post(inputs, "formula").document())

        def find(_marker: str) -> list[Formula]:
            if since is None:
                return []
            return [
                f
                for f in client.list_formulas()
                if f.name == wanted and since.covers(f.created_date)
            ]

        return OwnedKind("formula", post, find, client.get_formula, client.delete_formula)

    @staticmethod
    def _outputs(
        desired: FormulaInputs, formula: Formula, since: float | None, late: bool
    ) -> dict[str, Any]:
        return {
            **document_outputs(SPEC, formula.document(), dict(desired)),
            "name": formula.name,
            "adopt_formula_id": desired.adopt_formula_id,
            "formula_id": formula.id,
            "created_date": iso_utc(formula.created_date),
            "created_since": since,
            "late_create_possible": late,
        }
