"""Moving a stack from the dynamic resources to the provider plugin (issue 21) through the real
engine against the emulator: a program of dynamic resources of all five types is deployed,
``python -m pulumi_openconnectors migrate-to-plugin`` moves the state, the program switched to
``pulumi_openconnectors.native`` previews and updates with no change, and the emulator saw no
POST, PUT, PATCH or DELETE in all that; secrets stay secret; destroy removes everything."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .harness import VENV, Stack
from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("migrate")]

CANARY = "migrate-canary-Pq7w2"
DEFINITIONS = "/organizations/objects/{}/definitions"
ORG_TRANSFORMATION = "/organizations/elements/{}/transformations/{}"
WRITES = ("POST", "PUT", "PATCH", "DELETE")

DYNAMIC = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
contacts = oc.CommonResource(
    "contacts", name="migrateContacts", fields=[{"path": "id", "type": "string"}]
)
crm = oc.ConnectorInstance(
    "crm",
    element_key="closeio",
    name="Migrate CRM",
    tags=["e2e"],
    configuration={"username": "e2e@example.com", "password": cfg.require_secret("password")},
)
mapping = oc.Transformation(
    "mapping",
    common_resource=contacts,
    element_key="closeio",
    vendor_name="contacts",
    fields=[{"path": "id", "vendorPath": "ID"}],
)
flow = oc.Formula(
    "flow",
    name="migrate-flow",
    configuration=[{"key": "crm", "name": "CRM", "type": "elementInstance"}],
    triggers=[{"type": "manual", "properties": {}, "onSuccess": [], "onFailure": []}],
)
run = oc.FormulaInstance(
    "run", formula_id=flow.formula_id, name="migrate-run", configuration={"crm": crm.instance_id}
)
pulumi.export("crm", crm.instance_id)
pulumi.export("token", crm.token)
pulumi.export("formula", flow.formula_id)
pulumi.export("run", run.formula_instance_id)
pulumi.export("transformation", mapping.transformation_id)
pulumi.export("paths", contacts.field_paths)
"""

# the same program on the plugin: the import changes, and the dynamic keyword
# common_resource= becomes the two inputs it set
NATIVE = DYNAMIC.replace(
    "import pulumi_openconnectors as oc", "import pulumi_openconnectors.native as oc"
).replace(
    "common_resource=contacts,",
    "object_name=contacts.name,\n    common_resource_fields=contacts.field_paths,",
)
TYPES = {"CommonResource", "ConnectorInstance", "Transformation", "Formula", "FormulaInstance"}


@pytest.fixture(scope="module")
def own_emulator() -> Iterator[EmulatorServer]:
    """An emulator of this module alone: its request counts are this test's."""
    with EmulatorServer(port=0) as server:
        yield server


