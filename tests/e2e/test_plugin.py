"""The provider plugin (``pulumi-resource-openconnectors``) through the real engine against the
emulator (issue 21): a Python program manages all five types through the plugin with the typed
classes of ``pulumi_openconnectors.native``: create, no-op preview, an in-place update whose
``preview --diff`` names the fields, a replace, drift after an out-of-band change and refresh,
``pulumi import`` of each type then a no-change preview, two organizations through two explicit
providers, secrets, a bad input that names the field and creates nothing, destroy."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.emulator.logs import LOGGER_NAME as EMULATOR_LOGGER

from .harness import VENV, Stack
from .organizations import (
    DEFINITIONS,
    DEMO_ACCOUNT,
    ORG_TRANSFORMATION,
    OTHER_ACCOUNT,
    platform_of,
)

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("plugin")]

CANARY = "plugin-canary-Zq8v1x"
OTHER_CANARY = "plugin-other-canary-Wk3"

PROGRAM = """
import json
import pulumi
import pulumi_openconnectors.native as oc

cfg = pulumi.Config()
step = json.loads(cfg.require("step"))

contacts = oc.CommonResource(
    "contacts",
    name="pluginContacts",
    fields=[{"path": path, "type": "string"} for path in step["fields"]],
)
crm = oc.ConnectorInstance(
    "crm",
    element_key="closeio",
    name=step["crmName"],
    configuration={"username": "e2e@example.com", "password": cfg.require_secret("password")},
    tags=step["tags"],
)
mapping = oc.Transformation(
    "mapping",
    object_name=contacts.name,
    element_key="closeio",
    vendor_name="contacts",
    fields=[{"path": "id", "vendorPath": "ID"}],
)
flow = oc.Formula(
    "flow",
    name="plugin-flow",
    configuration=[{"key": "crm", "name": "CRM", "type": "elementInstance"}],
    triggers=[{"type": "manual", "properties": {}, "onSuccess": ["first"], "onFailure": []}],
    steps=[
        {"name": "first", "type": "script", "properties": {"body": step["body"]},
         "onSuccess": [], "onFailure": []},
    ],
)
run = oc.FormulaInstance(
    "run", formula_id=flow.formula_id, name="plugin-run", configuration={"crm": crm.instance_id}
)

home = oc.Provider(
    "home",
    base_url=cfg.require("otherBaseUrl"),
    user_secret=cfg.require_secret("homeUserSecret"),
    organization_secret=cfg.require_secret("homeOrganizationSecret"),
)
oc.CommonResource(
    "here",
    name="hereContacts",
    fields=[{"path": "id", "type": "string"}],
    opts=pulumi.ResourceOptions(provider=home),
)
other = oc.Provider(
    "other",
    base_url=cfg.require("otherBaseUrl"),
    user_secret=cfg.require_secret("otherUserSecret"),
    organization_secret=cfg.require_secret("otherOrganizationSecret"),
)
elsewhere = oc.CommonResource(
    "elsewhere",
    name=step["otherName"],
    fields=[{"path": "id", "type": "string"}],
    opts=pulumi.ResourceOptions(provider=other),
)
other_crm = oc.ConnectorInstance(
    "other-crm",
    element_key="closeio",
    configuration={"username": "o@example.com", "password": cfg.require_secret("otherPassword")},
    opts=pulumi.ResourceOptions(provider=other),
)

