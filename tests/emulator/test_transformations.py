"""Transformations per connector (organization level) and per connector instance."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import (
    assert_error,
    call,
    closeio_body,
    contact_transformation,
    create,
    define,
    ok,
)

START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def scopes(emu: EmulatorServer) -> list[tuple[str, str]]:
    """(base path, level) of each scope: by element key, by element id, by instance."""
    iid = create(emu, closeio_body())["id"]
    return [
        ("/organizations/elements/closeio/transformations", "organization"),
        ("/organizations/elements/4032/transformations", "organization"),
        (f"/instances/{iid}/transformations", "instance"),
    ]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_crud(emulator: EmulatorServer, which: int) -> None:
    define(emulator)
    base, level = scopes(emulator)[which]
    body = contact_transformation(custom={"kept": True}, level="account", startDate="no")
    created = ok(call(emulator, "POST", f"{base}/contact", body))
    assert created["objectName"] == "contact" and created["level"] == level
    assert START.match(created["startDate"])
    assert created["custom"] == {"kept": True}
    assert created["vendorName"] == "Contact"
    assert [f["level"] for f in created["fields"]] == [level, level]
    assert created["fields"][0] == {
        "path": "id",
        "vendorPath": "Id",
        "type": "string",
        "level": level,
    }
    # answered as the platform does: `level` on each configuration entry, the script's
    # defaults and level filled in
    assert created["configuration"] == [{**c, "level": level} for c in body["configuration"]]
    assert created["script"] == {
        "mimeType": "application/javascript",
        "filterEmptyResponse": False,
        **body["script"],
        "level": level,
    }
    assert created["isLegacy"] is False
    assert ok(call(emulator, "GET", f"{base}/contact")) == created
    assert ok(call(emulator, "GET", base)) == {"contact": created}
    put = ok(call(emulator, "PUT", f"{base}/contact", {"vendorName": "Lead"}))
    assert put == {
        "vendorName": "Lead",
        "objectName": "contact",
        "level": level,
        "startDate": created["startDate"],
        "isLegacy": False,
    }
    assert ok(call(emulator, "DELETE", f"{base}/contact")) == {}
    assert_error(call(emulator, "GET", f"{base}/contact"), 404, "contact")
    error = assert_error(call(emulator, "GET", base), 404)
    assert error["message"] == "No transformations found"


def test_key_and_id_name_the_same_connector(emulator: EmulatorServer) -> None:
    define(emulator)
    by_key, by_id, _ = (b for b, _ in scopes(emulator))
    ok(call(emulator, "POST", f"{by_key}/contact", contact_transformation()))
    assert_error(call(emulator, "POST", f"{by_id}/contact", contact_transformation()), 409)
    assert ok(call(emulator, "GET", f"{by_id}/contact"))["vendorName"] == "Contact"


def test_levels_are_separate(emulator: EmulatorServer) -> None:
    define(emulator)
    org, _, inst = (b for b, _ in scopes(emulator))
    ok(call(emulator, "POST", f"{org}/contact", contact_transformation()))
    ok(call(emulator, "POST", f"{inst}/contact", contact_transformation(vendorName="Other")))
    assert ok(call(emulator, "GET", f"{org}/contact"))["vendorName"] == "Contact"
    assert ok(call(emulator, "GET", f"{inst}/contact"))["vendorName"] == "Other"
    assert_error(call(emulator, "GET", "/organizations/elements/sfdc/transformations"), 404)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"vendorName": None}, ["vendorName"]),
        ({"vendorName": ""}, ["vendorName"]),
        ({"vendorName": 5}, ["vendorName"]),
        ({"fields": "x"}, ["fields"]),
        ({"fields": [{"vendorPath": "Id"}]}, ["fields[0].path"]),
        ({"fields": [{"path": "id"}]}, ["fields[0].vendorPath"]),
        ({"fields": [{"path": "nickname", "vendorPath": "N"}]}, ["fields[0].path 'nickname'"]),
        ({"fields": [{"path": "id", "vendorPath": "Id", "type": 1}]}, ["fields[0].type"]),
        ({"fields": [{"path": "id", "vendorPath": "Id", "configuration": {}}]}, ["configuration"]),
        ({"configuration": [{"properties": {}}]}, ["configuration[0].type"]),
        ({"configuration": {"type": "inherit"}}, ["configuration"]),
        ({"configuration": [{"type": "x", "properties": 1}]}, ["configuration[0].properties"]),
        ({"script": "done()"}, ["script"]),
        ({"script": {"body": 1}}, ["script.body"]),
        ({"isLegacy": "no"}, ["isLegacy"]),
    ],
)
def test_invalid_bodies_are_400(
    emulator: EmulatorServer, change: dict[str, Any], words: list[str]
) -> None:
    define(emulator)
    body = contact_transformation()
    for key, value in change.items():
        if value is None:
            del body[key]
        else:
            body[key] = value
    for base, _ in scopes(emulator):
        assert_error(call(emulator, "POST", f"{base}/contact", body), 400, *words)
    assert emulator.admin.stats()["transformations"] == 0


def test_the_object_definition_must_exist(emulator: EmulatorServer) -> None:
    for base, _ in scopes(emulator):
        answer = call(emulator, "POST", f"{base}/contact", contact_transformation())
        assert_error(answer, 400, "contact", "object definition", "must exist")


def test_post_on_an_existing_one_is_409_and_put_get_delete_on_none_404(
    emulator: EmulatorServer,
) -> None:
    define(emulator)
    by_key, _, by_instance = (b for b, _ in scopes(emulator))
    for base in (by_key, by_instance):
        ok(call(emulator, "POST", f"{base}/contact", contact_transformation()))
        assert_error(call(emulator, "POST", f"{base}/contact", contact_transformation()), 409)
        for method in ("GET", "PUT", "DELETE"):
            answer = call(emulator, method, f"{base}/nothing", contact_transformation())
            assert_error(answer, 404, "nothing")


@pytest.mark.parametrize(
    "base",
    [
        "/organizations/elements/nope/transformations",
        "/instances/99999999/transformations",
        "/instances/121481625559567337399131308032/transformations",
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_unknown_element_or_instance_is_404(
    emulator: EmulatorServer, base: str, method: str
) -> None:
    define(emulator)
    answer = call(emulator, method, f"{base}/contact", contact_transformation())
    assert_error(answer, 404)
    if method == "GET":
        assert_error(call(emulator, "GET", base), 404)


def test_deleting_an_instance_deletes_its_transformations(emulator: EmulatorServer) -> None:
    define(emulator)
    _, _, inst = (b for b, _ in scopes(emulator))
    ok(call(emulator, "POST", f"{inst}/contact", contact_transformation()))
    iid = inst.split("/")[2]
    assert ok(call(emulator, "DELETE", f"/instances/{iid}")) == {}
    assert emulator.admin.stats()["transformations"] == 0
    assert ok(call(emulator, "DELETE", "/organizations/objects/contact/definitions")) == {}


def test_custom_js_only(emulator: EmulatorServer) -> None:
    define(emulator)
    body = {"vendorName": "Contact", "script": {"body": "done(transformedObject);"}}
    created = ok(
        call(emulator, "POST", "/organizations/elements/closeio/transformations/contact", body)
    )
    assert "fields" not in created
