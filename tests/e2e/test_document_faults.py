"""Lost answers on the two document types of issue 22 (Connector, VirtualDataResource) through
the real engine: the emulator executes the create, the update and the delete and then loses the
answer (``lose_response``). Each `pulumi up`/`destroy` must still end with exactly one object
per resource on the platform, recorded in state (no duplicate, no orphan), and a second `up`
must be a no-op (no write, `preview --expect-no-changes`). One stack holds one of each type,
each phase loses the answers of both at once (the engine's start-up is paid once)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

KEY = "e2e-lost-acme"
VDR = "e2eLostVdr"

PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

acme = oc.Connector(
    "acme",
    key=KEY,
    name="Acme",
    description=DESCRIPTION,
    hub="crm",
    authentication={"type": "basic"},
    resources=[{"path": "/hubs/crm/contacts", "method": "GET",
                "vendorPath": "/contacts", "vendorMethod": "GET"}],
)
vdr = oc.VirtualDataResource(
    "contacts",
    name=VDR,
    definition={"fields": FIELDS},
    transformations={"closeio": {"vendorName": "contacts", "fields": [
        {"path": "id", "vendorPath": "id"}]}},
)
pulumi.export("connector_id", acme.connector_id)
pulumi.export("paths", vdr.field_paths)
"""

# What one operation sends per type (the routes whose answer each phase loses).
LOST = {
    "create": [("POST", "/elements"), ("POST", "/vdrs")],
    "update": [("PUT", "/elements/{keyOrId}"), ("PUT", "/vdrs/import")],
    "delete": [("DELETE", "/elements/{keyOrId}"), ("DELETE", "/vdrs/{id}")],
}


def program(description: str, fields: list[str]) -> str:
    return (
        PROGRAM.replace("KEY", json.dumps(KEY))
        .replace("VDR", json.dumps(VDR))
        .replace("DESCRIPTION", json.dumps(description))
        .replace("FIELDS", json.dumps([{"path": f, "type": "string"} for f in fields]))
    )


def lose(emulator: Any, phase: str) -> None:
    """Lose the answer of the first call on each of the phase's routes (executed, no answer)."""
    rules = [
        {"method": method, "path": path, "action": "lose_response", "count": 1}
        for method, path in LOST[phase]
    ]
    emulator.admin.set_faults({"rules": rules})


def fired(emulator: Any) -> int:
    return int(sum(emulator.admin.stats()["faultsFired"]))


def writes(changed: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in changed.items() if k.startswith(("POST", "PUT", "PATCH", "DELETE"))}


def assert_one_each(stack: Any, api: Platform) -> tuple[dict[str, Any], dict[str, Any]]:
    """Exactly one connector of the key and one VDR of the name on the platform, each the one
    object of its type in state (no duplicate, no orphan)."""
    private = [e for e in api.ok("GET", "/elements") if e.get("private") is True]
    assert [e["key"] for e in private] == [KEY], private
    vdrs = api.ok("GET", "/vdrs")
    assert [v["objectName"] for v in vdrs] == [VDR], vdrs
    [connector] = stack.resources(":Connector")
    [vdr] = stack.resources(":VirtualDataResource")
    assert connector["id"] == KEY and connector["outputs"]["connector_id"] == private[0]["id"]
    assert vdr["id"] == VDR
    return private[0], vdrs[0]


def assert_second_up_is_a_no_op(stack: Any, api: Platform) -> None:
    stack.preview("--expect-no-changes")
    before = api.requests_by_route()
    stack.up()
    changed = writes(delta(before, api.requests_by_route()))
    assert changed == {}, f"a second up wrote: {changed}"


def test_lost_answers_of_connector_and_vdr(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    stack = stack_factory(program("v1", ["id", "email"])).init()
    configure_emulator(stack, emulator)

    # create: both objects made, both answers lost -> found by key/name, one of each
    lose(emulator, "create")
    before = api.requests_by_route()
    stack.up()
    sent = delta(before, api.requests_by_route())
    assert sent.get("PUT /vdrs/import") == 1, f"the transformations imported once: {sent}"
    assert fired(emulator) == 2, "both create answers were lost"
    emulator.admin.clear_faults()
    element, summary = assert_one_each(stack, api)
    assert element["description"] == "v1"
    assert [f["path"] for f in summary["fields"]] == ["id", "email"]
    assert_second_up_is_a_no_op(stack, api)

    # update: both written, both answers lost -> the retried PUT lands, state says so
    stack.write_program(program("v2", ["id", "email", "phone"]))
    lose(emulator, "update")
    stack.up()
    assert fired(emulator) == 2, "both update answers were lost"
    emulator.admin.clear_faults()
    element, summary = assert_one_each(stack, api)
    assert element["description"] == "v2"
    assert [f["path"] for f in summary["fields"]] == ["id", "email", "phone"]
    assert stack.outputs()["paths"] == ["id", "email", "phone"]
    assert_second_up_is_a_no_op(stack, api)

    # delete: both deleted, both answers lost -> the destroy succeeds, nothing is left
    lose(emulator, "delete")
    before = api.requests_by_route()
    stack.destroy()
    sent = delta(before, api.requests_by_route())
    assert "GET /vdrs" not in sent, f"the VDR is deleted by the id in state: {sent}"
    assert fired(emulator) == 2, "both delete answers were lost"
    emulator.admin.clear_faults()
    assert api.get(f"/elements/{KEY}") is None
    assert api.ok("GET", "/vdrs") == []
    assert stack.resources(":Connector") == [] and stack.resources(":VirtualDataResource") == []
