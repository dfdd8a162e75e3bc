"""ConnectorExtension: its spec, its check and its document (stubs from the scaffold: extend them)."""

from __future__ import annotations

from pulumi_openconnectors.resources.connector_extension.operations import ConnectorExtensionOperations
from pulumi_openconnectors.resources.connector_extension.rules import problems
from pulumi_openconnectors.resources.registry import SPECS


def test_the_type_is_registered() -> None:
    assert "ConnectorExtension" in [spec.name for spec in SPECS]


def test_check_accepts_a_minimal_object_and_names_an_unknown_input() -> None:
    model, failures = ConnectorExtensionOperations.validate({"name": "a"})
    assert model is not None and failures == []
    _, failures = ConnectorExtensionOperations.validate({"name": "a", "nmae": "b"})
    assert failures and failures[0][0] == "nmae"


def test_the_document_sent_holds_the_inputs_and_the_extra_keys() -> None:
    model, _ = ConnectorExtensionOperations.validate({"name": "a", "extra": {"note": 1}})
    assert model is not None
    assert model.document() == {"note": 1, "name": "a"}


def test_the_rules_accept_a_minimal_document() -> None:
    assert problems({"name": "a"}) == []
