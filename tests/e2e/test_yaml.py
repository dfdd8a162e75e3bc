"""Pulumi YAML programs through the real engine, the YAML language host and the
``openconnectors`` resource plugin, against the emulator (issue 21): the YAML quickstart's
whole lifecycle (deploy, no-change preview, update in place, refresh drift, destroy), the YAML
GitOps example, and ``export --format yaml`` round trip (the first ``up`` adopts everything:
no POST, no DELETE)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .export_round_trip import account, adopt_edit_and_keep, export, seed
from .harness import PulumiFailed
from .live import Live, oauth_code
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


def test_yaml_program_check_errors_name_the_yaml_property(yaml_stack: Any, emulator: Any) -> None:
    """A property the plugin does not know fails before anything is sent, naming it."""
    stack: YamlStack = yaml_stack(
        "name: yaml-bad\nruntime: yaml\nresources:\n  crm:\n"
        "    type: openconnectors:index:ConnectorInstance\n"
        "    properties:\n      element_key: closeio\n      name: x\n"
    )
    stack.init()
    configure_emulator(stack, emulator)
    before = Platform(emulator).requests_by_route()
    with pytest.raises(PulumiFailed) as failed:
        stack.up()
    text = failed.value.result.stdout + failed.value.result.stderr
    assert "element_key" in text, text
    assert creates_and_deletes(before, Platform(emulator).requests_by_route()) == {}


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
        "ConnectorInstance": 32,
        "CommonResource": 3,
        "Transformation": 4,
        "Formula": 4,
        "FormulaInstance": 4,
    }
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
