"""Pulumi YAML programs through the real engine, the YAML language host and the
``openconnectors`` resource plugin, against the emulator (issue 21): the YAML quickstart's
whole lifecycle; examples/yaml-all-types (all five types, two organizations through explicit
providers: create, no-change preview, update in place with the fields in `preview --diff`,
replace, drift, destroy in dependency order, secrets scanned in state, outputs, the CLI's output
and the emulator's log); `pulumi import` of each type with the YAML code the host writes, and
the `import:` resource option; bad input naming the property; the YAML GitOps example; and
``export --format yaml`` round trip (the first ``up`` adopts everything: no POST, no
DELETE)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.emulator.logs import LOGGER_NAME as EMULATOR_LOGGER

from .export_round_trip import INSTANCES, account, adopt_edit_and_keep, export, seed
from .live import Live, oauth_code
from .organizations import (
    DEFINITIONS,
    DEMO_ACCOUNT,
    ORG_TRANSFORMATION,
    OTHER_ACCOUNT,
    platform_of,
)
from .platform import Platform, creates_and_deletes
from .programs import configure_emulator
from .yaml_stack import EXAMPLES, YamlStack, example, yaml_host_bin

pytestmark = pytest.mark.e2e

CALLBACK = "http://127.0.0.1:8765/callback"
TOKEN_TYPE = "openconnectors:index:ConnectorInstance"


@pytest.fixture(scope="session")
def yaml_bin() -> Path:
    return yaml_host_bin()


@pytest.fixture
def yaml_stack(tmp_path: Path, engine: Path, yaml_bin: Path) -> Any:
    count = [0]

    def make(program: str, **kwargs: Any) -> YamlStack:
        count[0] += 1
        return YamlStack(
            workdir=tmp_path / f"yaml{count[0]}",
            bin_dir=engine,
            program=program,
            log_dir=tmp_path,
            yaml_bin=yaml_bin,
            **kwargs,
        )

    return make


def operations(stack: YamlStack, *args: str) -> dict[str, str]:
    """Resource name -> operation of a `pulumi preview --json` (steps other than `same`)."""
    result = stack.preview("--json", *args)
    steps = json.loads(result.stdout).get("steps", [])
    return {step["urn"].rsplit("::", 1)[-1]: step["op"] for step in steps if step["op"] != "same"}


# -- the YAML quickstart -----------------------------------------------------------------------


def configure_quickstart(stack: YamlStack, emulator: Any, password: str) -> None:
    configure_emulator(stack, emulator)
    stack.config("closeioUsername", "quickstart@example.com")
    stack.config("closeioPassword", password, secret=True)
    stack.config("hootsuiteApiKey", "yaml-hootsuite-app")
    stack.config("hootsuiteApiSecret", "yaml-hootsuite-app-secret", secret=True)
    stack.config("hootsuiteCallbackUrl", CALLBACK)
    code = oauth_code(
        emulator, "hootsuite", "yaml-hootsuite-app", "yaml-hootsuite-app-secret", CALLBACK
    )
    stack.config("hootsuiteOauthCode", code, secret=True)


def test_yaml_quickstart_lifecycle(yaml_stack: Any, emulator: Any) -> None:
    live = Live(emulator)
    password = "yaml-quickstart-pw-51c2"
    stack: YamlStack = yaml_stack(example("yaml-quickstart"), project="yaml-quickstart")
    stack.init()
    configure_quickstart(stack, emulator, password)

    # deploy
    up = stack.up()
    assert "+ 3 created" in up.stdout, up.stdout  # the two instances and the stack
    shown = stack.outputs()
    assert shown["crmToken"] == "[secret]" and shown["socialToken"] == "[secret]"
    out = stack.outputs(show_secrets=True)
    crm = live.get(out["crmInstanceId"])
    social = live.get(out["socialInstanceId"])
    assert crm is not None and social is not None
    assert crm["element"]["key"] == "closeio" and social["element"]["key"] == "hootsuite"
    assert crm["configuration"]["username"] == "quickstart@example.com"
    assert out["crmToken"] == crm["token"] and out["socialValid"] is True
    assert [o["name"] for o in out["crmObjects"]], "retrieveObjects: true lists the objects"
    assert live.hub_works(emulator.user_secret, out["crmToken"])
    types = sorted(r["type"] for r in stack.resources(TOKEN_TYPE))
    assert types == [TOKEN_TYPE, TOKEN_TYPE], "resources of the plugin, not dynamic ones"
    for path in [*stack.state_files(), stack.project_dir / "Pulumi.test.yaml"]:
        text = path.read_text(errors="replace")
        assert password not in text, f"the password is in plaintext in {path}"
        assert out["crmToken"] not in text, f"the token is in plaintext in {path}"

    # no change
    stack.preview("--expect-no-changes")

    # update in place: a tag and the name, same instance id
    stack.write_program(
        stack.program.replace("tags: [quickstart, crm]", "tags: [quickstart, crm, edited]")
    )
    assert operations(stack) == {"crm": "update"}
    stack.up()
    after = live.get(out["crmInstanceId"])
    assert after is not None and "edited" in after["tags"]
    assert stack.outputs()["crmInstanceId"] == out["crmInstanceId"]
    stack.preview("--expect-no-changes")

    # drift: renamed out of band; refresh records it, `up` puts the program's name back
    live.patch(out["crmInstanceId"], {"name": "renamed by hand"})
    stack.refresh()
    state = next(r for r in stack.resources(TOKEN_TYPE) if r["urn"].endswith("::crm"))
    assert state["outputs"]["name"] == "renamed by hand"
    assert operations(stack) == {"crm": "update"}
    stack.up()
    again = live.get(out["crmInstanceId"])
    assert again is not None and again["name"] == "Quickstart CRM"

    # destroy
    stack.destroy()
    assert live.instances() == []


BAD_YAML = """name: yaml-bad
runtime: yaml
resources:
  fine:
    type: openconnectors:index:CommonResource
    properties:
      name: badRunContacts
      fields: [{ path: id, type: string }]
  bad:
    type: openconnectors:index:%s
    properties:
