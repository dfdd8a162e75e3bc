"""ConnectorExtension: its spec, its check (messages that name the field), its rules and its
document."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.resources.connector_extension.operations import (
    ConnectorExtensionOperations,
)
from pulumi_openconnectors.resources.connector_extension.rules import own_resources, problems
from pulumi_openconnectors.resources.registry import SPECS

RESOURCE: dict[str, Any] = {"path": "/hubs/crm/expenses", "method": "GET", "vendorPath": "/x"}
MINIMAL: dict[str, Any] = {"element_key": "closeio", "resources": [RESOURCE]}


def test_the_type_is_registered() -> None:
    assert "ConnectorExtension" in [spec.name for spec in SPECS]


def test_check_accepts_a_minimal_object_and_names_an_unknown_input() -> None:
    model, failures = ConnectorExtensionOperations.validate(MINIMAL)
    assert model is not None and failures == []
    _, failures = ConnectorExtensionOperations.validate({**MINIMAL, "resorces": []})
    assert failures and failures[0][0] == "resorces"


def test_the_document_sent_is_the_key_and_the_resources() -> None:
    model, _ = ConnectorExtensionOperations.validate({**MINIMAL, "adopt": True})
    assert model is not None
    assert model.document() == {"key": "closeio", "resources": [RESOURCE]}


def test_the_rules_accept_a_minimal_document() -> None:
    assert problems({"key": "closeio", "resources": [RESOURCE]}) == []


@pytest.mark.parametrize(
    ("change", "prop", "words"),
    [
        ({"element_key": "no spaces"}, "element_key", ["connector key", "'no spaces'"]),
        ({"resources": []}, "resources", ["at least one resource"]),
        (
            {"resources": [{"path": "expenses", "method": "GET"}]},
            "resources",
            ["resources[0].path is required", "'expenses'"],
        ),
        (
            {"resources": [RESOURCE, {"path": "/x", "method": "FETCH"}]},
            "resources",
            ["resources[1].method must be one of GET", "'FETCH'"],
        ),
        (
            {"resources": [RESOURCE, dict(RESOURCE)]},
            "resources",
            ["resources[1]: GET /hubs/crm/expenses is declared twice"],
        ),
        (
            {"resources": [{**RESOURCE, "parameters": "id"}]},
            "resources",
            ["resources[0].parameters must be a list of objects"],
        ),
    ],
)
def test_check_failures_name_the_field(change: dict[str, Any], prop: str, words: list[str]) -> None:
    model, failures = ConnectorExtensionOperations.validate({**MINIMAL, **change})
    assert model is None
    assert [p for p, _ in failures] == [prop], failures
    message = failures[0][1]
    assert message.startswith(prop), message
    for word in words:
        assert word in message, message


def test_required_inputs_are_named() -> None:
    _, failures = ConnectorExtensionOperations.validate({})
    assert sorted(p for p, _ in failures) == ["element_key", "resources"]
    assert all(m.endswith("is required") for _, m in failures)


def test_the_connector_s_own_resources_are_not_the_organization_s() -> None:
    mixed = [{**RESOURCE, "ownerAccountId": 1}, {**RESOURCE, "path": "/a", "ownerAccountId": 77}]
    assert own_resources(mixed) == [{**RESOURCE, "path": "/a"}]
    model, _ = ConnectorExtensionOperations.validate({**MINIMAL, "resources": mixed})
    assert model is not None and model.document()["resources"] == [{**RESOURCE, "path": "/a"}]


def test_a_key_change_replaces_and_a_resource_change_updates_in_place() -> None:
    spec = ConnectorExtensionOperations.spec
    assert spec.diff(MINIMAL, {**MINIMAL, "element_key": "sfdc"}) == (["element_key"], [])
    changed = {**MINIMAL, "resources": [{**RESOURCE, "vendorPath": "/y"}]}
    assert spec.diff(MINIMAL, changed) == ([], ["resources"])
    assert spec.diff(MINIMAL, {**MINIMAL, "adopt": True}) == ([], [])
