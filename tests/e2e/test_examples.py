"""The examples under examples/, run as documented: their own program files (copied unchanged
into the stack's project directory, with the data files they read) through the real engine
against the emulator; examples/gitops/run-locally.sh as a subprocess; the workflow file parsed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from pulumi_openconnectors.devtools.launcher import credentials_env

from .harness import REPO, VENV, Stack
from .live import Live, oauth_code
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

EXAMPLES = REPO / "examples"
OWNERSHIP_PREFIX = "pulumi-openconnectors:"


def example_stack(stack_factory: Any, name: str) -> Stack:
    """A stack running examples/<name>/__main__.py as it is, with the files it reads."""
    source = EXAMPLES / name
    project = yaml.safe_load((source / "Pulumi.yaml").read_text())["name"]
    stack: Stack = stack_factory((source / "__main__.py").read_text(), project=project)
    for path in source.iterdir():
        skip = path.name in ("__main__.py", "README.md") or path.name.startswith("Pulumi.")
        if path.is_file() and not skip:
            shutil.copy(path, stack.project_dir / path.name)
        elif path.is_dir() and not path.name.startswith((".", "__")):
            shutil.copytree(path, stack.project_dir / path.name)  # data files it reads
    return stack.init()


def user_tags(instance: dict[str, Any]) -> list[str]:
    return [t for t in instance["tags"] if not t.startswith(OWNERSHIP_PREFIX)]


def set_secrets_quietly(stack: Stack, values: dict[str, str]) -> None:
    """`pulumi config set-all --secret k=v ...` without writing the values into the test log."""
    args = [f"--secret={key}={value}" for key, value in values.items()]
    result = subprocess.run(
        [str(stack.bin_dir / "pulumi"), "config", "set-all", "--stack", stack.stack, *args],
        cwd=stack.project_dir,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def fleet_secret_names(instances_yaml: Path) -> list[str]:
    """The secret names instances.yaml refers to (as examples/many-from-data/demo_secrets.py)."""
    out = subprocess.run(
        [str(VENV / "bin" / "python"), "demo_secrets.py", "--names", str(instances_yaml)],
        cwd=EXAMPLES / "many-from-data",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return out.stdout.split()


def preview_ops(stack: Stack) -> dict[str, str]:
    """Resource name -> operation of every step of `pulumi preview --json` that is not `same`."""
    result = stack.preview("--json")
    plan = json.loads(result.stdout)
    return {
        step["urn"].rsplit("::", 1)[-1]: step["op"]
        for step in plan.get("steps", [])
        if step["op"] != "same"
    }


# -- basic-auth --------------------------------------------------------------------------------


def test_basic_auth_example(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    password = "basic-auth-example-pw-7f3a"
    stack = example_stack(stack_factory, "basic-auth")
    configure_emulator(stack, emulator)
    stack.config("closeioUsername", "crm-bot@example.com")
    stack.config("closeioPassword", password, secret=True)

    stack.up()
    shown = stack.outputs()
    assert shown["token"] == "[secret]"
    out = stack.outputs(show_secrets=True)
    server = live.get(out["instanceId"])
    assert server is not None
    assert server["element"]["key"] == "closeio"
    assert server["configuration"]["username"] == "crm-bot@example.com"
    assert sorted(user_tags(server)) == ["basic-auth", "example"]
    assert out["token"] == server["token"]
    assert out["valid"] is True
    assert live.hub_works(emulator.user_secret, out["token"])
    for path in [*stack.state_files(), stack.project_dir / "Pulumi.test.yaml"]:
        text = path.read_text(errors="replace")
        assert password not in text, f"the password is in plaintext in {path}"
        assert out["token"] not in text, f"the token is in plaintext in {path}"

    stack.preview("--expect-no-changes")
    stack.destroy()
    assert live.instances() == []


# -- oauth2 ------------------------------------------------------------------------------------


def test_oauth2_example(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    api_key, api_secret = "example-hootsuite-app", "example-hootsuite-app-secret"
    callback = "http://127.0.0.1:8765/callback"
    stack = example_stack(stack_factory, "oauth2")
    configure_emulator(stack, emulator)
    stack.config("hootsuiteApiKey", api_key)
    stack.config("hootsuiteApiSecret", api_secret, secret=True)
    stack.config("hootsuiteCallbackUrl", callback)

    # The code, as the README gets it: the CLI walks the emulator's authorize flow.
    cli = subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-m",
            "pulumi_openconnectors",
            "oauth",
            "emulator-code",
            "--element",
            "hootsuite",
            "--api-key",
            api_key,
            "--callback-url",
            callback,
        ],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("OPENCONNECTORS_")},
            **credentials_env(emulator),
            "OPENCONNECTORS_OAUTH_API_SECRET": api_secret,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 0, cli.stderr
    code = cli.stdout.strip()
    assert code and "\n" not in code
    stack.config("oauthCode", code, secret=True)

    stack.up()
    assert stack.outputs()["token"] == "[secret]"
    out = stack.outputs(show_secrets=True)
    server = live.get(out["instanceId"])
    assert server is not None
    assert server["element"]["key"] == "hootsuite"
    assert server["configuration"]["oauth.api.key"] == api_key
    assert server["configuration"]["oauth.callback.url"] == callback
    assert out["token"] == server["token"] and out["valid"] is True

    # The code is used at create only: a new one (even a valid one) changes nothing.
    stack.config(
        "oauthCode", oauth_code(emulator, "hootsuite", api_key, api_secret, callback), True
    )
    stack.preview("--expect-no-changes")

    stack.destroy()
    assert live.instances() == []


# -- many-from-data ----------------------------------------------------------------------------


def expected_fleet(instances_yaml: Path) -> dict[str, dict[str, Any]]:
    """Resource name -> what the example should create, computed from the YAML independently."""
    data = yaml.safe_load(instances_yaml.read_text())
    fleet: dict[str, dict[str, Any]] = {}
    for entry in data["connectors"]:
        for env in entry.get("environments", data["environments"]):
            fleet[f"{entry['name']}-{env}"] = {
                "name": f"{entry['name']} ({env})",
                "element": entry["element"],
                "tags": list(dict.fromkeys([env, entry["team"], *entry.get("tags", [])])),
                "disabled": bool(entry.get("disabled", False)),
            }
    return fleet


def test_many_from_data_example(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    stack = example_stack(stack_factory, "many-from-data")
    data_file = stack.project_dir / "instances.yaml"
    expected = expected_fleet(data_file)
    assert 18 <= len(expected) <= 24, "the example declares about 20 instances"
    configure_emulator(stack, emulator)
    names = fleet_secret_names(data_file)
    set_secrets_quietly(stack, {name: f"pw-{i:03d}-{name}" for i, name in enumerate(names)})

    stack.up()
    out = stack.outputs()
    assert out["instanceCount"] == len(expected)
    ids: dict[str, int] = out["instanceIds"]
    assert set(ids) == set(expected)

    by_id = {i["id"]: i for i in live.instances()}
    assert sorted(by_id) == sorted(ids.values()), "exactly the declared instances exist"
    for resource_name, want in expected.items():
        server = by_id[ids[resource_name]]
        assert server["name"] == want["name"]
        assert server["element"]["key"] == want["element"]
        assert user_tags(server) == want["tags"], resource_name
        assert server["disabled"] is want["disabled"], resource_name
    for env in ("dev", "prod"):
        tagged = [i for i in by_id.values() if env in i["tags"]]
        assert len(tagged) == sum(1 for w in expected.values() if env in w["tags"])

    stack.preview("--expect-no-changes")

    # One entry changes in the data file: only its instance is updated.
    text = data_file.read_text()
    anchor = "  - name: sandbox-crm"
    assert anchor in text
    data_file.write_text(text.replace(anchor, anchor + "\n    tags: [playground]", 1))
    assert stack.preview("--expect-no-changes", check=False).returncode != 0
    assert preview_ops(stack) == {"sandbox-crm-dev": "update"}
    before = {i["id"]: i for i in live.instances()}
    stack.up()
    after = {i["id"]: i for i in live.instances()}
    changed = [i for i in after if after[i] != before[i]]
    assert changed == [ids["sandbox-crm-dev"]]
    assert "playground" in after[ids["sandbox-crm-dev"]]["tags"]
    stack.preview("--expect-no-changes")

    stack.destroy()
    assert live.instances() == []


MALFORMED = {
    "missing-field": (
        "    element: closeio\n    team: sales\n    tags: [crm, renewals]",
        "    team: sales\n    tags: [crm, renewals]",
        "connectors[3] ('renewals-crm'): field 'element' is required",
    ),
    "unknown-field": (
        "    secrets:\n      password: sales-crm",
        "    secret:\n      password: sales-crm",
        "connectors[0] ('sales-crm'): unknown field(s) secret",
    ),
    "unknown-environment": (
        "    environments: [dev]\n",
        "    environments: [staging]\n",
        "connectors[9] ('sandbox-crm'): field 'environments' must be a non-empty subset",
    ),
    "bad-syntax": (
        "connectors:\n",
        "connectors:\n  - name: [oops\n",
        "instances.yaml is not valid YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_many_from_data_rejects_a_malformed_file(
    stack_factory: Any, emulator: Any, case: str
) -> None:
    old, new, expected_message = MALFORMED[case]
    stack = example_stack(stack_factory, "many-from-data")
    data_file = stack.project_dir / "instances.yaml"
    original = data_file.read_text()
    assert old in original, "the mutation must apply to the example's instances.yaml"
    data_file.write_text(original.replace(old, new, 1))
    configure_emulator(stack, emulator)

    result = stack.up(check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected_message in output, output
    assert "Traceback" not in output, "a clear message, not a stack trace"
    assert stack.resources(":ConnectorInstance") == []
    assert Live(emulator).instances() == [], "nothing was created"


# -- gitops ------------------------------------------------------------------------------------


def test_gitops_run_locally(engine: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))}
    env.update(
        {
            "PATH": f"{engine}:{os.environ.get('PATH', '')}",
            "TMPDIR": str(tmp_path),
            "STEP_TIMEOUT": "120",
        }
    )
    process = subprocess.Popen(
        ["bash", str(EXAMPLES / "gitops" / "run-locally.sh")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # its EXIT trap stops the emulator
        output, _ = process.communicate(timeout=30)
        pytest.fail(f"run-locally.sh did not finish in 240 s:\n{output}")
    (tmp_path / "run-locally.log").write_text(output)
    assert process.returncode == 0, output
    steps = [line for line in output.splitlines() if line.startswith("[gitops] ")]
    assert [s.split()[1] for s in steps] == ["0/5", "1/5", "2/5", "3/5", "4/5", "5/5", "done:"]
    assert "no changes: the live instances match instances.yaml" in output
    assert "1 to update" in output
    assert not list(tmp_path.glob("openconnectors-gitops.*")), "the temp dir was removed"
    emulators = subprocess.run(
        ["pgrep", "-f", f"pulumi_openconnectors.emulator .*--db[= ]{tmp_path}"],
        capture_output=True,
        text=True,
    )
    assert emulators.stdout.strip() == "", "the emulator was stopped"


def test_gitops_workflow_file() -> None:
    workflow = yaml.safe_load((EXAMPLES / "gitops" / "workflow.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert "main" in triggers["push"]["branches"]
    env = workflow["env"]
    for name in (
        "OPENCONNECTORS_USER_SECRET",
        "OPENCONNECTORS_ORGANIZATION_SECRET",
        "PULUMI_CONFIG_PASSPHRASE",
    ):
        assert env[name] == "${{ secrets." + name + " }}"
    assert "secrets.PULUMI_BACKEND_URL" in env["PULUMI_BACKEND_URL"]
    assert (REPO / env["PROJECT_DIR"] / "Pulumi.yaml").is_file()

    def pulumi_commands(job: dict[str, Any]) -> list[str]:
        """The commands the job runs through Pulumi's own GitHub Action."""
        steps = [s for s in job["steps"] if str(s.get("uses", "")).startswith("pulumi/actions@")]
        for step in steps:
            options = step["with"]
            assert options["pulumi-version"] == "${{ env.PULUMI_VERSION }}"
            assert options["stack-name"] == "${{ env.PULUMI_STACK }}"
            assert options["work-dir"] == "${{ env.PROJECT_DIR }}"
            assert "PULUMI_BACKEND_URL" in options["cloud-url"]
        return [s["with"]["command"] for s in steps]

    jobs = workflow["jobs"]
    for job in jobs.values():
        for step in job["steps"]:
            run = step.get("run", "")
            assert "get.pulumi.com" not in run and "| sh" not in run, "install with pulumi/actions"
    preview = [j for j in jobs.values() if "pull_request" in j.get("if", "")]
    up = [
        j
        for j in jobs.values()
        if "push" in j.get("if", "") and "refs/heads/main" in j.get("if", "")
    ]
    assert len(preview) == 1 and len(up) == 1
    assert pulumi_commands(preview[0]) == ["preview"]
    assert pulumi_commands(up[0]) == ["up"]
    assert env["PULUMI_VERSION"] == "3.259.0"


