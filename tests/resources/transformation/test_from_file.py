"""Transformation.from_file: the inputs a transformation loaded from its JSON file registers
(under Pulumi's unit-testing mocks, no engine): the file's keys as inputs, server-set keys
dropped (also a field's level), unknown keys kept in ``extra``, overrides winning, and the
scope rules: ``element.key`` and ``objectName`` come from the file, and a scope given as
``element_id=``/``instance_id=`` drops the file's ``element_key``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors import CommonResource, Transformation

from ..registered import registered, registered_all

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "formula-sync"
EXAMPLE = EXAMPLES / "transformations" / "closeio-myContacts.json"
TYPE = "pulumi-python:dynamic/openconnectors:Transformation"

# A transformation as GET /organizations/elements/{key}/transformations/{name} returns it.
EXPORTED: dict[str, Any] = {
    "id": 12,
    "objectName": "myContacts",
    "level": "organization",
    "startDate": "2024-05-01 10:00:00.0",
    "elementId": 55,
    "element": {"id": 55, "key": "closeio"},
    "instanceId": 7,
    "vendorName": "contacts",
    "fields": [
        {"path": "id", "vendorPath": "id", "type": "string", "level": "organization"},
        {"path": "email", "vendorPath": "emails[0].email", "type": "string"},
    ],
    "configuration": [{"type": "inherit"}],
    "script": {"body": "done(transformedObject);"},
    "isLegacy": False,
    "tags": ["crm"],
}


def _write(tmp_path: Path, document: Any, name: str = "closeio-contacts.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_example_file_with_its_scope_and_object_given() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    resource = registered(
        lambda: Transformation.from_file(EXAMPLE, element_key="closeio", object_name="myContacts")
    )
    assert resource.type == TYPE
    assert resource.name == "closeio-myContacts"  # the file's stem
    assert resource.inputs == {
        "object_name": "myContacts",
        "element_key": "closeio",
        "vendor_name": "contacts",
        "fields": document["fields"],
        "configuration": document["configuration"],
        "is_legacy": False,
        "extra": {},
        "adopt": False,
    }


def test_an_exported_file_gives_its_scope_and_object_and_drops_server_keys(
    tmp_path: Path,
) -> None:
    resource = registered(lambda: Transformation.from_file(_write(tmp_path, EXPORTED)))
    assert resource.name == "closeio-contacts"
    assert resource.inputs == {
        "object_name": "myContacts",  # objectName of the file
        "element_key": "closeio",  # element.key of the file; elementId and instanceId dropped
        "vendor_name": "contacts",
        "fields": [
            {"path": "id", "vendorPath": "id", "type": "string"},  # the field's level dropped
            {"path": "email", "vendorPath": "emails[0].email", "type": "string"},
        ],
        "configuration": [{"type": "inherit"}],
        "script": {"body": "done(transformedObject);"},
        "is_legacy": False,
        "extra": {"tags": ["crm"]},
        "adopt": False,
    }


@pytest.mark.parametrize(
    ("scope", "kept"),
    [
        ({"element_id": 99}, {"element_id": 99}),
        ({"instance_id": 3}, {"instance_id": 3}),
        ({"element_id": 99, "instance_id": 3}, {"element_id": 99, "instance_id": 3}),
        ({"element_key": "hubspot"}, {"element_key": "hubspot"}),
        (
            {"element_key": "hubspot", "instance_id": 3},
            {"element_key": "hubspot", "instance_id": 3},
        ),
    ],
)
def test_a_scope_the_caller_gives_wins_over_the_files(
    tmp_path: Path, scope: dict[str, Any], kept: dict[str, Any]
) -> None:
    inputs = registered(
        lambda: Transformation.from_file(_write(tmp_path, EXPORTED), **scope)
    ).inputs
    assert {k: inputs[k] for k in ("element_key", "element_id", "instance_id") if k in inputs} == (
        kept
    )


def test_overrides_win_over_the_file(tmp_path: Path) -> None:
    fields = [{"path": "id", "vendorPath": "contact_id", "type": "string"}]
    resource = registered(
        lambda: Transformation.from_file(
            _write(tmp_path, EXPORTED),
            "contacts-map",
            object_name="otherContacts",
            vendor_name="leads",
            fields=fields,
            script=None,
            is_legacy=True,
            extra={"tags": []},
            adopt=True,
        )
    )
    assert resource.name == "contacts-map"
    assert resource.inputs == {
        "object_name": "otherContacts",
        "element_key": "closeio",
        "vendor_name": "leads",
        "fields": fields,
        "configuration": [{"type": "inherit"}],
        "is_legacy": True,
        "extra": {"tags": []},
        "adopt": True,
    }


def test_the_common_resource_given_names_the_object_and_its_fields() -> None:
    def build() -> Transformation:
        contacts = CommonResource.from_file(EXAMPLES / "common-resources" / "myContacts.json")
        return Transformation.from_file(EXAMPLE, element_key="closeio", common_resource=contacts)

    def field_paths(type_: str, inputs: dict[str, Any]) -> dict[str, Any]:
        if type_.endswith(":CommonResource"):
            return {"field_paths": [field["path"] for field in inputs["fields"]]}
        return {}

    common, transformation = registered_all(build, field_paths)
    assert common.name == "myContacts"
    assert transformation.inputs["object_name"] == "myContacts"
    assert transformation.inputs["common_resource_fields"] == [
        "id",
        "firstName",
        "lastName",
        "email",
        "address.city",
    ]


def test_a_file_without_object_needs_one_from_the_caller() -> None:
    with pytest.raises(
        TypeError,
        match=re.escape("Transformation 'closeio-myContacts': give object_name or common_resource"),
    ):
        Transformation.from_file(EXAMPLE, element_key="closeio")


def test_a_file_that_is_no_object_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, [1, 2])
    with pytest.raises(
        ValueError, match=re.escape(f"transformation file '{path}' must hold one JSON object")
    ):
        Transformation.from_file(path)