%s
"""

# (type, its properties, what the error must say): each names the YAML property at fault
BAD_INPUTS = [
    # a property the plugin does not know (the Python keyword instead of the camelCase one)
    ("ConnectorInstance", "element_key: closeio\nname: x", ["element_key", "elementKey"]),
    # a value of the wrong type (refused by the YAML host's type check against the schema)
    ("ConnectorInstance", "elementKey: closeio\ntags: sales", ["tags"]),
    # a rule of the type: a formula's trigger names a step the formula lacks
    (
        "Formula",
        "name: bad-flow\ntriggers: [{ type: manual, onSuccess: [nowhere], onFailure: [] }]",
        ["triggers[0].onSuccess", "nowhere"],
    ),
    # a rule of the type: a transformation maps a field its common resource does not declare
    # (known values: with ${fine.fieldPaths} the check would wait for `fine` to exist)
    (
        "Transformation",
        "objectName: badRunContacts\ncommonResourceFields: [id]\n"
        "elementKey: closeio\nvendorName: contacts\nfields: [{ path: email, vendorPath: e }]",
        ["fields[0].path", "email"],
    ),
]


def bad_program(type_name: str, properties: str) -> str:
    return BAD_YAML % (type_name, "\n".join(f"      {line}" for line in properties.splitlines()))


def test_yaml_program_check_errors_name_the_yaml_property(yaml_stack: Any, emulator: Any) -> None:
    """A bad property fails before anything is sent, naming it; the good resource beside it is
    not created either (`up` previews first)."""
    api = Platform(emulator)
    stack: YamlStack = yaml_stack(bad_program(*BAD_INPUTS[0][:2])).init()
    configure_emulator(stack, emulator)
    for type_name, properties, said in BAD_INPUTS:
        stack.write_program(bad_program(type_name, properties))
        before = api.requests_by_route()
        failed = stack.run("up", "--yes", "--non-interactive", "--stack", stack.stack, check=False)
        assert failed.returncode != 0, failed.stdout
        text = failed.stdout + failed.stderr
        for words in said:
            assert words in text, (words, text)
        assert creates_and_deletes(before, api.requests_by_route()) == {}, type_name
        assert api.get("/organizations/objects/badRunContacts/definitions") is None
    assert not [r for r in stack.resources() if r["type"].startswith("openconnectors:")]


# -- all five types, two organizations (examples/yaml-all-types) -------------------------------

ACME_CANARY = "yaml-canary-acme-Pw7r"
GLOBEX_CANARY = "yaml-canary-globex-Qx2m"
CANARIES = (ACME_CANARY, GLOBEX_CANARY, *OTHER_ACCOUNT)
FIVE_TYPES = {
    "openconnectors:index:ConnectorInstance",
    "openconnectors:index:CommonResource",
    "openconnectors:index:Transformation",
    "openconnectors:index:Formula",
    "openconnectors:index:FormulaInstance",
}


def configure_all_types(stack: YamlStack, emulator: EmulatorServer) -> None:
    stack.config_all(
        {"acmeBaseUrl": emulator.base_url, "globexBaseUrl": emulator.base_url},
        {
            "acmeUserSecret": DEMO_ACCOUNT[0],
            "acmeOrganizationSecret": DEMO_ACCOUNT[1],
            "globexUserSecret": OTHER_ACCOUNT[0],
            "globexOrganizationSecret": OTHER_ACCOUNT[1],
            "crmPassword": ACME_CANARY,
            "globexCrmPassword": GLOBEX_CANARY,
        },
    )


def no_canary(text: str, where: str) -> None:
    assert text, f"nothing to scan in {where}"
    for canary in CANARIES:
        assert canary not in text, f"{canary!r} in plaintext in {where}"


def own_tags(instance: dict[str, Any]) -> list[str]:
    """The instance's tags but the stack's ownership tag (`pulumi-openconnectors:<id>`)."""
    return sorted(t for t in instance["tags"] if not t.startswith("pulumi-openconnectors:"))


def edited(program: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert program.count(old) == 1, f"{old!r} is not once in the program"
        program = program.replace(old, new)
    return program


def test_yaml_all_five_types_in_two_organizations(
    yaml_stack: Any,
    two_organizations: EmulatorServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """examples/yaml-all-types through the engine, the YAML host and the plugin: every type in
    one organization and two resources in another, each through its explicit provider."""
    caplog.set_level(logging.INFO, logger=EMULATOR_LOGGER)  # the emulator's request log
    emulator = two_organizations
    acme = platform_of(emulator, DEMO_ACCOUNT)
    globex = platform_of(emulator, OTHER_ACCOUNT)
    stack: YamlStack = yaml_stack(example("yaml-all-types"), project="yaml-all-types").init()
    configure_all_types(stack, emulator)

    # create
    stack.up()
    out = stack.outputs(show_secrets=True)
    crm, formula, run = out["crmInstanceId"], out["formulaId"], out["formulaInstanceId"]
    instance = acme.get(f"/instances/{crm}")
    assert instance is not None and instance["name"] == "Acme CRM"
    assert own_tags(instance) == ["sales"]
    assert [f["path"] for f in acme.get(DEFINITIONS.format("acmeContacts"))["fields"]] == [
        "id",
        "email",
    ]
    assert out["contactsFields"] == ["id", "email"]
    mapping = acme.get(ORG_TRANSFORMATION.format("closeio", "acmeContacts"))
    assert mapping is not None and mapping["vendorName"] == "contacts"
    body = acme.get(f"/formulas/{formula}")["steps"][0]["properties"]["body"]
    assert body == "done({counted: 1});"
    wired = acme.get(f"/formulas/{formula}/instances/{run}")
    assert wired is not None and str(wired["configuration"]["crm"]) == str(crm)
    kinds = {r["type"] for r in stack.resources()}
    assert kinds >= FIVE_TYPES, kinds
    providers = [r["urn"].rsplit("::", 1)[1] for r in stack.resources("providers:openconnectors")]
    assert sorted(providers) == ["acme", "globex"], "every resource names its provider"

    # two organizations: each explicit provider talks to its own
    assert globex.get(DEFINITIONS.format("globexContacts")) is not None
    assert acme.get(DEFINITIONS.format("globexContacts")) is None
    assert globex.get(DEFINITIONS.format("acmeContacts")) is None
    assert globex.get(f"/instances/{out['globexCrmInstanceId']}") is not None
    assert acme.get(f"/instances/{out['globexCrmInstanceId']}") is None
    assert globex.get(f"/instances/{crm}") is None and globex.get(f"/formulas/{formula}") is None

    stack.preview("--expect-no-changes")

    # secrets: not in plaintext in the state, the outputs, the stack's config file
    no_canary(json.dumps(stack.export()), "stack export")
    listed = stack.run("stack", "output", "--json", "--stack", stack.stack).stdout
    no_canary(listed, "pulumi stack output --json")
    assert json.loads(listed)["crmToken"] == "[secret]"
    assert out["crmToken"] not in listed
    for path in [*stack.state_files(), stack.project_dir / "Pulumi.test.yaml"]:
        text = path.read_text(errors="replace")
        no_canary(text, str(path))
        assert out["crmToken"] not in text, f"the token is in plaintext in {path}"
    state = {r["urn"].rsplit("::", 1)[1]: r for r in stack.resources()}
    assert "ciphertext" in json.dumps(state["crm"]["outputs"]["configuration"])
    assert "ciphertext" in json.dumps(state["crm"]["outputs"]["token"])
    assert "ciphertext" in json.dumps(state["globex"]["inputs"]["userSecret"])

    # update in place: the diff names the changed fields, nested ones by their index
    stack.write_program(
        edited(
            stack.program,
            ("tags: [sales]", "tags: [sales, emea]"),
            ('body: "done({counted: 1});"', 'body: "done({counted: 2});"'),
            ("vendorPath: emails.email", "vendorPath: emails.address"),
        )
    )
    assert operations(stack) == {"crm": "update", "sync": "update", "contactsMapping": "update"}
    diff = stack.preview("--diff").stdout
    for named in (
        "~ tags: [",
        '+ [1]: "emea"',
        "~ steps: [",
        "~ [0]: {",  # the formula's first step
        '~ body: "done({counted: 1});" => "done({counted: 2});"',
        "~ fields: [",
        "~ [1]: {",  # the transformation's second field
        '~ vendorPath: "emails.email" => "emails.address"',
    ):
        assert named in diff, (named, diff)
    assert "replace" not in diff.split("Resources:")[-1], diff
    stack.up()
    assert own_tags(acme.get(f"/instances/{crm}")) == ["emea", "sales"]
    body = acme.get(f"/formulas/{formula}")["steps"][0]["properties"]["body"]
    assert body == "done({counted: 2});"
    fields = acme.get(ORG_TRANSFORMATION.format("closeio", "acmeContacts"))["fields"]
    assert [f["vendorPath"] for f in fields] == ["id", "emails.address"]
    assert stack.outputs()["formulaId"] == formula, "updated in place"
    stack.preview("--expect-no-changes")

    # replace: a new name of the common resource in the second organization
    stack.write_program(edited(stack.program, ("name: globexContacts", "name: globexContacts2")))
    diff = stack.preview("--diff").stdout
    assert "+-openconnectors:index:CommonResource: (replace)" in diff, diff
    stack.up()
    assert globex.get(DEFINITIONS.format("globexContacts2")) is not None
    assert globex.get(DEFINITIONS.format("globexContacts")) is None
    assert acme.get(DEFINITIONS.format("globexContacts2")) is None

    # drift: renamed out of band; refresh records it, preview shows it, `up` puts it back
    acme.ok("PATCH", f"/instances/{crm}", {"name": "renamed in the UI"})
    stack.refresh()
    state = {r["urn"].rsplit("::", 1)[1]: r for r in stack.resources()}
    assert state["crm"]["outputs"]["name"] == "renamed in the UI"
    drift = stack.preview("--diff").stdout
    assert "~ openconnectors:index:ConnectorInstance: (update)" in drift, drift
    assert "renamed in the UI" in drift and "Acme CRM" in drift, drift
    stack.up()
    assert acme.get(f"/instances/{crm}")["name"] == "Acme CRM"
    stack.preview("--expect-no-changes")

    # destroy: in dependency order, every object gone in both organizations
    logged = len(caplog.records)
    stack.destroy()
    deletes = [
        str(r.args[1])
        for r in caplog.records[logged:]
        if r.name == EMULATOR_LOGGER + ".requests"
        and isinstance(r.args, tuple)
        and r.args[0] == "DELETE"
    ]

    def deleted(suffix: str) -> int:
        found = [i for i, path in enumerate(deletes) if path.endswith(suffix)]
        assert len(found) == 1, (suffix, deletes)
        return found[0]

    assert deleted(f"/formulas/{formula}/instances/{run}") < deleted(f"/formulas/{formula}")
    assert deleted(f"/formulas/{formula}/instances/{run}") < deleted(f"/instances/{crm}")
    assert deleted("/transformations/acmeContacts") < deleted("/objects/acmeContacts/definitions")
    assert acme.get(f"/instances/{crm}") is None
    assert acme.get(f"/formulas/{formula}") is None
    assert acme.get(DEFINITIONS.format("acmeContacts")) is None
    assert acme.get(ORG_TRANSFORMATION.format("closeio", "acmeContacts")) is None
    assert globex.get(DEFINITIONS.format("globexContacts2")) is None
    assert globex.get(f"/instances/{out['globexCrmInstanceId']}") is None
    assert acme.listing("/instances") == [] and globex.listing("/instances") == []
    assert [r for r in stack.resources() if r["type"] in FIVE_TYPES] == []

    # nothing secret in what the CLI printed or in the emulator's log
    no_canary((tmp_path / "pulumi-output.log").read_text(), "the CLI output")
    no_canary(caplog.text, "the emulator's log")


# -- pulumi import into a YAML stack -----------------------------------------------------------

IMPORT_NAMES = {
    "CommonResource": "contacts",
    "ConnectorInstance": "crm",
    "Transformation": "mapping",
    "Formula": "flow",
    "FormulaInstance": "run",
}


def made_by_hand(api: Platform) -> dict[str, str]:
    """One object of each type, made through the API; their Pulumi ids by type."""
    api.ok(
        "POST",
        DEFINITIONS.format("importContacts"),
        {"fields": [{"path": "id", "type": "string"}]},
    )
    crm = api.ok(
        "POST",
        "/instances",
        {
            "element": {"key": "closeio"},
            "name": "Import CRM",
            "tags": ["e2e"],
            "configuration": {"username": "i@example.com", "password": "not-a-canary"},
        },
    )
    api.ok(
        "POST",
        ORG_TRANSFORMATION.format("closeio", "importContacts"),
        {"vendorName": "contacts", "fields": [{"path": "id", "vendorPath": "ID"}]},
    )
    flow = api.ok(
        "POST",
        "/formulas",
        {
            "name": "import-flow",
            # real content: the import must keep what only a program sets (a step's body, a
            # trigger's onSuccess) and leave out what the server fills in
            "triggers": [{"type": "manual", "onSuccess": ["first"]}],
            "steps": IMPORT_STEPS,
        },
    )
    run = api.ok("POST", f"/formulas/{flow['id']}/instances", {"name": "import-run"})
    return {
        "CommonResource": "importContacts",
        "ConnectorInstance": str(crm["id"]),
        "Transformation": "element/closeio/importContacts",
        "Formula": str(flow["id"]),
        "FormulaInstance": str(run["id"]),
    }


IMPORT_STEPS: list[dict[str, Any]] = [
    {
        "name": "first",
        "type": "script",
        "properties": {"body": "done({imported: true});"},
        "onSuccess": ["second"],
    },
    {"name": "second", "type": "filter", "properties": {"body": "done(true);"}},
]


def assert_formula_content_kept(api: Platform, formula_id: str, description: str) -> None:
    """The formula on the account after an update of its description: the step bodies and
    the trigger's onSuccess as they were made."""
    live = api.get(f"/formulas/{formula_id}")
    assert live is not None and live["description"] == description, live
    steps = [{k: s[k] for k in ("name", "type", "properties")} for s in live["steps"]]
    assert steps == [{k: s[k] for k in ("name", "type", "properties")} for s in IMPORT_STEPS]
    assert live["steps"][0]["onSuccess"] == ["second"], live
    assert live["triggers"][0]["onSuccess"] == ["first"], live