pulumi.export("crm", crm.instance_id)
pulumi.export("token", crm.token)
pulumi.export("formula", flow.formula_id)
pulumi.export("run", run.formula_instance_id)
pulumi.export("transformation", mapping.transformation_id)
pulumi.export("paths", contacts.field_paths)
pulumi.export("otherCrm", other_crm.instance_id)
"""

FIRST = {
    "fields": ["id", "email"],
    "crmName": "Plugin CRM",
    "tags": ["e2e"],
    "body": "done({ok: true});",
    "otherName": "otherContacts",
}


def with_plugin(stack: Stack) -> Stack:
    """The project finds the plugin in the virtualenv's bin (`plugins: providers:`); the
    harness keeps every virtualenv off PATH."""
    pulumi_yaml = stack.project_dir / "Pulumi.yaml"
    pulumi_yaml.write_text(
        pulumi_yaml.read_text()
        + f"plugins:\n  providers:\n    - name: openconnectors\n      path: {VENV / 'bin'}\n"
    )
    return stack


def configure(stack: Stack, emulator: EmulatorServer, step: dict[str, Any]) -> None:
    stack.config_all(
        {
            "openconnectors:baseUrl": emulator.base_url,
            "otherBaseUrl": emulator.base_url,
            "step": json.dumps(step),
        },
        {
            "openconnectors:userSecret": emulator.user_secret,
            "openconnectors:organizationSecret": emulator.organization_secret,
            "homeUserSecret": DEMO_ACCOUNT[0],
            "homeOrganizationSecret": DEMO_ACCOUNT[1],
            "otherUserSecret": OTHER_ACCOUNT[0],
            "otherOrganizationSecret": OTHER_ACCOUNT[1],
            "password": CANARY,
            "otherPassword": OTHER_CANARY,
        },
    )


def no_canary(text: str, where: str) -> None:
    for canary in (CANARY, OTHER_CANARY, OTHER_ACCOUNT[0], OTHER_ACCOUNT[1]):
        assert canary not in text, f"{canary!r} in plaintext in {where}"


def test_plugin_lifecycle_of_all_five_types_and_two_organizations(
    stack_factory: Any,
    two_organizations: EmulatorServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger=EMULATOR_LOGGER)  # the emulator's request log
    emulator = two_organizations
    api = platform_of(emulator, DEMO_ACCOUNT)
    other_api = platform_of(emulator, OTHER_ACCOUNT)
    stack = with_plugin(stack_factory(PROGRAM)).init()
    configure(stack, emulator, FIRST)

    # create: all five types, and two resources in the second organization
    stack.up()
    out = stack.outputs()
    instance = api.get(f"/instances/{out['crm']}")
    assert instance is not None and instance["name"] == "Plugin CRM"
    assert [f["path"] for f in api.get(DEFINITIONS.format("pluginContacts"))["fields"]] == [
        "id",
        "email",
    ]
    assert api.get(ORG_TRANSFORMATION.format("closeio", "pluginContacts")) is not None
    assert api.get(f"/formulas/{out['formula']}") is not None
    assert api.get(f"/formulas/{out['formula']}/instances/{out['run']}") is not None
    assert out["paths"] == ["id", "email"]
    types = {r["type"] for r in stack.resources()}
    assert {
        "openconnectors:index:CommonResource",
        "openconnectors:index:ConnectorInstance",
        "openconnectors:index:Transformation",
        "openconnectors:index:Formula",
        "openconnectors:index:FormulaInstance",
        "pulumi:providers:openconnectors",
    } <= types, types
    providers = [r["urn"] for r in stack.resources("pulumi:providers:openconnectors")]
    explicit = sorted(u.rsplit("::", 1)[1] for u in providers if "::default" not in u)
    assert explicit == ["home", "other"], providers

    # the plugin reports the package's version (the engine names the default provider by it)
    from pulumi_openconnectors import __version__

    default_provider = "default_" + __version__.replace(".", "_")
    assert any(r["urn"].endswith(f"::{default_provider}") for r in stack.resources()), [
        r["urn"] for r in stack.resources()
    ]

    # two organizations through two explicit providers: each talks to its own
    assert api.get(DEFINITIONS.format("hereContacts")) is not None
    assert other_api.get(DEFINITIONS.format("hereContacts")) is None
    assert other_api.get(DEFINITIONS.format("otherContacts")) is not None
    assert api.get(DEFINITIONS.format("otherContacts")) is None
    assert other_api.get(f"/instances/{out['otherCrm']}") is not None
    assert api.get(f"/instances/{out['otherCrm']}") is None

    # no-op
    stack.preview("--expect-no-changes")

    # secrets: never in plaintext in the state or the outputs, always secret in state
    exported = json.dumps(stack.export())
    no_canary(exported, "stack export")
    listed = stack.run("stack", "output", "--json", "--stack", stack.stack).stdout
    no_canary(listed, "pulumi stack output --json")
    crm_state = next(r for r in stack.resources() if r["urn"].endswith("::crm"))
    assert "ciphertext" in json.dumps(crm_state["outputs"]["configuration"])
    assert "ciphertext" in json.dumps(crm_state["outputs"]["token"])
    assert stack.outputs()["token"] == "[secret]"

    # in-place update: the diff names the changed fields, nested ones by their index
    second = {**FIRST, "tags": ["e2e", "blue"], "body": "done({ok: false});"}
    stack.config("step", json.dumps(second))
    diff = stack.preview("--diff").stdout
    assert "~ openconnectors:index:ConnectorInstance: (update)" in diff, diff
    assert "tags" in diff and "steps" in diff and "[0]" in diff, diff
    assert "replace" not in diff.split("Resources:")[-1], diff
    stack.up()
    assert sorted(api.get(f"/instances/{out['crm']}")["tags"])[:2] == ["blue", "e2e"]
    steps = api.get(f"/formulas/{out['formula']}")["steps"]
    assert steps[0]["properties"]["body"] == "done({ok: false});"
    stack.preview("--expect-no-changes")

    # replace: a new name of a common resource (in the second organization)
    third = {**second, "otherName": "otherContacts2"}
    stack.config("step", json.dumps(third))
    diff = stack.preview("--diff").stdout
    assert "+-openconnectors:index:CommonResource: (replace)" in diff, diff
    assert "name" in diff
    stack.up()
    assert other_api.get(DEFINITIONS.format("otherContacts2")) is not None
    assert other_api.get(DEFINITIONS.format("otherContacts")) is None

    # drift: a change made out of band shows after a refresh, and `up` puts the program back
    api.ok("PATCH", f"/instances/{out['crm']}", {"name": "renamed in the UI"})
    stack.refresh()
    drift = stack.preview("--diff").stdout
    assert "~ openconnectors:index:ConnectorInstance: (update)" in drift, drift
    assert "renamed in the UI" in drift and "Plugin CRM" in drift, drift
    stack.up()
    assert api.get(f"/instances/{out['crm']}")["name"] == "Plugin CRM"
    stack.preview("--expect-no-changes")

    # no secret in plaintext in anything the CLI printed
    no_canary((tmp_path / "pulumi-output.log").read_text(), "the CLI output")
    assert caplog.records, "the emulator logged its requests"
    no_canary(caplog.text, "the emulator's log")

    # destroy: every object gone, in both organizations
    stack.destroy()
    assert api.get(f"/instances/{out['crm']}") is None
    assert api.get(DEFINITIONS.format("pluginContacts")) is None
    assert api.get(f"/formulas/{out['formula']}") is None
    assert other_api.get(DEFINITIONS.format("otherContacts2")) is None
    assert other_api.get(f"/instances/{out['otherCrm']}") is None
    assert api.get(DEFINITIONS.format("hereContacts")) is None


IMPORTED = """
import pulumi
import pulumi_openconnectors.native as oc

