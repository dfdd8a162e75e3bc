"""Create, adopt, read, update and delete of ConnectorExtension (in the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..documents import document_outputs
from ..operations import Failures, Operations
from .inputs import ConnectorExtensionInputs
from .rules import problems
from .spec import SPEC


class ConnectorExtensionOperations(Operations[ConnectorExtensionInputs]):
    spec = SPEC
    inputs_model = ConnectorExtensionInputs

    @classmethod
    def rules(cls, inputs: ConnectorExtensionInputs) -> Failures:
        return problems(inputs.document())

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        raise NotImplementedError("ConnectorExtension: POST inputs.document(), then return its outputs")

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError("ConnectorExtension: GET the object (None when the API answers 404)")

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        raise NotImplementedError("ConnectorExtension: PUT inputs.document(), then return its outputs")

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        raise NotImplementedError("ConnectorExtension: DELETE the object (a 404 counts as deleted)")


def outputs(desired: ConnectorExtensionInputs, document: Mapping[str, Any]) -> dict[str, Any]:
    """The outputs from the API's document, projected onto the program's inputs."""
    return {
        **document_outputs(SPEC, document, dict(desired)),
        "adopt": desired.adopt,
        "connector_extension_id": str(document.get("id")),
    }