def test_yaml_pulumi_import_of_each_type(yaml_stack: Any, emulator: Any, tmp_path: Path) -> None:
    """`pulumi import` of each type into a YAML stack writes the YAML program that declares
    them (a no-change preview); the same objects adopted again by the `import:` resource option
    of a YAML program (no create), then destroyed."""
    api = Platform(emulator)
    ids = made_by_hand(api)

    # 1. `pulumi import`, the program written by the YAML host
    stack: YamlStack = yaml_stack("name: yaml-import\nruntime: yaml\n").init()
    configure_emulator(stack, emulator)
    before = api.requests_by_route()
    code: list[str] = []
    for type_name, name in IMPORT_NAMES.items():
        out = tmp_path / f"{name}.yaml"
        stack.run(
            "import",
            f"openconnectors:index:{type_name}",
            name,
            ids[type_name],
            "--yes",
            "--non-interactive",
            "--protect=false",
            "--out",
            str(out),
            "--stack",
            stack.stack,
        )
        code.append(out.read_text())
    assert creates_and_deletes(before, api.requests_by_route()) == {}
    written = [yaml.safe_load(text)["resources"] for text in code]
    resources = {name: r for part in written for name, r in part.items()}
    assert sorted(resources) == sorted(IMPORT_NAMES.values()), code
    for type_name, name in IMPORT_NAMES.items():  # the host writes the short token
        assert resources[name]["type"] == f"openconnectors:{type_name}", code
    assert resources["crm"]["properties"]["elementKey"] == "closeio", code
    assert "elementId" not in resources["crm"]["properties"], code
    # the written program names ids and names as they are; refer to the resources instead, so
    # that the engine orders them (the destroy below deletes the transformation first)
    assert resources["mapping"]["properties"]["objectName"] == "importContacts", code
    assert str(resources["run"]["properties"]["formulaId"]) == ids["Formula"], code
    resources["mapping"]["properties"]["objectName"] = "${contacts.name}"
    resources["run"]["properties"]["formulaId"] = "${flow.formulaId}"
    flow = resources["flow"]["properties"]
    assert [s["properties"] for s in flow["steps"]] == [s["properties"] for s in IMPORT_STEPS]
    assert flow["triggers"] == [{"type": "manual", "onSuccess": ["first"]}], code
    base = stack.program
    stack.write_program(base + yaml.safe_dump({"resources": resources}, sort_keys=False))
    stack.preview("--expect-no-changes")
    # an unrelated update of the written program keeps the step bodies on the account
    changed = {**resources, "flow": {**resources["flow"], "properties": {**flow}}}
    changed["flow"]["properties"]["description"] = "updated after import"
    stack.write_program(base + yaml.safe_dump({"resources": changed}, sort_keys=False))
    stack.up()
    assert_formula_content_kept(api, ids["Formula"], "updated after import")
    resources["flow"]["properties"]["description"] = "updated after import"

    # 2. the `import:` resource option: a second stack adopts the same objects
    stack.run("stack", "rm", "--force", "--yes", "--stack", stack.stack)  # forgets them
    for resource in resources.values():
        type_name = resource["type"].rsplit(":", 1)[1]
        resource.setdefault("options", {})["import"] = ids[type_name]
    adopting: YamlStack = yaml_stack(
        "name: yaml-import-option\nruntime: yaml\n"
        + yaml.safe_dump({"resources": resources}, sort_keys=False)
    ).init()
    configure_emulator(adopting, emulator)
    before = api.requests_by_route()
    adopting.up()
    assert creates_and_deletes(before, api.requests_by_route()) == {}
    kinds = sorted(r["type"] for r in adopting.resources() if r["type"] in FIVE_TYPES)
    assert kinds == sorted(FIVE_TYPES), kinds
    adopting.preview("--expect-no-changes")

    adopting.destroy()
    assert api.get(f"/instances/{ids['ConnectorInstance']}") is None
    assert api.get(f"/formulas/{ids['Formula']}") is None
    assert api.get(DEFINITIONS.format("importContacts")) is None
    assert api.get(ORG_TRANSFORMATION.format("closeio", "importContacts")) is None