contacts = oc.CommonResource(
    "contacts", name="importContacts", fields=[{"path": "id", "type": "string"}]
)
crm = oc.ConnectorInstance("crm", element_key="closeio", name="Import CRM", tags=["e2e"],
    disabled=False)
oc.Transformation(
    "mapping",
    object_name=contacts.name,
    element_key="closeio",
    vendor_name="contacts",
    fields=[{"path": "id", "vendorPath": "ID"}],
)
flow = oc.Formula(
    "flow",
    name="import-flow",
    triggers=[{"type": "manual", "onSuccess": ["first"]}],
    steps=[
        {"name": "first", "type": "script", "properties": {"body": "done({imported: true});"},
         "onSuccess": ["second"]},
        {"name": "second", "type": "filter", "properties": {"body": "done(true);"}},
    ],
)
oc.FormulaInstance("run", formula_id=flow.formula_id, name="import-run")
"""

MADE = """
import pulumi
import pulumi_openconnectors.native as oc

contacts = oc.CommonResource(
    "contacts", name="importContacts", fields=[{"path": "id", "type": "string"}]
)
crm = oc.ConnectorInstance("crm", element_key="closeio", name="Import CRM", tags=["e2e"],
    configuration={"username": "e2e@example.com", "password": "not-a-canary"})
