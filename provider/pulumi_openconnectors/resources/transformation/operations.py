"""Create, adopt, read, update and delete of transformations (inside the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client import Scope
from ...client.models import Transformation
from ...errors import ConflictError, ProviderError
from ...reconcile import OwnedKind, create_reconciled, delete_owned, keyed_kind
from ..documents import document_outputs, keeping_unmanaged, state_values
from ..operations import Operations, found_or_none, still_there, to_adopt
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


class TransformationOperations(Operations[TransformationInputs]):
    spec = SPEC
    inputs_model = TransformationInputs

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        key = inputs.transformation_id
        if inputs.adopt:
            existing = to_adopt(
                lambda: self.client.get_transformation(inputs.scope, inputs.object_name),
                f"adopt=True: there is no transformation {key!r} to take over.",
            )
            outputs = self.adopted(
                inputs,
                existing,
                lambda found: _outputs(inputs, found),
                lambda: self.client.replace_transformation(
                    inputs.scope,
                    inputs.object_name,
                    keeping_unmanaged(inputs.document(), SPEC.unmanaged_keys, existing.document),
                ),
            )
            return key, outputs
        keyed, unclear = create_reconciled(self._kind(inputs), key, f"transformation {key!r}")
        found = keyed.transformation
        if unclear:  # found after a lost answer: make sure it holds what the program says
            found = self.client.replace_transformation(
                inputs.scope, inputs.object_name, inputs.document()
            )
        return key, _outputs(inputs, found)

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        scope, object_name = parse_key(id_)
        found = found_or_none(lambda: self.client.get_transformation(scope, object_name))
        if found is None:
            return None
        known = state_values(SPEC, props)
        if not {"element_key", "element_id", "instance_id"} & set(known):
            known.update(scope_inputs(scope))  # read by its id only (an import)
        desired = TransformationInputs.model_construct(**{**known, "object_name": object_name})
        return _outputs(desired, found, id_)

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        scope, object_name = parse_key(id_)
        with still_there(f"transformation {id_!r}"):  # PUT replaces: read, merge, write
            body = keeping_unmanaged(
                inputs.document(),
                SPEC.unmanaged_keys,
                lambda: self.client.get_transformation(scope, object_name).document(),
            )
            found = self.client.replace_transformation(scope, object_name, body)
        return _outputs(inputs, found, id_)

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        delete_owned(self._kind(None), id_, None, look_for_strays=False)

    def _kind(self, inputs: TransformationInputs | None) -> OwnedKind[Keyed]:
        """Transformations for reconciliation: scope and object name are the key and marker."""
        client = self.client

        def post() -> Keyed:
            if inputs is None:
                raise ProviderError("internal error: no transformation to post")
            try:
                created = client.create_transformation(
                    inputs.scope, inputs.object_name, inputs.document()
                )
            except ConflictError:
                raise ProviderError(
                    f"transformation {inputs.transformation_id!r} already exists: take it "
                    "over with adopt=True."
                ) from None
            return Keyed(inputs.scope, inputs.object_name, created)

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
