"""Create, adopt, read, update and delete of object definitions (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client.models import ObjectDefinition
from ...reconcile import OwnedKind, keyed_kind
from ..documents import document_outputs
from ..operations import KeyedOperations, to_post, unless_taken
from .inputs import CommonResourceInputs
from .spec import SPEC


class CommonResourceOperations(KeyedOperations[CommonResourceInputs, ObjectDefinition]):
    inputs_model = CommonResourceInputs
    missing = "adopt=True: there is no {noun} {key!r} in this organization to take over."
    key_input = "name"

    def fetch(self, key: str) -> ObjectDefinition:
        return self.client.get_definition(key)

    def put(self, inputs: CommonResourceInputs, body: Mapping[str, Any]) -> ObjectDefinition:
        return self.client.replace_definition(inputs.name, body)

    def outputs(
        self, inputs: CommonResourceInputs, found: ObjectDefinition, key: str
    ) -> dict[str, Any]:
        return _outputs(inputs, found)

    def unwrap(self, keyed: Any) -> ObjectDefinition:
        named: Named = keyed
        return named.definition

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
            return Named(str(name), self.fetch(str(name)))

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
