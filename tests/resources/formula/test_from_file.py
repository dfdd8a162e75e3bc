"""Formula.from_file: the inputs a formula loaded from its JSON file registers (under Pulumi's
unit-testing mocks, no engine): the file's keys as inputs, server-set keys dropped (also those
of variables, triggers and steps), unknown keys kept in ``extra``, overrides winning."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors import Formula

from ..registered import registered

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "formula-sync" / "formulas" / "sync-contacts.json"
TYPE = "pulumi-python:dynamic/openconnectors:Formula"

# A formula as GET /formulas/{id} returns it: server-set keys at every level, and keys the
# provider has no input of its own for.
EXPORTED: dict[str, Any] = {
    "id": 41,
    "userId": 3,
    "accountId": 2,
    "createdDate": "2024-05-01T10:00:00Z",
    "updatedDate": "2024-05-02T10:00:00Z",
    "name": "copy-contacts",
    "description": "copies contacts",
    "active": False,
    "singleThreaded": True,
    "engine": "v3",
    "debugLoggingEnabled": True,
    "api": "GET /contacts",
    "subscriptions": [{"event": "contacts"}],
    "configuration": [
        {"id": 7, "formulaId": 41, "key": "crm", "name": "CRM", "type": "elementInstance"}
    ],
    "triggers": [
        {
            "id": 8,
            "formulaId": 41,
            "type": "event",
            "async": True,
            "properties": {"elementInstanceId": "${config.crm}"},
            "onSuccess": ["shape"],
            "onFailure": [],
        }
    ],
    "steps": [
        {
            "id": 9,
            "formulaId": 41,
            "name": "shape",
            "type": "script",
            "properties": {"body": "done(trigger);"},
            "onSuccess": [],
            "onFailure": [],
        }
    ],
}


def _write(tmp_path: Path, document: Any, name: str = "copy-contacts.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_example_file_registers_its_keys_as_inputs() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    resource = registered(lambda: Formula.from_file(EXAMPLE))
    assert resource.type == TYPE
    assert resource.name == "sync-contacts"  # the file's stem
    assert resource.inputs == {
        "name": "sync-contacts",
        "description": document["description"],
        "active": True,
        "single_threaded": False,
        "configuration": document["configuration"],
        "triggers": document["triggers"],
        "steps": document["steps"],
        "extra": {},
    }


def test_server_keys_are_dropped_and_unknown_keys_go_to_extra(tmp_path: Path) -> None:
    resource = registered(lambda: Formula.from_file(_write(tmp_path, EXPORTED)))
    assert resource.name == "copy-contacts"
    assert resource.inputs == {
        "name": "copy-contacts",
        "description": "copies contacts",
        "active": False,
        "single_threaded": True,
        "engine": "v3",
        "debug_logging_enabled": True,
        "configuration": [{"key": "crm", "name": "CRM", "type": "elementInstance"}],
        "triggers": [
            {
                "type": "event",
                "async": True,
                "properties": {"elementInstanceId": "${config.crm}"},
                "onSuccess": ["shape"],
                "onFailure": [],
            }
        ],
        "steps": [
            {
                "name": "shape",
                "type": "script",
                "properties": {"body": "done(trigger);"},
                "onSuccess": [],
                "onFailure": [],
            }
        ],
        "extra": {"api": "GET /contacts", "subscriptions": [{"event": "contacts"}]},
    }


def test_overrides_win_over_the_file(tmp_path: Path) -> None:
    steps = [{"name": "other", "type": "script", "properties": {"body": "done();"}}]
    resource = registered(
        lambda: Formula.from_file(
            _write(tmp_path, EXPORTED),
            description="from the program",
            active=True,
            steps=steps,
            triggers=[],
            extra={"api": "POST /contacts"},
            adopt_formula_id=41,
        )
    )
    inputs = resource.inputs
    assert inputs["description"] == "from the program"
    assert inputs["active"] is True
    assert inputs["steps"] == steps
    assert inputs["triggers"] == []
    assert inputs["extra"] == {"api": "POST /contacts"}  # the whole extra, not merged
    assert inputs["adopt_formula_id"] == 41
    assert inputs["name"] == "copy-contacts"  # from the file, not overridden
    assert inputs["engine"] == "v3"


def test_an_override_to_none_removes_the_files_value(tmp_path: Path) -> None:
    inputs = registered(
        lambda: Formula.from_file(_write(tmp_path, EXPORTED), description=None, engine=None)
    ).inputs
    assert "description" not in inputs
    assert "engine" not in inputs


def test_the_name_argument_is_the_resource_name_only(tmp_path: Path) -> None:
    resource = registered(lambda: Formula.from_file(_write(tmp_path, EXPORTED), "my-formula"))
    assert resource.name == "my-formula"
    assert resource.inputs["name"] == "copy-contacts"


def test_a_file_without_name_is_named_after_the_resource(tmp_path: Path) -> None:
    document = {k: v for k, v in EXPORTED.items() if k != "name"}
    path = _write(tmp_path, document, "nameless.json")
    assert registered(lambda: Formula.from_file(path)).inputs["name"] == "nameless"
    assert registered(lambda: Formula.from_file(path, "given")).inputs["name"] == "given"


def test_a_minimal_file_gets_the_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "bare"}, "bare.json")
    assert registered(lambda: Formula.from_file(str(path))).inputs == {
        "name": "bare",
        "active": True,
        "configuration": [],
        "triggers": [],
        "steps": [],
        "extra": {},
    }


def test_an_export_wrapped_in_a_list_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, [EXPORTED])
    assert registered(lambda: Formula.from_file(path)).inputs["name"] == "copy-contacts"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "must hold one JSON object"),
        ('"text"', "must hold one JSON object"),
    ],
)
def test_a_file_that_is_no_formula_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"formula file '{path}' {message}")):
        Formula.from_file(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing.json"
    with pytest.raises(ValueError, match=re.escape(f"cannot read formula file '{path}'")):
        Formula.from_file(path)
