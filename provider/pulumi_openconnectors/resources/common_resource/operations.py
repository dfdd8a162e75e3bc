"""Create, adopt, read, update and delete of object definitions (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client.models import ObjectDefinition
from ...reconcile import OwnedKind, create_reconciled, keyed_kind
from ..documents import document_outputs, state_values
from ..operations import (
    KeyedOperations,
    found_or_none,
    still_there,
    to_adopt,
    to_post,
    unless_taken,
)
from .inputs import CommonResourceInputs
from .spec import SPEC


class CommonResourceOperations(KeyedOperations[CommonResourceInputs]):
    spec = SPEC
    inputs_model = CommonResourceInputs

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        name = inputs.name
        if inputs.adopt:
            existing = to_adopt(
                lambda: self.client.get_definition(name),
                f"adopt=True: there is no common resource {name!r} in this organization "
                "to take over.",
            )
            outputs = self.adopted(
                inputs,
                existing,
                lambda found: _outputs(inputs, found),
                lambda: self.client.replace_definition(name, inputs.document()),
            )
            return name, outputs
        named, unclear = create_reconciled(self._kind(inputs), name, f"common resource {name!r}")
        definition = named.definition
        if unclear:  # found after a lost answer: make sure it holds what the program says
            definition = self.client.replace_definition(name, inputs.document())
        return name, _outputs(inputs, definition)

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        definition = found_or_none(lambda: self.client.get_definition(id_))
        if definition is None:
            return None
        desired = CommonResourceInputs.model_construct(**{**state_values(SPEC, props), "name": id_})
        return _outputs(desired, definition)

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        with still_there(f"common resource {id_!r}"):
            definition = self.client.replace_definition(id_, inputs.document())
        return _outputs(inputs, definition)

    def _kind(self, inputs: CommonResourceInputs | None) -> OwnedKind[Named]:
        """Definitions for reconciliation: the name is the key and the marker."""
        client = self.client

        def post() -> Named:
            posted = to_post(inputs, "definition")
            created = unless_taken(
                lambda: client.create_definition(posted.name, posted.document()),
                f"a common resource named {posted.name!r} already exists in this "
                "organization: take it over with adopt=True, or choose another name.",
            )
            return Named(posted.name, created)

        def get(name: int | str) -> Named:
            return Named(str(name), client.get_definition(str(name)))

        return keyed_kind(
            "common resource",
            post=post,
            get=get,
            delete=lambda name: client.delete_definition(str(name)),
            ident=lambda named: named.name,
        )


@dataclass(frozen=True)
class Named:
    """A definition with its name (the API's answer need not carry it)."""

    name: str
    definition: ObjectDefinition


def _outputs(desired: CommonResourceInputs, definition: ObjectDefinition) -> dict[str, Any]:
    document = {
        **definition.document(),
        "fields": [f.model_dump(mode="json", exclude_unset=True) for f in definition.fields],
    }
    return {
        **document_outputs(SPEC, document, dict(desired)),
        "name": desired.name,
        "adopt": desired.adopt,
        "level": definition.level,
        "field_paths": [f.path for f in definition.fields],
    }
