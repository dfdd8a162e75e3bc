"""v2 VDRs (`/vdrs`): create, list by name, export, import (upsert), delete, the rules of a
document, and one organization's VDRs hidden from another."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .conftest import OTHER
from .helpers import assert_error, call, ok

EXPORT = "/vdrs/{}/export"
FIELDS = [{"path": "id", "type": "string"}, {"path": "email", "type": "string"}]


def document(name: str = "myContact", **extra: Any) -> dict[str, Any]:
    return {
        "vdrVersion": "v2",
        "vdrName": name,
        "definition": {"fields": FIELDS},
        "transformation": {
            "closeio": {
                "vendorName": "contacts",
                "fields": [{"path": "email", "vendorPath": "emails[0].email"}],
            }
        },
        **extra,
    }


def test_post_list_export_delete(emulator: EmulatorServer) -> None:
    created = ok(call(emulator, "POST", "/vdrs", {"objectName": "myContact", "fields": FIELDS}))
    assert created["objectName"] == "myContact" and isinstance(created["id"], int)
    assert [f["path"] for f in created["fields"]] == ["id", "email"]
    assert all(f["level"] == "organization" and "id" in f for f in created["fields"])
    assert_error(
        call(emulator, "POST", "/vdrs", {"objectName": "myContact", "fields": []}),
        409,
        "myContact",
    )
    listed = ok(call(emulator, "GET", "/vdrs", where="objectName in ('myContact', 'other')"))
    assert [v["id"] for v in listed] == [created["id"]]
    assert ok(call(emulator, "GET", "/vdrs", where="objectName = 'nothing'")) == []
    assert ok(call(emulator, "GET", f"/vdrs/{created['id']}")) == created
    exported = ok(call(emulator, "GET", EXPORT.format("myContact")))
    assert exported["vdrVersion"] == "v2" and exported["vdrName"] == "myContact"
    assert exported["transformation"] == {}
    assert ok(call(emulator, "DELETE", f"/vdrs/{created['id']}")) == {}
    assert_error(call(emulator, "GET", EXPORT.format("myContact")), 404, "myContact")
    assert_error(call(emulator, "DELETE", f"/vdrs/{created['id']}"), 404)


def test_import_creates_then_replaces_keeping_field_ids(emulator: EmulatorServer) -> None:
    first = ok(call(emulator, "PUT", "/vdrs/import", document()))
    assert first == ok(call(emulator, "GET", EXPORT.format("myContact")))
    closeio = first["transformation"]["closeio"]
    assert closeio["level"] == "organization" and closeio["fields"][0]["level"] == "organization"
    ids = {f["path"]: f["id"] for f in first["definition"]["fields"]}
    changed = document()
    changed["definition"] = {"fields": [*FIELDS, {"path": "phone", "type": "string"}]}
    changed["transformation"] = {}
    second = ok(call(emulator, "PUT", "/vdrs/import", changed))
    assert second["id"] == first["id"] and second["transformation"] == {}
    assert {f["path"]: f["id"] for f in second["definition"]["fields"]}.items() >= ids.items()
    [listed] = ok(call(emulator, "GET", "/vdrs"))
    assert listed["objectName"] == "myContact" and len(listed["fields"]) == 3


def test_the_id_an_import_answers_is_what_delete_by_id_takes(emulator: EmulatorServer) -> None:
    """The provider's create is the import alone and its delete one DELETE of that id."""
    imported = ok(call(emulator, "PUT", "/vdrs/import", document()))
    assert isinstance(imported["id"], int)
    assert ok(call(emulator, "GET", f"/vdrs/{imported['id']}"))["objectName"] == "myContact"
    assert ok(call(emulator, "DELETE", f"/vdrs/{imported['id']}")) == {}
    assert_error(call(emulator, "GET", EXPORT.format("myContact")), 404, "myContact")
    assert_error(call(emulator, "DELETE", f"/vdrs/{imported['id']}"), 404)
    again = ok(call(emulator, "PUT", "/vdrs/import", document()))
    assert again["id"] != imported["id"]  # a new VDR of the name: a new id, the old one stays gone
    assert_error(call(emulator, "GET", f"/vdrs/{imported['id']}"), 404)


def test_import_reads_the_plural_and_object_name_too(emulator: EmulatorServer) -> None:
    body = document()
    body["objectName"] = body.pop("vdrName")
    body["transformations"] = body.pop("transformation")
    answer = ok(call(emulator, "PUT", "/vdrs/import", body))
    assert answer["vdrName"] == "myContact" and set(answer["transformation"]) == {"closeio"}


def _unknown_path() -> dict[str, Any]:
    body = document()
    body["transformation"]["closeio"]["fields"] = [{"path": "emial", "vendorPath": "x"}]
    return body


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (document(vdrVersion="v1"), ["vdrVersion", "v2"]),
        ({**document(), "vdrName": ""}, ["vdrName"]),
        ({**document(), "definition": {"fields": [{"path": "id"}]}}, ["definition.fields[0]"]),
        (
            {**document(), "definition": {"fields": [FIELDS[0], FIELDS[0]]}},
            ["fields[1]", "twice"],
        ),
        (_unknown_path(), ["transformation['closeio'].fields[0].path", "emial", "myContact"]),
        ({**document(), "transformation": {"closeio": {}}}, ["vendorName"]),
    ],
)
def test_import_refuses_a_bad_document(
    emulator: EmulatorServer, body: dict[str, Any], words: list[str]
) -> None:
    assert_error(call(emulator, "PUT", "/vdrs/import", body), 400, *words)
    assert ok(call(emulator, "GET", "/vdrs")) == []


def test_import_of_an_unknown_connector_is_404(emulator: EmulatorServer) -> None:
    body = {**document(), "transformation": {"nope": {"vendorName": "x"}}}
    assert_error(call(emulator, "PUT", "/vdrs/import", body), 404, "nope", "element")


def test_put_by_id_replaces_the_definition_and_keeps_transformations(
    emulator: EmulatorServer,
) -> None:
    ident = ok(call(emulator, "PUT", "/vdrs/import", document()))["id"]
    put = ok(
        call(emulator, "PUT", f"/vdrs/{ident}", {"objectName": "renamed", "fields": FIELDS[:1]})
    )
    assert put["objectName"] == "renamed" and len(put["fields"]) == 1
    assert set(ok(call(emulator, "GET", EXPORT.format("renamed")))["transformation"]) == {"closeio"}
    assert_error(call(emulator, "GET", EXPORT.format("myContact")), 404)


def test_an_unsupported_where_is_400(emulator: EmulatorServer) -> None:
    assert_error(call(emulator, "GET", "/vdrs", where="name like 'x%'"), 400, "where")


def test_organizations_do_not_see_each_others_vdrs(two_org_emulator: EmulatorServer) -> None:
    ok(call(two_org_emulator, "PUT", "/vdrs/import", document()))
    assert ok(call(two_org_emulator, "GET", "/vdrs", headers=OTHER)) == []
    assert_error(call(two_org_emulator, "GET", EXPORT.format("myContact"), headers=OTHER), 404)
    ok(call(two_org_emulator, "PUT", "/vdrs/import", document(), headers=OTHER))
    assert len(ok(call(two_org_emulator, "GET", "/vdrs"))) == 1