def test_example_projects_are_complete() -> None:
    for name in ("basic-auth", "oauth2", "many-from-data", "formula-sync"):
        project = yaml.safe_load((EXAMPLES / name / "Pulumi.yaml").read_text())
        assert project["runtime"]["name"] == "python"
        assert project["runtime"]["options"]["virtualenv"] == "../../.venv"
        assert (EXAMPLES / name / "__main__.py").is_file()
        assert (EXAMPLES / name / "README.md").is_file()
    assert os.access(EXAMPLES / "gitops" / "run-locally.sh", os.X_OK)


def test_formula_sync(stack_factory: Any, emulator: Any) -> None:
    """2 connector instances + 1 common resource + 2 transformations + 1 formula + 1 formula
    instance from JSON files: deploy, one step of the formula updated in place, destroy in
    dependency order (the emulator refuses to delete a connector instance a formula instance
    uses, or a common resource a transformation uses)."""
    from .platform import Platform, delta

    api = Platform(emulator)
    stack = example_stack(stack_factory, "formula-sync")
    configure_emulator(stack, emulator)
    stack.config("sourceUsername", "source@example.com")
    stack.config("targetUsername", "target@example.com")
    set_secrets_quietly(stack, {"sourcePassword": "pw-source-1", "targetPassword": "pw-target-2"})

    stack.up()
    out = stack.outputs()
    formula = api.get(f"/formulas/{out['formulaId']}")
    assert formula is not None and len(formula["steps"]) == 4
    run = api.get(f"/formulas/{out['formulaId']}/instances/{out['formulaInstanceId']}")
    assert run is not None
    assert str(run["configuration"]["source"]) == str(out["sourceInstanceId"])
    assert api.get("/organizations/objects/myContacts/definitions") is not None
    assert api.get("/organizations/elements/closeio/transformations/myContacts") is not None
    target_level = f"/instances/{out['targetInstanceId']}/transformations/myContacts"
    assert api.get(target_level) is not None
    stack.preview("--expect-no-changes")

    formula_file = stack.project_dir / "formulas" / "sync-contacts.json"
    formula_file.write_text(
        formula_file.read_text().replace("=== 'contacts'", "=== 'contacts' || false")
    )
    assert preview_ops(stack) == {"sync-contacts": "update"}
    before = api.requests_by_route()
    stack.up()
    # a GET first: the PUT keeps the flags the file does not set, as the formula has them
    assert delta(before, api.requests_by_route()) == {
        "GET /formulas/{id}": 1,
        "PUT /formulas/{id}": 1,
    }
    formula = api.get(f"/formulas/{out['formulaId']}")
    assert formula is not None and "|| false" in formula["steps"][0]["properties"]["body"]
    assert stack.outputs()["formulaId"] == out["formulaId"]

    stack.destroy()
    assert api.listing("/formulas") == []
    assert api.listing("/instances") == []
    assert api.get("/organizations/objects/myContacts/definitions") is None
