"""CommonResource.from_file: the inputs a common resource loaded from its definition file
registers (under Pulumi's unit-testing mocks, no engine): the object name from ``name``,
``objectName`` or the file's stem, the fields, server-set keys dropped, unknown keys kept in
``extra``, overrides winning."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors import CommonResource

from ..registered import registered

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "formula-sync" / "common-resources" / "myContacts.json"
TYPE = "pulumi-python:dynamic/openconnectors:CommonResource"
FIELDS = [{"path": "id", "type": "string"}, {"path": "address.city", "type": "string"}]


def _write(tmp_path: Path, document: Any, name: str = "definition.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_example_file_registers_its_name_and_fields() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    resource = registered(lambda: CommonResource.from_file(EXAMPLE))
    assert resource.type == TYPE
    assert resource.name == "myContacts"
    assert resource.inputs == {
        "name": "myContacts",
        "fields": document["fields"],
        "extra": {},
        "adopt": False,
    }


def test_an_exported_definition_drops_server_keys_and_keeps_unknown_ones(tmp_path: Path) -> None:
    document = {
        "id": 4,
        "level": "organization",
        "objectName": "myContacts",
        "fields": FIELDS,
        "description": "contacts of every CRM",
    }
    resource = registered(lambda: CommonResource.from_file(_write(tmp_path, document)))
    assert resource.name == "myContacts"  # the object name, not the file's stem
    assert resource.inputs == {
        "name": "myContacts",
        "fields": FIELDS,
        "extra": {"description": "contacts of every CRM"},
        "adopt": False,
    }


@pytest.mark.parametrize(
    ("naming", "expected"),
    [
        ({"name": "fromName", "objectName": "fromObjectName"}, "fromName"),
        ({"objectName": "fromObjectName"}, "fromObjectName"),
        ({}, "definition"),  # the file's stem
        ({"name": ""}, "definition"),
    ],
)
def test_where_the_object_name_comes_from(
    tmp_path: Path, naming: dict[str, Any], expected: str
) -> None:
    path = _write(tmp_path, {**naming, "fields": FIELDS})
    resource = registered(lambda: CommonResource.from_file(path))
    assert resource.name == expected
    assert resource.inputs["name"] == expected
    assert resource.inputs["extra"] == {}


def test_the_name_argument_is_the_resource_name_only(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "myContacts", "fields": FIELDS})
    resource = registered(lambda: CommonResource.from_file(path, "contacts-definition"))
    assert resource.name == "contacts-definition"
    assert resource.inputs["name"] == "myContacts"


def test_a_definition_without_fields_has_none(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "empty", "fields": None})
    assert registered(lambda: CommonResource.from_file(path)).inputs["fields"] == []


def test_overrides_win_over_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "myContacts", "fields": FIELDS, "description": "file"})
    fields = [{"path": "email", "type": "string"}]
    resource = registered(
        lambda: CommonResource.from_file(
            path, fields=fields, extra={"description": "program"}, adopt=True
        )
    )
    assert resource.inputs == {
        "name": "myContacts",
        "fields": fields,
        "extra": {"description": "program"},
        "adopt": True,
    }


def test_a_file_that_is_no_object_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ["a", "b"])
    with pytest.raises(
        ValueError, match=re.escape(f"common resource file '{path}' must hold one JSON object")
    ):
        CommonResource.from_file(path)
