"""Create, adopt, read, update and delete of formula instances (inside the provider process)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...client.models import FormulaInstance
from ..documents import project
from ..operations import StampedOperations, found_or_none
from ..values import iso_utc
from .inputs import FormulaInstanceInputs


class FormulaInstanceOperations(StampedOperations[FormulaInstanceInputs, FormulaInstance]):
    inputs_model = FormulaInstanceInputs

    def creating(self, inputs: FormulaInstanceInputs) -> str:
        return f"formula instance {inputs.name!r} of formula {inputs.formula_id}"

    def missing(self, inputs: FormulaInstanceInputs, ident: int) -> str:
        return (
            f"adopt_formula_instance_id={ident}: formula {inputs.formula_id} has no such "
            "instance (GET /formulas/{id}/instances/{instanceId} answered 404)."
        )

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        formula_id = int(props.get("formula_id") or 0) or self._formula_of(int(id_))
        instance = found_or_none(lambda: self.client.get_formula_instance(formula_id, int(id_)))
        if instance is None:
            return None
        desired = FormulaInstanceInputs.model_construct(
            formula_id=formula_id,
            name=str(props.get("name") or ""),
            active=bool(props.get("active", True)),
            configuration={
                str(k): str(v) for k, v in dict(props.get("configuration") or {}).items()
            },
            settings=props.get("settings"),
            adopt_formula_instance_id=props.get("adopt_formula_instance_id"),
        )
        return self.marked_outputs(desired, instance, props)

    def _formula_of(self, instance_id: int) -> int:
        """The formula of an instance known by its id only (an import): 0 when none has it."""
        for instance in self.client.list_all_formula_instances():
            if instance.id == instance_id and instance.formula is not None:
                return int(instance.formula.id or 0)
        return 0

    # -- the API: the instances of the formula ``where`` names -------------------------------

    def get(self, where: Mapping[str, Any], ident: int) -> FormulaInstance:
        return self.client.get_formula_instance(_formula(where), ident)

    def put(self, where: Mapping[str, Any], ident: int, body: Mapping[str, Any]) -> FormulaInstance:
        return self.client.replace_formula_instance(_formula(where), ident, body)

    def post(self, where: Mapping[str, Any], body: Mapping[str, Any]) -> FormulaInstance:
        return self.client.create_formula_instance(_formula(where), body)

    def listed(self, where: Mapping[str, Any]) -> Iterable[FormulaInstance]:
        return self.client.list_formula_instances(_formula(where))

    def remove(self, where: Mapping[str, Any], ident: int) -> None:
        self.client.delete_formula_instance(_formula(where), ident)

    @staticmethod
    def outputs(
        desired: FormulaInstanceInputs,
        found: FormulaInstance,
        since: float | None,
        late: bool,
    ) -> dict[str, Any]:
        formula = found.formula
        return {
            "formula_id": formula.id if formula is not None else desired.formula_id,
            "name": found.name,
            "active": found.active,
            "configuration": {str(k): str(v) for k, v in found.configuration.items()},
            "settings": (
                project(found.settings, desired.settings)
                if desired.settings is not None
                else found.settings or None
            ),
            "adopt_formula_instance_id": desired.adopt_formula_instance_id,
            "formula_instance_id": found.id,
            "formula_name": formula.name if formula is not None else None,
            "created_date": iso_utc(found.created_date),
            "created_since": since,
            "late_create_possible": late,
        }


def _formula(where: Mapping[str, Any]) -> int:
    """The formula of the instances (``formula_id`` of the inputs or of the state)."""
    return int(where.get("formula_id") or 0)
