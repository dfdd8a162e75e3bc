"""ConnectorExtension (resources of the organization's own on a connector of the catalog)
through the real engine against the emulator, with a ConnectorInstance of the extended
connector: create, no-op preview, in-place update (one list, one PUT), drift, out-of-band
delete, replace on a connector change (with a lost create answer), adoption of resources
added by hand, a check error naming the field, destroy that leaves the connector and its own
resources. One stack through every step (one test: the engine's start-up is paid once)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
expenses = oc.ConnectorExtension(
    "expenses",
    element_key=KEY,
    resources=RESOURCES,
)
crm = oc.ConnectorInstance("crm", element_key="closeio",
    configuration={"username": "ada", "password": cfg.require_secret("pw")},
    opts=pulumi.ResourceOptions(depends_on=[expenses]))
ADOPTED
pulumi.export("element_id", expenses.element_id)
pulumi.export("instance", crm.instance_id)
"""

SEARCH = {
    "path": "/hubs/crm/expenses",
    "method": "GET",
    "vendorPath": "/expenses",
    "vendorMethod": "GET",
    "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
}
CREATE = {"path": "/hubs/crm/expenses", "method": "POST", "vendorPath": "/expenses"}


def program(
    key: str = "closeio", resources: list[dict[str, Any]] | None = None, adopted: str = ""
) -> str:
    return (
        PROGRAM.replace("KEY", json.dumps(key))
        .replace("RESOURCES", repr(resources if resources is not None else [SEARCH, CREATE]))
        .replace("ADOPTED", adopted)
    )


def own(api: Platform, key: str) -> list[dict[str, Any]]:
    return [r for r in api.ok("GET", f"/elements/{key}/resources") if r["ownerAccountId"] != 1]


def routes(api: Platform, key: str) -> list[str]:
    return [f"{r['method']} {r['path']}" for r in own(api, key)]


def test_connector_extension_lifecycle(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    catalog = {
        key: [r for r in api.ok("GET", f"/elements/{key}/resources") if r["ownerAccountId"] == 1]
        for key in ("closeio", "sfdc", "brighttalk")
    }
    stack = stack_factory(program()).init()
    configure_emulator(stack, emulator)
    stack.config("pw", "e2e-extension-pw", secret=True)

    # create: the resources, then an instance of the extended connector
    stack.up()
    out = stack.outputs()
    assert out["element_id"] == 4032
    assert routes(api, "closeio") == ["GET /hubs/crm/expenses", "POST /hubs/crm/expenses"]
    assert api.get("/elements/closeio")["extended"] is True
    assert api.get(f"/instances/{out['instance']}")["element"]["key"] == "closeio"
    stack.preview("--expect-no-changes")

    # in place: one list and one PUT of the one resource that changed
    stack.write_program(program(resources=[{**SEARCH, "vendorPath": "/spent"}, CREATE]))
    before = api.requests_by_route()
    result = stack.up()
    assert "1 updated" in result.stdout and "replaced" not in result.stdout
    changed = delta(before, api.requests_by_route())
    assert changed == {
        "GET /elements/{keyOrId}/resources": 1,
        "PUT /elements/{keyOrId}/resources/{id}": 1,
    }, changed
    assert own(api, "closeio")[0]["vendorPath"] == "/spent"
    stack.preview("--expect-no-changes")

    # drift: a resource changed and one added out of band -> refresh shows it, up puts it back
    first = own(api, "closeio")[0]
    api.ok("PUT", f"/elements/closeio/resources/{first['id']}", {**SEARCH, "vendorPath": "/ui"})
    api.ok("POST", "/elements/closeio/resources", {"path": "/hubs/crm/stray", "method": "GET"})
    stack.refresh()
    [state] = stack.resources(":ConnectorExtension")
    shown = state["outputs"]["resources"]
    assert shown[0]["vendorPath"] == "/ui", "refresh shows the drift"
    assert shown[2] == {"path": "/hubs/crm/stray", "method": "GET"}
    stack.up()
    assert routes(api, "closeio") == ["GET /hubs/crm/expenses", "POST /hubs/crm/expenses"]
    assert own(api, "closeio")[0]["vendorPath"] == "/spent"

    # deleted out of band -> refresh drops it, up adds the resources again
    for resource in own(api, "closeio"):
        api.ok("DELETE", f"/elements/closeio/resources/{resource['id']}")
    stack.refresh()
    assert stack.resources(":ConnectorExtension") == []
    stack.up()
    assert routes(api, "closeio") == ["GET /hubs/crm/expenses", "POST /hubs/crm/expenses"]
    stack.preview("--expect-no-changes")

    # replace on a connector change: the resources move to brighttalk, closeio is as the
    # catalog has it, and its instance still works
    resources = [
        {**SEARCH, "path": "/hubs/marketing/expenses", "vendorPath": "/spent"},
        {**CREATE, "path": "/hubs/marketing/expenses"},
    ]
    stack.write_program(program(key="brighttalk", resources=resources))
    # ... and the answer of its first POST is lost: found again, nothing posted twice
    emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": "POST",
                    "path": "/elements/brighttalk/resources",
                    "action": "lose_response",
                    "count": 1,
                }
            ]
        }
    )
    assert "replaced" in stack.up().stdout
    assert emulator.admin.stats()["faultsFired"] == [1]
    emulator.admin.set_faults({"rules": []})
    assert routes(api, "brighttalk") == [
        "GET /hubs/marketing/expenses",
        "POST /hubs/marketing/expenses",
    ]
    assert api.ok("GET", "/elements/closeio/resources") == catalog["closeio"]
    out = stack.outputs()
    assert out["element_id"] == 50
    assert api.get(f"/instances/{out['instance']}")["element"]["key"] == "closeio"

    # adoption of resources added by hand: no POST, made the program's
    api.ok("POST", "/elements/sfdc/resources", {"path": "/hubs/crm/x", "method": "GET"})
    adopted = (
        'oc.ConnectorExtension("hand", element_key="sfdc", adopt=True,\n'
        '    resources=[{"path": "/hubs/crm/x", "method": "GET", "vendorPath": "/x"}])'
    )
    stack.write_program(program(key="brighttalk", resources=resources, adopted=adopted))
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert "POST /elements/{keyOrId}/resources" not in changed, changed
    assert own(api, "sfdc")[0]["vendorPath"] == "/x"
    stack.preview("--expect-no-changes")

    # a check error names the field, before anything is sent
    twice = [*resources, dict(resources[1])]
    stack.write_program(program(key="brighttalk", resources=twice, adopted=adopted))
    before = api.requests_by_route()
    result = stack.preview(check=False)
    assert result.returncode != 0
    assert (
        "resources[2]: POST /hubs/marketing/expenses is declared twice"
        in result.stdout + result.stderr
    )
    sent = delta(before, api.requests_by_route())
    assert not any(route.startswith(("POST", "PUT", "DELETE")) for route in sent), sent
    stack.write_program(program(key="brighttalk", resources=resources, adopted=adopted))

    # destroy: only the organization's resources go; the connectors keep their own
    stack.destroy()
    for key in ("closeio", "sfdc", "brighttalk"):
        assert own(api, key) == [], key
    assert api.ok("GET", "/elements/sfdc/resources") == catalog["sfdc"]
    assert api.get("/elements/sfdc")["extended"] is False
    assert api.get("/elements/brighttalk")["extended"] is False
    assert api.listing("/instances") == []
