"""Connector (a custom connector, a private element) through the real engine against the
emulator, with a ConnectorInstance of it wired by output: create, no-op preview, in-place
update (one PUT), drift, out-of-band delete, replace on a key change, adoption, a check error
naming the field, a secret that never shows in plaintext, destroy in dependency order. One
stack through every step (one test: the engine's start-up is paid once)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

CANARY = "canary-connector-instance-pw-3e9d41"

PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
acme = oc.Connector(
    "acme",
    key=KEY,
    name=NAME,
    description="Acme CRM (e2e)",
    hub="crm",
    authentication={"type": "basic"},
    configuration=CONFIGURATION,
    resources=[{"path": "/hubs/crm/contacts", "method": "GET",
                "vendorPath": "/contacts", "vendorMethod": "GET",
                "parameters": [{"name": "where", "vendorName": "q", "type": "query"}]}],
)
crm = oc.ConnectorInstance("crm", element_key=acme.key,
    configuration={"username": "ada", "password": cfg.require_secret("pw")})
ADOPTED
pulumi.export("connector_id", acme.connector_id)
pulumi.export("key", acme.key)
pulumi.export("instance", crm.instance_id)
"""

CONFIGURATION = [
    {"key": "base.url", "defaultValue": "https://api.acme.test/v1"},
    {"key": "username", "required": True},
    {"key": "password", "required": True, "type": "PASSWORD"},
]


def program(
    key: str = "e2e-acme",
    name: str = "Acme",
    configuration: list[dict[str, Any]] = CONFIGURATION,
    adopted: str = "",
) -> str:
    return (
        PROGRAM.replace("KEY", json.dumps(key))
        .replace("NAME", json.dumps(name))
        .replace("CONFIGURATION", repr(configuration))
        .replace("ADOPTED", adopted)
    )


def test_connector_lifecycle_with_an_instance_of_it(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    stack = stack_factory(program()).init()
    configure_emulator(stack, emulator)
    stack.config("pw", CANARY, secret=True)
    logs: dict[str, str] = {}

    # create: the connector, then the instance of it (wired by output)
    result = stack.up()
    logs["up"] = result.stdout + result.stderr
    out = stack.outputs()
    element = api.get("/elements/e2e-acme")
    assert element is not None and element["private"] is True
    assert element["id"] == out["connector_id"] and out["key"] == "e2e-acme"
    instance = api.get(f"/instances/{out['instance']}")
    assert instance is not None and instance["element"]["key"] == "e2e-acme"
    stack.preview("--expect-no-changes")

    # in place: one PUT, nothing else (every unmanaged key is set: no read before the write)
    stack.write_program(program(name="Acme v2"))
    before = api.requests_by_route()
    preview = stack.preview()
    assert "replace" not in preview.stdout and "1 to update" in preview.stdout
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert changed == {"PUT /elements/{keyOrId}": 1}, changed
    assert api.get("/elements/e2e-acme")["name"] == "Acme v2"
    stack.preview("--expect-no-changes")

    # drift: changed out of band -> refresh shows it, up puts it back
    exported = api.ok("GET", f"/elements/{out['connector_id']}/export")
    exported["name"] = "edited in the UI"
    exported["configuration"] = exported["configuration"][:2]
    api.ok("PUT", "/elements/e2e-acme", exported)
    result = stack.refresh()
    logs["refresh"] = result.stdout + result.stderr
    [state] = stack.resources(":Connector")
    assert state["outputs"]["name"] == "edited in the UI", "refresh shows the drift"
    assert [c["key"] for c in state["outputs"]["configuration"]] == ["base.url", "username"]
    stack.up()
    live = api.get("/elements/e2e-acme")
    assert live["name"] == "Acme v2" and len(live["configuration"]) == 3
    stack.preview("--expect-no-changes")

    # deleted out of band (the instance first: the platform keeps a connector in use) ->
    # refresh drops both, up creates both again
    api.ok("DELETE", f"/instances/{out['instance']}")
    api.ok("DELETE", "/elements/e2e-acme")
    stack.refresh()
    stack.up()
    out = stack.outputs()
    assert api.get("/elements/e2e-acme") is not None
    assert api.get(f"/instances/{out['instance']}")["element"]["key"] == "e2e-acme"

    # replace on a key change: a new connector and a new instance of it; the old ones go
    stack.write_program(program(key="e2e-acme2", name="Acme v2"))
    assert "replace" in stack.preview().stdout
    stack.up()
    out2 = stack.outputs()
    assert api.get("/elements/e2e-acme") is None
    assert api.get(f"/instances/{out['instance']}") is None
    assert api.get(f"/instances/{out2['instance']}")["element"]["key"] == "e2e-acme2"
    stack.preview("--expect-no-changes")

    # adoption of a connector made by hand: no POST /elements, made the program's
    api.ok(
        "POST",
        "/elements",
        {"key": "e2e-hand", "name": "Hand", "authentication": {"type": "custom"}},
    )
    adopted = (
        'oc.Connector("hand", key="e2e-hand", name="Hand", adopt=True,\n'
        '    authentication={"type": "custom"}, description="now managed")'
    )
    stack.write_program(program(key="e2e-acme2", name="Acme v2", adopted=adopted))
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert "POST /elements" not in changed, changed
    assert api.get("/elements/e2e-hand")["description"] == "now managed"
    stack.preview("--expect-no-changes")

    # a check error names the field, before anything is sent
    twice = [*CONFIGURATION, {"key": "username"}]
    stack.write_program(program(key="e2e-acme2", name="Acme v2", configuration=twice))
    before = api.requests_by_route()
    result = stack.preview(check=False)
    assert result.returncode != 0
    assert "configuration[3].key 'username' is declared twice" in result.stdout + result.stderr
    sent = delta(before, api.requests_by_route())
    assert not any(route.startswith(("POST", "PUT", "DELETE")) for route in sent), sent
    stack.write_program(program(key="e2e-acme2", name="Acme v2", adopted=adopted))

    # the instance's password never shows in plaintext
    logs["stack output"] = stack.run("stack", "output", "--json", "--show-secrets").stdout
    logs["stack export"] = stack.run("stack", "export").stdout
    for path in stack.state_files():
        logs[f"state file {path.name}"] = path.read_text(errors="replace")
    assert any(where.startswith("state file") for where in logs), logs.keys()
    leaks = [where for where, text in logs.items() if CANARY in text]
    assert leaks == [], leaks
    assert CANARY not in json.dumps(stack.export())
    assert CANARY in json.dumps(stack.export(show_secrets=True)), "the scan is not vacuous"

    # destroy in dependency order: the instance before its connector (else 409)
    stack.destroy()
    assert api.get("/elements/e2e-acme2") is None and api.get("/elements/e2e-hand") is None
    assert api.listing("/instances") == []
