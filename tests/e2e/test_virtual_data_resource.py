"""VirtualDataResource (a v2 VDR: definition and transformations in one document) through the
real engine against the emulator, one stack through every step: create (one API call), no-op
preview (none), update in place (one), drift (refresh shows it, up restores it), deleted out of
band (recreated), replace when the name changes (one create, one delete), adoption, a bad input
naming its field, destroy (one call per VDR)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

EXPORT = "/vdrs/{}/export"

PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

vdr = oc.VirtualDataResource(
    "contacts",
    name=NAME,
    definition={"fields": FIELDS},
    transformations={"closeio": {"vendorName": "contacts", "fields": MAPPED}},
)
ADOPTED
pulumi.export("paths", vdr.field_paths)
"""


def program(fields: list[str], mapped: list[str], name: str = "e2eVdr", adopted: str = "") -> str:
    return (
        PROGRAM.replace("NAME", json.dumps(name))
        .replace("FIELDS", json.dumps([{"path": f, "type": "string"} for f in fields]))
        .replace("MAPPED", json.dumps([{"path": f, "vendorPath": f.upper()} for f in mapped]))
        .replace("ADOPTED", adopted)
    )


def paths(document: dict[str, Any] | None) -> list[str]:
    assert document is not None
    return [f["path"] for f in document["definition"]["fields"]]


def mapped(document: dict[str, Any] | None) -> list[str]:
    assert document is not None
    return [f["path"] for f in document["transformation"]["closeio"]["fields"]]


def test_virtual_data_resource_lifecycle(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    stack = stack_factory(program(["id", "email"], ["id"])).init()
    configure_emulator(stack, emulator)

    # create: the definition posted (a taken name answers 409), then the whole document imported
    before = api.requests_by_route()
    stack.up()
    assert delta(before, api.requests_by_route()) == {"POST /vdrs": 1, "PUT /vdrs/import": 1}
    assert paths(api.get(EXPORT.format("e2eVdr"))) == ["id", "email"]
    assert mapped(api.get(EXPORT.format("e2eVdr"))) == ["id"]
    assert stack.outputs()["paths"] == ["id", "email"]
    before = api.requests_by_route()
    stack.preview("--expect-no-changes")
    assert delta(before, api.requests_by_route()) == {}, "a no-op preview calls nothing"

    # update in place: a field added and mapped, in one call (the import)
    stack.write_program(program(["id", "email", "phone"], ["id", "phone"]))
    before = api.requests_by_route()
    assert "replace" not in stack.preview().stdout
    stack.up()
    assert delta(before, api.requests_by_route()) == {"PUT /vdrs/import": 1}
    assert mapped(api.get(EXPORT.format("e2eVdr"))) == ["id", "phone"]
    stack.preview("--expect-no-changes")

    # drift: changed out of band -> refresh shows it, up puts it back
    live = api.get(EXPORT.format("e2eVdr"))
    assert live is not None
    api.ok(
        "PUT",
        "/vdrs/import",
        {**live, "definition": {"fields": live["definition"]["fields"][:1]}, "transformation": {}},
    )
    stack.refresh()
    [state] = stack.resources(":VirtualDataResource")
    assert state["outputs"]["field_paths"] == ["id"], "refresh shows the drift"
    stack.up()
    assert paths(api.get(EXPORT.format("e2eVdr"))) == ["id", "email", "phone"]
    assert mapped(api.get(EXPORT.format("e2eVdr"))) == ["id", "phone"]

    # deleted out of band -> refresh drops it, up creates it again
    [listed] = api.ok("GET", "/vdrs")
    api.ok("DELETE", f"/vdrs/{listed['id']}")
    stack.refresh()
    stack.up()
    assert paths(api.get(EXPORT.format("e2eVdr"))) == ["id", "email", "phone"]

    # replace: the name (the key) changes
    stack.write_program(program(["id", "email", "phone"], ["id", "phone"], "e2eVdr2"))
    assert "replace" in stack.preview().stdout
    before = api.requests_by_route()
    stack.up()
    # the new one created, the old one deleted by the id its import answered
    changed = delta(before, api.requests_by_route())
    assert changed == {"POST /vdrs": 1, "PUT /vdrs/import": 1, "DELETE /vdrs/{id}": 1}, changed
    assert api.get(EXPORT.format("e2eVdr")) is None
    assert paths(api.get(EXPORT.format("e2eVdr2"))) == ["id", "email", "phone"]

    # adoption of a VDR made by hand: no create, made the program's
    api.ok("POST", "/vdrs", {"objectName": "handMade", "fields": [{"path": "x", "type": "number"}]})
    adopted = (
        'oc.VirtualDataResource("hand", name="handMade", adopt=True,\n'
        '    definition={"fields": [{"path": "x", "type": "number"},\n'
        '                           {"path": "y", "type": "string"}]})'
    )
    stack.write_program(program(["id", "email", "phone"], ["id", "phone"], "e2eVdr2", adopted))
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert "POST /vdrs" not in changed, changed
    assert paths(api.get(EXPORT.format("handMade"))) == ["x", "y"]
    stack.preview("--expect-no-changes")

    # a transformation field that is not a field of the VDR: check names it, nothing is sent
    stack.write_program(program(["id", "email", "phone"], ["id", "emial"], "e2eVdr2", adopted))
    before = api.requests_by_route()
    failed = stack.preview(check=False)
    assert failed.returncode != 0
    output = failed.stdout + failed.stderr
    assert "transformations['closeio'].fields[1].path 'emial' is not a field of VDR" in output
    assert not any(
        r.startswith(("PUT", "POST", "DELETE")) for r in delta(before, api.requests_by_route())
    )

    before = api.requests_by_route()
    stack.destroy()
    assert delta(before, api.requests_by_route()) == {"DELETE /vdrs/{id}": 2}  # one per VDR
    assert api.get(EXPORT.format("e2eVdr2")) is None
    assert api.get(EXPORT.format("handMade")) is None
    assert api.ok("GET", "/vdrs") == []