mapping = oc.Transformation(
    "mapping",
    object_name=contacts.name,
    element_key="closeio",
    vendor_name="contacts",
    fields=[{"path": "id", "vendorPath": "ID"}],
)
flow = oc.Formula(
    "flow",
    name="import-flow",
    triggers=[{"type": "manual", "properties": {}, "onSuccess": ["first"], "onFailure": []}],
    steps=[
        {"name": "first", "type": "script", "properties": {"body": "done({imported: true});"},
         "onSuccess": ["second"]},
        {"name": "second", "type": "filter", "properties": {"body": "done(true);"}},
    ],
)
run = oc.FormulaInstance("run", formula_id=flow.formula_id, name="import-run")
pulumi.export("ids", {
    "CommonResource": contacts.id, "ConnectorInstance": crm.id, "Transformation": mapping.id,
    "Formula": flow.id, "FormulaInstance": run.id,
})
pulumi.export("formula", flow.formula_id)
"""

BODIES = [{"body": "done({imported: true});"}, {"body": "done(true);"}]

NAMES = {
    "CommonResource": "contacts",
    "ConnectorInstance": "crm",
    "Transformation": "mapping",
    "Formula": "flow",
    "FormulaInstance": "run",
}


def test_plugin_import_of_each_type_then_no_changes(
    stack_factory: Any, two_organizations: EmulatorServer
) -> None:
    emulator = two_organizations
    api = platform_of(emulator, DEMO_ACCOUNT)
    # The objects to import, made by another stack (then forgotten by it)
    maker = with_plugin(stack_factory(MADE)).init()
    configure(maker, emulator, FIRST)
    maker.up()
    ids = maker.outputs()["ids"]
    formula = maker.outputs()["formula"]
    maker.run("stack", "rm", "--force", "--yes", "--stack", maker.stack)

    stack = with_plugin(stack_factory(IMPORTED)).init()
    configure(stack, emulator, FIRST)
    for type_name, name in NAMES.items():
        stack.run(
            "import",
            f"openconnectors:index:{type_name}",
            name,
            str(ids[type_name]),
            "--yes",
            "--non-interactive",
            "--protect=false",
            "--generate-code=false",
            "--stack",
            stack.stack,
        )
    imported = {r["urn"].rsplit("::", 1)[1]: r for r in stack.resources("")}
    assert set(NAMES.values()) <= set(imported), imported.keys()
    assert imported["crm"]["inputs"]["elementKey"] == "closeio"
    assert "elementId" not in imported["crm"]["inputs"]
    assert imported["run"]["inputs"]["formulaId"] == formula
    # what only a program sets is imported (a step's body, a trigger's onSuccess), and what the
    # server fills in by default is not (a trigger's `name`, `async`)
    flow_inputs = imported["flow"]["inputs"]
    assert [s["properties"] for s in flow_inputs["steps"]] == BODIES, flow_inputs
    assert flow_inputs["triggers"] == [{"type": "manual", "onSuccess": ["first"]}], flow_inputs

    # the program that declares them as they were read (what `pulumi import` would write:
    # empty keys left out): nothing to change
    stack.preview("--expect-no-changes")
    stack.up("--expect-no-changes")  # records the dependencies: destroy goes in their order
    # an unrelated update keeps the step bodies on the account
    stack.write_program(
        IMPORTED.replace('name="import-flow",', 'name="import-flow", description="updated",')
    )
    stack.up()
    live = api.get(f"/formulas/{formula}")
    assert live is not None and live["description"] == "updated", live
    assert [s["properties"] for s in live["steps"]] == BODIES, live
    assert live["steps"][0]["onSuccess"] == ["second"], live
    assert live["triggers"][0]["onSuccess"] == ["first"], live

    stack.destroy()
    assert api.get(f"/instances/{ids['ConnectorInstance']}") is None
    assert api.get(f"/formulas/{formula}") is None
    assert api.get(DEFINITIONS.format("importContacts")) is None


BAD = """
import pulumi
import pulumi_openconnectors.native as oc

oc.CommonResource("fine", name="badRunContacts", fields=[{"path": "id", "type": "string"}])
oc.ConnectorInstance("bad", element_key="closeio", element_id=4032, name="Bad")
"""


def test_plugin_bad_input_names_the_field_and_creates_nothing(
    stack_factory: Any, two_organizations: EmulatorServer
) -> None:
    emulator = two_organizations
    api = platform_of(emulator, DEMO_ACCOUNT)
    before = api.listing("/instances")
    stack = with_plugin(stack_factory(BAD)).init()
    configure(stack, emulator, FIRST)
    # with its preview: every input is checked before anything is created
    failed = stack.run("up", "--yes", "--non-interactive", "--stack", stack.stack, check=False)
    assert failed.returncode != 0
    text = failed.stdout + failed.stderr
    assert "elementKey: set exactly one of elementKey or elementId" in text, text
    assert "element_key" not in text, text
    assert api.listing("/instances") == before
    assert api.get(DEFINITIONS.format("badRunContacts")) is None
    assert not [r for r in stack.resources("") if r["type"].startswith("openconnectors:")]


def test_pulumi_package_get_schema_answers_the_specs_schema(stack_factory: Any) -> None:
    from pulumi_openconnectors import __version__
    from pulumi_openconnectors.plugin.schema import schema

    stack = stack_factory("")
    plugin = VENV / "bin" / "pulumi-resource-openconnectors"
    answered = json.loads(stack.run("package", "get-schema", str(plugin)).stdout)
    expected = schema()
    assert answered["name"] == "openconnectors" and answered["version"] == __version__
    assert answered["resources"].keys() == expected["resources"].keys()
    for token, resource in expected["resources"].items():
        assert answered["resources"][token]["inputProperties"] == resource["inputProperties"]
        assert answered["resources"][token].get("requiredInputs", []) == resource["requiredInputs"]
    assert answered["config"] == expected["config"]