def migrate(stack: Stack, *options: str) -> subprocess.CompletedProcess[str]:
    """The command, in the project directory, with the engine's `pulumi` on PATH."""
    command = [str(VENV / "bin" / "python"), "-m", "pulumi_openconnectors", "migrate-to-plugin"]
    done = subprocess.run(
        [*command, "--stack", stack.stack, *options],
        cwd=stack.project_dir,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def with_plugin(stack: Stack) -> None:
    """The project finds the plugin in the virtualenv's bin (as in test_plugin.py)."""
    pulumi_yaml = stack.project_dir / "Pulumi.yaml"
    pulumi_yaml.write_text(
        pulumi_yaml.read_text()
        + f"plugins:\n  providers:\n    - name: openconnectors\n      path: {VENV / 'bin'}\n"
    )


def writes(requests: dict[str, int]) -> dict[str, int]:
    return {route: n for route, n in requests.items() if route.split(" ", 1)[0] in WRITES}


def test_migrate_dynamic_stack_to_plugin_without_touching_the_account(
    stack_factory: Any, own_emulator: EmulatorServer, tmp_path: Path
) -> None:
    emulator = own_emulator
    api = Platform(emulator)
    stack = stack_factory(DYNAMIC).init()
    configure_emulator(stack, emulator)
    stack.config("password", CANARY, secret=True)
    stack.up()
    before_outputs = stack.outputs(show_secrets=True)
    dynamic_types = {r["type"] for r in stack.resources()}
    assert {f"pulumi-python:dynamic/openconnectors:{t}" for t in TYPES} <= dynamic_types

    requests_before = api.requests_by_route()

    # a dry run changes nothing
    exported = stack.export()
    dry = migrate(stack, "--dry-run")
    assert "5 resource(s) would move" in dry.stdout, dry.stdout
    assert stack.export()["deployment"]["resources"] == exported["deployment"]["resources"]

    # the move: state only
    backup = tmp_path / "before-migration.json"
    done = migrate(stack, "--backup", str(backup))
    assert "5 resource(s) moved" in done.stdout, done.stdout
    assert "ConnectorInstance" in done.stdout and "crm" in done.stdout
    assert (
        json.loads(backup.read_text())["deployment"]["resources"]
        == (exported["deployment"]["resources"])
    )
    types = {r["type"] for r in stack.resources()}
    assert {f"openconnectors:index:{t}" for t in TYPES} <= types, types
    assert not [t for t in types if "pulumi-python" in t], types
    assert "pulumi:providers:openconnectors" in types, types
    # nothing to move the second time
    again = migrate(stack)
    assert "nothing to move" in again.stdout, again.stdout

    # secrets: still ciphertext in the state, never in plaintext
    state_text = json.dumps(stack.export())
    assert CANARY not in state_text and emulator.user_secret not in state_text
    assert CANARY not in backup.read_text()
    crm_state = next(r for r in stack.resources() if r["urn"].endswith("::crm"))
    assert "ciphertext" in json.dumps(crm_state["outputs"]["configuration"])
    assert "ciphertext" in json.dumps(crm_state["inputs"]["configuration"])
    assert "ciphertext" in json.dumps(crm_state["outputs"]["token"])
    assert crm_state["inputs"]["elementKey"] == "closeio"

    # the program on the plugin: no change in preview, nor in up
    with_plugin(stack)
    stack.write_program(NATIVE)
    stack.preview("--expect-no-changes")
    stack.up("--expect-no-changes")
    assert stack.outputs()["token"] == "[secret]"
    assert stack.outputs(show_secrets=True) == before_outputs

    # a refresh reads through the plugin and finds nothing else
    stack.refresh()
    stack.preview("--expect-no-changes")

    # the account was not touched: reads only (the counts do count: the refresh's reads)
    seen = delta(requests_before, api.requests_by_route())
    assert writes(seen) == {}, seen
    assert any(route.startswith("GET ") for route in seen), seen

    # no secret in plaintext in anything the CLI printed
    log = (tmp_path / "pulumi-output.log").read_text()
    assert CANARY not in log

    # the plugin manages them now: an update goes through it, destroy removes everything
    out = before_outputs
    stack.write_program(NATIVE.replace('tags=["e2e"]', 'tags=["e2e", "moved"]'))
    stack.up()
    assert "moved" in api.get(f"/instances/{out['crm']}")["tags"]
    assert stack.outputs()["crm"] == out["crm"]
    stack.destroy()
    assert api.get(f"/instances/{out['crm']}") is None
    assert api.get(DEFINITIONS.format("migrateContacts")) is None
    assert api.get(ORG_TRANSFORMATION.format("closeio", "migrateContacts")) is None
    assert api.get(f"/formulas/{out['formula']}") is None


# The Pulumi-native alternative: the plugin program with an alias to the dynamic type on each
# resource. The engine takes the type and provider change without a replace (the plugin's diff
# finds nothing to change), but keeps the outputs as the dynamic provider wrote them (snake_case,
# with its pickled `__provider`) until a `pulumi refresh` reads them through the plugin.
ALIASED = (
    NATIVE.replace(
        "cfg = pulumi.Config()",
        "cfg = pulumi.Config()\n\n"
        "def moved(type_name):\n"
        "    return pulumi.ResourceOptions(\n"
        "        aliases=[pulumi.Alias(\n"
        "            type_='pulumi-python:dynamic/openconnectors:' + type_name)]\n"
        "    )\n",
    )
    .replace('"contacts", name=', '"contacts", opts=moved("CommonResource"), name=')
    .replace('"crm",\n', '"crm",\n    opts=moved("ConnectorInstance"),\n')
    .replace('"mapping",\n', '"mapping",\n    opts=moved("Transformation"),\n')
    .replace('"flow",\n', '"flow",\n    opts=moved("Formula"),\n')
    .replace('"run", formula_id=', '"run", opts=moved("FormulaInstance"), formula_id=')
)


def test_aliases_move_dynamic_resources_to_the_plugin_without_writes(
    stack_factory: Any, own_emulator: EmulatorServer
) -> None:
    assert ALIASED.count("opts=moved(") == 5, ALIASED
    emulator = own_emulator
    api = Platform(emulator)
    stack = stack_factory(DYNAMIC.replace("migrate", "alias")).init()
    configure_emulator(stack, emulator)
    stack.config("password", CANARY, secret=True)
    stack.up()
    before_outputs = stack.outputs(show_secrets=True)
    requests_before = api.requests_by_route()

    with_plugin(stack)
    stack.write_program(ALIASED.replace("migrate", "alias"))
    stack.preview("--expect-no-changes")
    stack.up("--expect-no-changes")
    types = {r["type"] for r in stack.resources()}
    assert {f"openconnectors:index:{t}" for t in TYPES} <= types, types
    crm_state = next(r for r in stack.resources() if r["urn"].endswith("::crm"))
    assert "__provider" in crm_state["outputs"]  # the dynamic provider's outputs, as they were
    stack.refresh()  # reads only: the outputs as the plugin writes them
    crm_state = next(r for r in stack.resources() if r["urn"].endswith("::crm"))
    assert "__provider" not in crm_state["outputs"] and "instanceId" in crm_state["outputs"]
    assert "ciphertext" in json.dumps(crm_state["outputs"]["token"])
    stack.preview("--expect-no-changes")
    assert stack.outputs(show_secrets=True) == before_outputs

    made = writes(delta(requests_before, api.requests_by_route()))
    assert made == {}, made

    stack.destroy()
    assert api.get(f"/instances/{before_outputs['crm']}") is None
    assert api.get(f"/formulas/{before_outputs['formula']}") is None
