"""Create, adopt, read, update and delete of transformations (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client import Scope
from ...client.models import Transformation
from ...reconcile import OwnedKind, keyed_kind
from ..documents import document_outputs, state_values
from ..operations import (
    KeyedOperations,
    found_or_none,
    to_post,
    unless_taken,
)
from .inputs import TransformationInputs
from .spec import SPEC


@dataclass(frozen=True)
class Keyed:
    """A transformation with its key (scope and object name)."""

    scope: Scope
    object_name: str
    transformation: Transformation

    @property
    def key(self) -> str:
        return f"{self.scope.level}/{self.scope.ref}/{self.object_name}"


def parse_key(key: str) -> tuple[Scope, str]:
    """``element/<keyOrId>/<object>`` or ``instance/<id>/<object>`` back to its parts."""
    level, ref, object_name = key.split("/", 2)
    return (Scope.instance(ref) if level == "instance" else Scope.element(ref)), object_name


def scope_inputs(scope: Scope) -> dict[str, Any]:
    """The inputs that name a scope: ``instance_id``, ``element_id`` or ``element_key``."""
    if scope.level == "instance":
        return {"instance_id": int(scope.ref)}
    return {"element_id": int(scope.ref)} if scope.ref.isdigit() else {"element_key": scope.ref}


class TransformationOperations(KeyedOperations[TransformationInputs, Transformation]):
    inputs_model = TransformationInputs

    def key(self, inputs: TransformationInputs) -> str:
        return inputs.transformation_id

    def fetch(self, key: str) -> Transformation:
        return self.client.get_transformation(*parse_key(key))

    def get(self, inputs: TransformationInputs) -> Transformation:
        return self.client.get_transformation(inputs.scope, inputs.object_name)

    def put(self, inputs: TransformationInputs, body: Mapping[str, Any]) -> Transformation:
        return self.client.replace_transformation(inputs.scope, inputs.object_name, body)

    def outputs(
        self, inputs: TransformationInputs, found: Transformation, key: str
    ) -> dict[str, Any]:
        return _outputs(inputs, found, key)

    def unwrap(self, keyed: Any) -> Transformation:
        found: Keyed = keyed
        return found.transformation

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        scope, object_name = parse_key(id_)
        found = found_or_none(lambda: self.fetch(id_))
        if found is None:
            return None
        known = state_values(SPEC, props)
        if not {"element_key", "element_id", "instance_id"} & set(known):
            known.update(scope_inputs(scope))  # read by its id only (an import)
        desired = TransformationInputs.model_construct(**{**known, "object_name": object_name})
        return _outputs(desired, found, id_)

    def _kind(self, inputs: TransformationInputs | None) -> OwnedKind[Keyed]:
        """Transformations for reconciliation: scope and object name are the key and marker."""
        client = self.client

        def post() -> Keyed:
            posted = to_post(inputs, "transformation")
            created = unless_taken(
                lambda: client.create_transformation(
                    posted.scope, posted.object_name, posted.document()
                ),
                f"transformation {posted.transformation_id!r} already exists: take it over "
                "with adopt=True.",
            )
            return Keyed(posted.scope, posted.object_name, created)

        def get(key: int | str) -> Keyed:
            scope, object_name = parse_key(str(key))
            return Keyed(scope, object_name, client.get_transformation(scope, object_name))

        def delete(key: int | str) -> None:
            scope, object_name = parse_key(str(key))
            client.delete_transformation(scope, object_name)

        return keyed_kind("transformation", post=post, get=get, delete=delete, ident=_key)


def _key(keyed: Keyed) -> str:
    return keyed.key


def _outputs(
    desired: TransformationInputs, found: Transformation, key: str | None = None
) -> dict[str, Any]:
    return {
        **document_outputs(SPEC, found.document(), dict(desired)),
        "object_name": desired.object_name,
        "element_key": desired.element_key,
        "element_id": desired.element_id,
        "instance_id": desired.instance_id,
        "common_resource_fields": desired.common_resource_fields,
        "adopt": desired.adopt,
        "transformation_id": key or desired.transformation_id,
        "level": found.level,
    }
