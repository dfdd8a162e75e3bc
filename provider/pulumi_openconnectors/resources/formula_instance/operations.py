"""Create, adopt, read, update and delete of formula instances (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import FormulaInstance
from ...errors import ProviderError
from ...reconcile import OwnedKind, create_reconciled, delete_owned
from ..documents import keeping_unmanaged, project
from ..operations import Operations, found_or_none, still_there, to_adopt
from ..ownership import CreatedSince
from ..values import iso_utc
from .inputs import FormulaInstanceInputs
from .spec import SPEC


class FormulaInstanceOperations(Operations[FormulaInstanceInputs]):
    spec = SPEC
    inputs_model = FormulaInstanceInputs

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        if inputs.adopt_formula_instance_id is not None:
            return self._adopt(inputs)
        since = CreatedSince.now(self.client)
        what = f"formula instance {inputs.name!r} of formula {inputs.formula_id}"
        instance, late = create_reconciled(
            self._kind(inputs.formula_id, inputs, since), since.marker, what
        )
        return str(instance.id), _outputs(inputs, instance, since.value, late)

    def _adopt(self, inputs: FormulaInstanceInputs) -> tuple[str, dict[str, Any]]:
        ident = int(inputs.adopt_formula_instance_id or 0)
        existing = to_adopt(
            lambda: self.client.get_formula_instance(inputs.formula_id, ident),
            f"adopt_formula_instance_id={ident}: formula {inputs.formula_id} has no such "
            "instance (GET /formulas/{id}/instances/{instanceId} answered 404).",
        )
        outputs = self.adopted(
            inputs,
            existing,
            lambda found: _outputs(inputs, found, None, False),
            lambda: self.client.replace_formula_instance(
                inputs.formula_id,
                ident,
                keeping_unmanaged(inputs.document(), SPEC.unmanaged_keys, existing.document),
            ),
        )
        return str(existing.id), outputs

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
        return _outputs(
            desired, instance, props.get("created_since"), bool(props.get("late_create_possible"))
        )

    def _formula_of(self, instance_id: int) -> int:
        """The formula of an instance known by its id only (an import): 0 when none has it."""
        for instance in self.client.list_all_formula_instances():
            if instance.id == instance_id and instance.formula is not None:
                return int(instance.formula.id or 0)
        return 0

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        with still_there(f"formula instance {id_}"):  # PUT replaces: read, merge, write
            body = keeping_unmanaged(
                inputs.document(),
                SPEC.unmanaged_keys,
                lambda: self.client.get_formula_instance(inputs.formula_id, int(id_)).document(),
            )
            instance = self.client.replace_formula_instance(inputs.formula_id, int(id_), body)
        return _outputs(
            inputs, instance, olds.get("created_since"), bool(olds.get("late_create_possible"))
        )

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        formula_id = int(props.get("formula_id") or 0)
        since = CreatedSince.from_state(props.get("created_since"))
        look = bool(props.get("late_create_possible")) and since is not None
        kind = self._kind(formula_id, None, since, str(props.get("name") or ""))
        delete_owned(kind, int(id_), since.marker if since else None, look)

    def _kind(
        self,
        formula_id: int,
        inputs: FormulaInstanceInputs | None,
        since: CreatedSince | None,
        name: str | None = None,
    ) -> OwnedKind[FormulaInstance]:
        """Formula instances for reconciliation: marked by their name and a creation time at
        or after the first POST, among the formula's instances."""
        client = self.client
        wanted = inputs.name if inputs is not None else name

        def post() -> FormulaInstance:
            if inputs is None:
                raise ProviderError("internal error: no formula instance to post")
            return client.create_formula_instance(formula_id, inputs.document())

        def find(_marker: str) -> list[FormulaInstance]:
            if since is None:
                return []
            return [
                i
                for i in client.list_formula_instances(formula_id)
                if i.name == wanted and since.covers(i.created_date)
            ]

        return OwnedKind(
            noun="formula instance",
            post=post,
            find=find,
            get=lambda ident: client.get_formula_instance(formula_id, ident),
            delete=lambda ident: client.delete_formula_instance(formula_id, ident),
        )


def _outputs(
    desired: FormulaInstanceInputs, instance: FormulaInstance, since: float | None, late: bool
) -> dict[str, Any]:
    formula = instance.formula
    return {
        "formula_id": formula.id if formula is not None else desired.formula_id,
        "name": instance.name,
        "active": instance.active,
        "configuration": {str(k): str(v) for k, v in instance.configuration.items()},
        "settings": (
            project(instance.settings, desired.settings)
            if desired.settings is not None
            else instance.settings or None
        ),
        "adopt_formula_instance_id": desired.adopt_formula_instance_id,
        "formula_instance_id": instance.id,
        "formula_name": formula.name if formula is not None else None,
        "created_date": iso_utc(instance.created_date),
        "created_since": since,
        "late_create_possible": late,
    }
