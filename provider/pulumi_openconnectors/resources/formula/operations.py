"""Create, adopt, read, update and delete of formula templates (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import Formula
from ...errors import NotFoundError, ProviderError
from ...reconcile import OwnedKind, create_reconciled, delete_owned
from ..documents import keeping_unmanaged, project, without_keys
from ..operations import Failures, Operations, still_there
from ..ownership import CreatedSince
from ..values import iso_utc
from .inputs import KNOWN_KEYS, FormulaInputs
from .rules import formula_problems
from .spec import ITEM_SERVER_KEYS, SERVER_KEYS, SPEC

# What a formula's inputs leave unmanaged when unset: a PUT (which replaces the formula) keeps
# them as the formula has them.
UNMANAGED = ("singleThreaded", "engine", "debugLoggingEnabled")


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
        try:
            existing = self.client.get_formula(formula_id)
        except NotFoundError:
            raise ProviderError(
                f"adopt_formula_id={formula_id}: no such formula in this organization "
                "(GET /formulas/{id} answered 404)."
            ) from None
        outputs = self.adopted(
            inputs,
            existing,
            lambda found: self._outputs(inputs, found, None, False),
            lambda: self.client.replace_formula(
                formula_id, keeping_unmanaged(inputs.document(), UNMANAGED, existing.document)
            ),
        )
        return str(existing.id), outputs

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        try:
            formula = self.client.get_formula(int(id_))
        except NotFoundError:
            return None
        desired = FormulaInputs.model_construct(**_state_inputs(props))
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
                inputs.document(), UNMANAGED, lambda: self.client.get_formula(int(id_)).document()
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
            if inputs is None:
                raise ProviderError("internal error: no formula to post")
            return client.create_formula(inputs.document())

        def find(_marker: str) -> list[Formula]:
            if since is None:
                return []
            return [
                f
                for f in client.list_formulas()
                if f.name == wanted and since.covers(f.created_date)
            ]

        return OwnedKind(
            noun="formula",
            post=post,
            find=find,
            get=client.get_formula,
            delete=client.delete_formula,
            ident=lambda formula: formula.id,
        )

    @staticmethod
    def _outputs(
        desired: FormulaInputs, formula: Formula, since: float | None, late: bool
    ) -> dict[str, Any]:
        doc = formula.document()
        want = desired.document()
        extra = {k: v for k, v in doc.items() if k not in KNOWN_KEYS and k not in SERVER_KEYS}
        return {
            "name": formula.name,
            "description": doc.get("description") or None,
            "active": doc.get("active"),
            "single_threaded": doc.get("singleThreaded"),
            "engine": doc.get("engine"),
            "debug_logging_enabled": doc.get("debugLoggingEnabled"),
            "configuration": _items(doc, want, "configuration"),
            "triggers": _items(doc, want, "triggers"),
            "steps": _items(doc, want, "steps"),
            "extra": project(extra, desired.extra, SPEC.server_filled),
            "adopt_formula_id": desired.adopt_formula_id,
            "formula_id": formula.id,
            "created_date": iso_utc(formula.created_date),
            "created_since": since,
            "late_create_possible": late,
        }


def _items(doc: Mapping[str, Any], want: Mapping[str, Any], key: str) -> list[Any]:
    items = without_keys(doc.get(key) or [], ITEM_SERVER_KEYS)
    return list(project(items, want.get(key), SPEC.server_filled, key))


def _state_inputs(props: Mapping[str, Any]) -> dict[str, Any]:
    """The last known inputs from state (not validated: the state holds what the API had)."""
    return {
        "name": str(props.get("name") or ""),
        "description": props.get("description"),
        "active": bool(props.get("active", True)),
        "single_threaded": props.get("single_threaded"),
        "engine": props.get("engine"),
        "debug_logging_enabled": props.get("debug_logging_enabled"),
        "configuration": list(props.get("configuration") or []),
        "triggers": list(props.get("triggers") or []),
        "steps": list(props.get("steps") or []),
        "extra": dict(props.get("extra") or {}),
        "adopt_formula_id": props.get("adopt_formula_id"),
    }
