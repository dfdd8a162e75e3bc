"""Organization-level object definitions (common resources)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import (
    CONTACT_FIELDS,
    assert_error,
    call,
    contact_transformation,
    define,
    ok,
)

PATH = "/organizations/objects/{}/definitions"


def test_create_get_put_delete(emulator: EmulatorServer) -> None:
    created = define(emulator, displayName="Contact", level="instance")
    # answered as the platform does: with its id, name, level, and `level` on each field
    filled = {"id": created["id"], "objectName": "contact", "vdrShared": False}
    org_fields = [{**f, "level": "organization"} for f in CONTACT_FIELDS]
    assert created == {
        "fields": org_fields,
        "displayName": "Contact",
        "level": "organization",
        **filled,
    }
    assert ok(call(emulator, "GET", PATH.format("contact"))) == created
    new_fields = [{"path": "id", "type": "number", "displayName": "Id"}]
    put = ok(call(emulator, "PUT", PATH.format("contact"), {"fields": new_fields}))
    assert put == {
        "fields": [{**new_fields[0], "level": "organization"}],
        "level": "organization",
        **filled,
    }
    assert ok(call(emulator, "GET", PATH.format("contact"))) == put
    assert ok(call(emulator, "DELETE", PATH.format("contact"))) == {}
    assert_error(call(emulator, "GET", PATH.format("contact")), 404, "contact")


def test_post_of_an_existing_name_is_409(emulator: EmulatorServer) -> None:
    define(emulator)
    assert_error(call(emulator, "POST", PATH.format("contact"), {"fields": []}), 409, "contact")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_unknown_name_is_404(emulator: EmulatorServer, method: str) -> None:
    assert_error(call(emulator, method, PATH.format("nothing"), {"fields": []}), 404, "nothing")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, ["fields"]),
        ({"fields": "id"}, ["fields"]),
        ({"fields": [1]}, ["fields[0]"]),
        ({"fields": [{"type": "string"}]}, ["fields[0].path"]),
        ({"fields": [{"path": "id"}]}, ["fields[0].type"]),
        ({"fields": [{"path": 3, "type": "string"}]}, ["fields[0].path"]),
        ({"fields": [{"path": "id", "type": ""}]}, ["fields[0].type"]),
        (
            {"fields": [{"path": "id", "type": "string"}, {"path": "id", "type": "number"}]},
            ["fields[1].path", "twice"],
        ),
    ],
)
def test_invalid_bodies_are_400(
    emulator: EmulatorServer, body: dict[str, Any], words: list[str]
) -> None:
    assert_error(call(emulator, "POST", PATH.format("contact"), body), 400, *words)
    define(emulator)
    assert_error(call(emulator, "PUT", PATH.format("contact"), body), 400, *words)


@pytest.mark.parametrize("name", ["a b", "a%2Fb", "ü", "x" * 256, "a:b"])
def test_invalid_object_names_are_400(emulator: EmulatorServer, name: str) -> None:
    answer = call(emulator, "POST", PATH.format(name), {"fields": CONTACT_FIELDS})
    assert answer.status_code in (400, 404), answer.text  # an encoded slash is another path
    if answer.status_code == 400:
        assert_error(answer, 400, "objectName")


@pytest.mark.parametrize("name", ["my_contact-2.v1", "A", "x" * 255])
def test_valid_object_names(emulator: EmulatorServer, name: str) -> None:
    define(emulator, name)
    assert ok(call(emulator, "GET", PATH.format(name)))["level"] == "organization"


def test_the_list_is_a_map_and_404_when_empty(emulator: EmulatorServer) -> None:
    error = assert_error(call(emulator, "GET", "/organizations/objects/definitions"), 404)
    assert error["message"] == "No object definitions found"
    define(emulator, "contact")
    define(emulator, "account", displayName="kept, but not listed")
    listed = ok(call(emulator, "GET", "/organizations/objects/definitions"))
    assert listed == {
        name: {
            "fields": [{**f, "level": "organization"} for f in CONTACT_FIELDS],
            "level": "organization",
        }
        for name in ("contact", "account")
    }


def test_a_definition_a_transformation_uses_cannot_be_deleted(emulator: EmulatorServer) -> None:
    define(emulator)
    ok(
        call(
            emulator,
            "POST",
            "/organizations/elements/closeio/transformations/contact",
            contact_transformation(),
        )
    )
    error = assert_error(call(emulator, "DELETE", PATH.format("contact")), 409, "contact")
    assert "element closeio" in error["message"]
    ok(call(emulator, "DELETE", "/organizations/elements/closeio/transformations/contact"))
    assert ok(call(emulator, "DELETE", PATH.format("contact"))) == {}


@pytest.mark.parametrize("segment", ["%2E", "%2E%2E", "%2e%2E"])
@pytest.mark.parametrize("method", ["POST", "GET", "PUT", "DELETE"])
def test_dot_names_are_not_object_names(
    emulator: EmulatorServer, segment: str, method: str
) -> None:
    """`.` and `..` are not path segments that name anything: refused naming objectName."""
    body = {"fields": []} if method in ("POST", "PUT") else None
    assert_error(call(emulator, method, PATH.format(segment), body), 400, "objectName")
