"""Connector: its spec, its check (messages that name the field), its rules and its document."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.resources.connector.operations import ConnectorOperations
from pulumi_openconnectors.resources.connector.rules import problems
from pulumi_openconnectors.resources.registry import SPECS

MINIMAL: dict[str, Any] = {"key": "acme", "name": "Acme", "authentication": {"type": "basic"}}


def test_the_type_is_registered() -> None:
    assert "Connector" in [spec.name for spec in SPECS]


def test_check_accepts_a_minimal_object_and_names_an_unknown_input() -> None:
    model, failures = ConnectorOperations.validate(MINIMAL)
    assert model is not None and failures == []
    _, failures = ConnectorOperations.validate({**MINIMAL, "nmae": "b"})
    assert failures and failures[0][0] == "nmae"


def test_the_document_sent_holds_the_inputs_and_the_extra_keys() -> None:
    model, _ = ConnectorOperations.validate(
        {**MINIMAL, "hub": "crm", "extra": {"image": "x.png"}, "adopt": True}
    )
    assert model is not None
    assert model.document() == {
        "image": "x.png",
        "key": "acme",
        "name": "Acme",
        "authentication": {"type": "basic"},
        "hub": "crm",
        "configuration": [],
        "resources": [],
    }


def test_the_rules_accept_a_minimal_document() -> None:
    assert problems(MINIMAL) == []


@pytest.mark.parametrize(
    ("change", "prop", "words"),
    [
        ({"key": "no spaces"}, "key", ["key must be", "'no spaces'"]),
        ({"key": ""}, "key", ["key must be"]),
        ({"name": " "}, "name", ["name"]),
        ({"authentication": {}}, "authentication", ["authentication.type is required"]),
        ({"authentication": {"type": " "}}, "authentication", ["authentication.type"]),
        (
            {"configuration": [{"key": "a"}, {"name": "b"}]},
            "configuration",
            ["configuration[1].key is required"],
        ),
        (
            {"configuration": [{"key": "a"}, {"key": "a"}]},
            "configuration",
            ["configuration[1].key 'a' is declared twice"],
        ),
        (
            {"resources": [{"path": "contacts", "method": "GET"}]},
            "resources",
            ["resources[0].path is required", "'contacts'"],
        ),
        (
            {"resources": [{"path": "/contacts", "method": "FETCH"}]},
            "resources",
            ["resources[0].method must be one of GET"],
        ),
        (
            {"resources": [{"path": "/c", "method": "GET"}, {"path": "/c", "method": "GET"}]},
            "resources",
            ["resources[1]: GET /c is declared twice"],
        ),
        ({"extra": {"id": 3}}, "extra", ["'id'", "server-set"]),
        ({"extra": {"key": "x"}}, "extra", ["'key'", "own inputs"]),
    ],
)
def test_check_failures_name_the_field(change: dict[str, Any], prop: str, words: list[str]) -> None:
    model, failures = ConnectorOperations.validate({**MINIMAL, **change})
    assert model is None
    assert [p for p, _ in failures] == [prop], failures
    message = failures[0][1]
    assert message.startswith(prop), message
    for word in words:
        assert word in message, message


def test_required_inputs_are_named() -> None:
    _, failures = ConnectorOperations.validate({"name": "Acme"})
    assert sorted(p for p, _ in failures) == ["authentication", "key"]
    assert all(m.endswith("is required") for _, m in failures)


def test_every_rule_broken_is_reported_at_once() -> None:
    document = {
        "authentication": None,
        "configuration": [{}, {"key": "k"}, {"key": "k"}],
        "resources": ["x", {"path": "/a"}],
    }
    assert [m for _, m in problems(document)] == [
        "authentication.type is required (e.g. 'basic', 'oauth2', 'custom')",
        "configuration[0].key is required (e.g. 'base.url')",
        "configuration[2].key 'k' is declared twice",
        "resources[0] must be an object with a path and a method",
        "resources[1].method must be one of GET, POST, PUT, PATCH, DELETE (got None)",
    ]


def test_a_key_change_replaces_and_other_changes_update_in_place() -> None:
    spec = ConnectorOperations.spec
    old = {**MINIMAL, "configuration": [], "resources": []}
    assert spec.diff(old, {**MINIMAL, "key": "acme2"}) == (["key"], [])
    assert spec.diff(old, {**MINIMAL, "name": "Acme 2"}) == ([], ["name"])
    # unset hub/description are not managed; adopt is used at create only
    assert spec.diff({**old, "hub": "crm"}, {**MINIMAL, "adopt": True}) == ([], [])
