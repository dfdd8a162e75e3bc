"""VirtualDataResource.from_file: a v2 VDR as the platform (`GET /vdrs/{name}/export`) and
the-doctor export it — bare, or under its name in one file — with the keys the server sets
dropped at every nested path the spec lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pulumi_openconnectors import VirtualDataResource

from ..registered import registered

TYPE = "pulumi-python:dynamic/openconnectors:VirtualDataResource"

EXPORTED: dict[str, Any] = {
    "id": 12,
    "vdrVersion": "v2",
    "vdrName": "myContact",
    "description": "contacts of every CRM",
    "definition": {
        "id": 3,
        "fields": [
            {"id": 31, "path": "id", "type": "string", "level": "organization"},
            {"id": 32, "path": "email", "type": "string", "displayName": "Email"},
        ],
    },
    "transformation": {
        "closeio": {
            "id": 7,
            "vdrId": 12,
            "vendorName": "contacts",
            "startDate": "2020-01-01 00:00:00.000000",
            "fields": [{"id": 71, "vdrFieldId": 32, "path": "email", "vendorPath": "emails"}],
            "script": {"body": "done(transformedObject);"},
        }
    },
}

EXPECTED = {
    "name": "myContact",
    "vdr_version": "v2",
    "definition": {
        "fields": [
            {"path": "id", "type": "string", "level": "organization"},
            {"path": "email", "type": "string", "displayName": "Email"},
        ]
    },
    "transformations": {
        "closeio": {
            "vendorName": "contacts",
            "fields": [{"path": "email", "vendorPath": "emails"}],
            "script": {"body": "done(transformedObject);"},
        }
    },
    "extra": {"description": "contacts of every CRM"},
    "adopt": False,
}


def _write(tmp_path: Path, document: Any, name: str = "vdr.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_an_export_registers_its_name_definition_and_transformations(tmp_path: Path) -> None:
    resource = registered(lambda: VirtualDataResource.from_file(_write(tmp_path, EXPORTED)))
    assert resource.type == TYPE
    assert resource.name == "myContact"
    assert resource.inputs == EXPECTED


def test_a_file_holding_the_vdr_under_its_name_is_read_as_the_vdr(tmp_path: Path) -> None:
    path = _write(tmp_path, {"myContact": EXPORTED}, "vdrs.json")
    resource = registered(lambda: VirtualDataResource.from_file(path))
    assert resource.name == "myContact"
    assert resource.inputs == EXPECTED


def test_the_name_comes_from_object_name_or_the_stem(tmp_path: Path) -> None:
    bare = {k: v for k, v in EXPORTED.items() if k != "vdrName"}
    assert (
        registered(
            lambda: VirtualDataResource.from_file(_write(tmp_path, bare, "stemName.json"))
        ).inputs["name"]
        == "stemName"
    )
    named = {**bare, "objectName": "fromObjectName"}
    path = _write(tmp_path, named, "other.json")
    resource = registered(lambda: VirtualDataResource.from_file(path, "vdr"))
    assert (resource.name, resource.inputs["name"]) == ("vdr", "fromObjectName")


def test_overrides_win_over_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, EXPORTED)
    resource = registered(
        lambda: VirtualDataResource.from_file(path, transformations={}, adopt=True)
    )
    assert resource.inputs == {**EXPECTED, "transformations": {}, "adopt": True}
