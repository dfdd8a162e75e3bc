"""Create, adopt, read, update and delete of Connector (in the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..documents import document_outputs
from ..operations import Failures, Operations
from .inputs import ConnectorInputs
from .rules import problems
from .spec import SPEC


class ConnectorOperations(Operations[ConnectorInputs]):
    spec = SPEC
    inputs_model = ConnectorInputs

    @classmethod
    def rules(cls, inputs: ConnectorInputs) -> Failures:
        return problems(inputs.document())

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        raise NotImplementedError("Connector: POST inputs.document(), then return its outputs")

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError("Connector: GET the object (None when the API answers 404)")

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        raise NotImplementedError("Connector: PUT inputs.document(), then return its outputs")

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        raise NotImplementedError("Connector: DELETE the object (a 404 counts as deleted)")


def outputs(desired: ConnectorInputs, document: Mapping[str, Any]) -> dict[str, Any]:
    """The outputs from the API's document, projected onto the program's inputs."""
    return {
        **document_outputs(SPEC, document, dict(desired)),
        "adopt": desired.adopt,
        "connector_id": str(document.get("id")),
    }