# -- the YAML GitOps example -------------------------------------------------------------------


def test_yaml_gitops_run_locally(engine: Path, yaml_bin: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))}
    env["PATH"] = f"{engine}:{yaml_bin}:{env.get('PATH', '')}"
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        ["bash", str(EXAMPLES / "yaml-gitops" / "run-locally.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    steps = [line for line in output.splitlines() if line.startswith("[gitops] ")]
    assert [s.split("  (t=")[0] for s in steps if "/5" in s] == [
        "[gitops] 0/5 setup in " + steps[0].split(" setup in ", 1)[1].split("  (t=")[0],
        "[gitops] 1/5 pull request -> pulumi preview",
        "[gitops] 2/5 push to main -> pulumi up --yes --skip-preview",
        "[gitops] 3/5 push to main again, nothing changed -> pulumi up --expect-no-changes",
        "[gitops] 4/5 pull request: sandbox-crm gets the tag 'playground' -> pulumi preview",
        "[gitops] 5/5 push to main -> pulumi up --yes --skip-preview",
    ]
    assert "no changes: the live instances match Pulumi.yaml" in output
    assert "1 to update" in output, output[-4000:]
    assert not list(tmp_path.glob("openconnectors-yaml-gitops.*")), "the temp dir was removed"


def test_yaml_gitops_workflow_file() -> None:
    workflow = yaml.safe_load((EXAMPLES / "yaml-gitops" / "workflow.yml").read_text())
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    commands = [s["with"]["command"] for s in steps if "pulumi/actions" in s.get("uses", "")]
    assert commands == ["preview", "up"]
    # each job puts the resource plugin on PATH (the CLI ships the YAML language host)
    for job in workflow["jobs"].values():
        runs = "".join(s.get("run", "") for s in job["steps"])
        assert "pip install" in runs and "GITHUB_PATH" in runs
    assert workflow["env"]["PROJECT_DIR"] == "examples/yaml-gitops"
    project = yaml.safe_load((EXAMPLES / "yaml-gitops" / "Pulumi.yaml").read_text())
    assert project["runtime"] == "yaml"
    assert os.access(EXAMPLES / "yaml-gitops" / "run-locally.sh", os.X_OK)
    for name in ("yaml-quickstart", "yaml-gitops"):
        assert (EXAMPLES / name / "README.md").is_file()


# -- export --format yaml ----------------------------------------------------------------------


def test_export_yaml_round_trip(yaml_stack: Any, emulator: Any, tmp_path: Path) -> None:
    secrets = seed(emulator)
    before_export = account(emulator)

    first = export(emulator, tmp_path / "first", "--format", "yaml", project="acme-yaml")
    assert first.returncode == 0, first.stderr
    second = export(emulator, tmp_path / "second", "--format", "yaml", project="acme-yaml")
    assert second.returncode == 0, second.stderr
    exported = (tmp_path / "first" / "Pulumi.yaml").read_text()
    assert exported == (tmp_path / "second" / "Pulumi.yaml").read_text(), "not byte-identical"
    program = yaml.safe_load(exported)
    kinds = [r["type"].rsplit(":", 1)[-1] for r in program["resources"].values()]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "Connector": 1,
        "ConnectorExtension": 1,
        "ConnectorInstance": INSTANCES,
        "CommonResource": 3,
        "Transformation": 5,
        "VirtualDataResource": 1,
        "Formula": 4,
        "FormulaInstance": 4,
    }
    assert exported.count("elementKey: ${acme-crm.key}") == 2, "the custom connector by output"
    assert "$${config.crm}" in exported, "a formula's own reference stays text"
    for value in secrets.values():
        assert value not in exported

    stack: YamlStack = yaml_stack(exported, project="acme-yaml").init()
    configure_emulator(stack, emulator)

    # one formula edited in Pulumi.yaml: exactly that object changes
    def edit() -> None:
        stack.write_program(stack.program.replace("copies contacts", "copies more"))

    changed = adopt_edit_and_keep(
        stack, emulator, secrets, (tmp_path / "first" / "README.md").read_text(), edit
    )
    assert {k: v for k, v in changed.items() if not k.startswith("GET")} == {
        "PUT /formulas/{id}": 1
    }
    assert account(emulator) != before_export
