"""examples/promote end to end: its run-locally.sh (the workflow's steps, through the real
engine, against an emulator serving the dev and the prod organization) run as a subprocess,
with a hook (tests/e2e/promote_snapshot.py) that reads both organizations over the emulator's
API after each step. Asserted: the stacks start empty; `up --stack dev` fills dev only; after
the promotion prod holds the same objects as dev (only the per-stack values differ, as the
stack files say); the drift check passes, then fails after an out-of-band edit in prod, naming
the resource and the field; a formula script change shows in the prod preview naming its step
and reaches both organizations; nothing is left after destroy; the connector instances'
passwords (canaries) never appear in the output, the state files or the emulator's log."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from pulumi_openconnectors.devtools.paths import REPO

pytestmark = pytest.mark.e2e

EXAMPLE = REPO / "examples" / "promote"
SNAPSHOT = Path(__file__).with_name("promote_snapshot.py")
CANARIES = {"dev": "canary-dev-acme-pw-5d0e71", "prod": "canary-prod-acme-pw-a93c2f"}
STEPS = ["0/7", "1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7", "done:"]
KINDS = [
    "common resources",
    "connectors",
    "formula instances",
    "formulas",
    "instances",
    "transformations",
    "vdrs",
]
PER_STACK = {  # what Pulumi.<stack>.yaml sets differently (see examples/promote)
    "dev": ("Acme CRM (dev)", "notify-new-contact-dev", "dev-team@example.com"),
    "prod": ("Acme CRM (prod)", "notify-new-contact-prod", "ops@example.com"),
}


def run_locally(tmp_path: Path, engine: Path, snapshots: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))}
    env.update(
        {
            "PATH": f"{engine}:{os.environ.get('PATH', '')}",
            "TMPDIR": str(tmp_path),
            "STEP_TIMEOUT": "120",
            "KEEP_WORKDIR": "1",  # the state files and the emulator's log, scanned below
            "DEV_ACME_PASSWORD": CANARIES["dev"],
            "PROD_ACME_PASSWORD": CANARIES["prod"],
            "PROMOTE_AFTER_STEP": f"{sys.executable} {SNAPSHOT} {snapshots}",
        }
    )
    process = subprocess.Popen(
        ["bash", str(EXAMPLE / "run-locally.sh")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # its EXIT trap stops the emulator
        output, _ = process.communicate(timeout=30)
        pytest.fail(f"run-locally.sh did not finish in 300 s:\n{output}")
    (tmp_path / "run-locally.log").write_text(output)
    assert process.returncode == 0, output
    return output


def section(output: str, step: str) -> str:
    """The output of one step of run-locally.sh (from its `[promote] N/7` line to the next)."""
    start = output.index(f"[promote] {step} ")
    end = output.find("\n[promote] ", start + 1)
    return output[start : end if end >= 0 else None]


def without_per_stack_values(org: dict[str, Any]) -> dict[str, Any]:
    """An organization's objects less what differs by design: the connector instance's id,
    name and tags, the formula instance's name and configuration values."""
    same = json.loads(json.dumps(org))
    for instance in same["instances"].values():
        del instance["id"], instance["name"], instance["tags"]
    for run in same["formula instances"].values():
        del run["name"]
        run["configuration"] = sorted(run["configuration"])
    return same


def test_promote_run_locally(engine: Path, tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    try:
        output = run_locally(tmp_path, engine, snapshots)
        [workdir] = tmp_path.glob("openconnectors-promote.*")
        check_flow(output, snapshots)
        check_secrets(output, workdir)
    finally:
        for kept in tmp_path.glob("openconnectors-promote.*"):
            shutil.rmtree(kept, ignore_errors=True)
    emulators = subprocess.run(
        ["pgrep", "-f", f"pulumi_openconnectors.emulator .*--db[= ]{tmp_path}"],
        capture_output=True,
        text=True,
    )
    assert emulators.stdout.strip() == "", "the emulator was stopped"


def check_flow(output: str, snapshots: Path) -> None:
    steps = [line for line in output.splitlines() if line.startswith("[promote] ")]
    assert [s.split()[1] for s in steps if s.split()[1] != "kept"] == STEPS, steps

    def taken(step: str) -> dict[str, dict[str, Any]]:
        data: dict[str, dict[str, Any]] = json.loads((snapshots / f"{step}.json").read_text())
        return data

    empty = {kind: {} for kind in KINDS}
    assert taken("setup") == {"dev": empty, "prod": empty}, "both organizations start empty"

    # up --stack dev: everything in dev, nothing in prod
    dev_only = taken("dev")
    assert dev_only["prod"] == empty
    dev = dev_only["dev"]
    assert sorted(dev["connectors"]) == ["acme-crm"] and dev["connectors"]["acme-crm"]["private"]
    assert sorted(dev["formulas"]) == ["notify-new-contact"]
    assert sorted(dev["vdrs"]) == ["promoAccounts"]
    assert sorted(dev["common resources"]) == ["promoContacts"]
    assert sorted(dev["transformations"]["acme-crm"]) == ["promoContacts"]
    keys = dev["instances"]["acme-crm"]["configuration keys"]
    assert keys == ["base.url", "password", "username"]

    # promoted: prod holds what dev holds; only the per-stack values differ, as configured
    promoted = taken("promoted")
    assert without_per_stack_values(promoted["prod"]) == without_per_stack_values(promoted["dev"])
    for name, org in promoted.items():
        instance_name, run_name, owner = PER_STACK[name]
        instance = org["instances"]["acme-crm"]
        assert instance["name"] == instance_name and instance["tags"] == [name, "promote"]
        run = org["formula instances"]["notify-new-contact"]
        assert run["name"] == run_name
        assert run["configuration"]["owner.email"] == owner
        # wired by output: the formula instance runs against this organization's instance
        assert str(run["configuration"]["crm"]) == str(instance["id"])
    ids = {name: org["instances"]["acme-crm"]["id"] for name, org in promoted.items()}
    assert ids["dev"] != ids["prod"], ids
    assert promoted["prod"]["formulas"] == dev["formulas"], "prod got what dev was given"

    # the scheduled drift check passes while both organizations match the code
    drift_ok = section(output, "4/7")
    assert "no drift: both organizations match the code" in drift_ok
    assert "error:" not in drift_ok

    # PR 2: the prod preview names the changed step and shows the script's diff
    pr2 = section(output, "5/7")
    previewed = pr2[pr2.index("Previewing update (prod)") :]
    assert re.search(r'~ \[2\]: \{\s*name\s*: "build-message"', previewed), previewed
    assert "+   subject: 'New contact in Acme (' + config['owner.email'] + ')'," in previewed
    assert "-   subject: 'New contact in Acme'," in previewed
    assert "1 to update" in previewed
    changed = taken("changed")
    assert changed["prod"]["formulas"] == changed["dev"]["formulas"]
    body = {s["name"]: s for s in changed["prod"]["formulas"]["notify-new-contact"]["steps"]}[
        "build-message"
    ]["properties"]["body"]
    assert "config['owner.email'] + ')'," in body

    # out of band: a hand edit in prod fails the drift check, which names resource and field
    drift = section(output, "6/7")
    assert "no changes were expected for preview but changes were proposed" in drift
    assert "openconnectors:Formula::notify-new-contact]" in drift
    assert '"When a contact is created in Acme, tell its owner" => "hot-fixed in the UI"' in drift
    assert "drift found" in drift
    drifted = taken("drifted")
    assert drifted["prod"]["formulas"]["notify-new-contact"]["description"] == (
        "hot-fixed in the UI"
    )
    assert drifted["dev"]["formulas"] == changed["dev"]["formulas"], "dev untouched"

    # destroy: nothing left in either organization
    assert taken("destroyed") == {"dev": empty, "prod": empty}


def check_secrets(output: str, workdir: Path) -> None:
    """The passwords appear nowhere in plain text: the output (every pulumi command, the stack
    outputs), the stack config files, the state (current and history) and the emulator's log."""
    for canary in CANARIES.values():
        assert canary not in output
    # everything the run kept but the emulator's database (the platform stores the passwords)
    scanned = [
        p for p in workdir.rglob("*") if p.is_file() and not p.name.startswith("emulator.db")
    ]
    states = [p for p in scanned if "/.pulumi/" in str(p) and p.suffix == ".json"]
    assert len(states) >= 4, "the state files (and their history) are scanned"
    assert any("ciphertext" in p.read_text() for p in states), "the passwords are state secrets"
    log = workdir / "emulator" / "emulator.log"
    assert "POST /elements/api-v2/instances" in log.read_text(), "the log has the requests"
    configs = list(workdir.glob("checkout/examples/promote/Pulumi.*.yaml"))
    assert sorted(p.name for p in configs) == ["Pulumi.dev.yaml", "Pulumi.prod.yaml"]
    assert all("acmePassword:\n    secure:" in p.read_text() for p in configs)
    leaks = [
        str(path.relative_to(workdir))
        for path in scanned
        if any(canary.encode() in path.read_bytes() for canary in CANARIES.values())
    ]
    assert leaks == [], leaks


# -- the workflow file -------------------------------------------------------------------------


def test_promote_workflow_file() -> None:
    """workflow.yml does what README.md says: previews of both stacks and the changed formulas'
    graphs on pull requests, dev on push to main then prod behind the `production`
    environment, a scheduled drift check of both stacks; secrets only from the secret store."""
    text = (EXAMPLE / "workflow.yml").read_text()
    workflow = yaml.safe_load(text)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"]
    env = workflow["env"]
    assert (REPO / env["PROJECT_DIR"] / "Pulumi.yaml") == EXAMPLE / "Pulumi.yaml"
    assert env["PULUMI_CONFIG_PASSPHRASE"] == "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}"
    assert env["PULUMI_VERSION"] == "3.259.0"
    jobs = workflow["jobs"]

    def script(job: dict[str, Any]) -> str:
        return "\n".join(str(step.get("run", "")) for step in job["steps"])

    for job in jobs.values():
        assert "get.pulumi.com" not in script(job)
        for name, value in job.get("env", {}).items():
            if "SECRET" in name or "PASSWORD" in name:
                assert str(value).startswith("${{") and "secrets." in value, name

    preview = jobs["preview"]
    assert "pull_request" in preview["if"]
    run = script(preview)
    assert "for stack in dev prod" in run and "pulumi preview --stack" in run
    assert "python -m pulumi_openconnectors graph" in run and "--format mermaid" in run
    assert "```mermaid" in run and "GITHUB_STEP_SUMMARY" in run
    assert "gh pr comment" in run and preview["permissions"]["pull-requests"] == "write"

    dev, prod = jobs["deploy-dev"], jobs["deploy-prod"]
    assert "push" in dev["if"] and "refs/heads/main" in dev["if"]
    assert "environment" not in dev and dev["env"]["STACK"] == "dev"
    assert "pulumi up --yes" in script(dev)
    assert prod["needs"] == "deploy-dev" and prod["environment"] == "production"
    assert prod["env"]["STACK"] == "prod" and "pulumi up --yes" in script(prod)

    drift = jobs["drift"]
    assert "schedule" in drift["if"]
    assert drift["strategy"]["matrix"]["stack"] == ["dev", "prod"]
    assert drift["strategy"]["fail-fast"] is False
    assert "pulumi preview --refresh --expect-no-changes" in script(drift)


def test_promote_project_files() -> None:
    """A Python project on the repository's virtualenv; the stack files name their
    organization and hold no secret; the local run is executable."""
    project = yaml.safe_load((EXAMPLE / "Pulumi.yaml").read_text())
    assert project["runtime"]["name"] == "python"
    assert project["runtime"]["options"]["virtualenv"] == "../../.venv"
    for stack in ("dev", "prod"):
        text = (EXAMPLE / f"Pulumi.{stack}.yaml").read_text()
        config = yaml.safe_load(text)["config"]
        assert config[f"{project['name']}:organization"] == stack
        assert "secure:" not in text and "encryptionsalt" not in text
    assert (EXAMPLE / "README.md").is_file() and (EXAMPLE / "__main__.py").is_file()
    assert os.access(EXAMPLE / "run-locally.sh", os.X_OK)


def test_promote_formula_graph_for_the_pull_request() -> None:
    """The command the preview job runs on each changed formula directory draws every step."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pulumi_openconnectors",
            "graph",
            str(EXAMPLE / "formulas" / "notify-new-contact"),
            "--format",
            "mermaid",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith("flowchart")
    for step in ("is-new-contact", "get-contact", "build-message"):
        assert step in result.stdout


def test_promote_preview_job_summary(tmp_path: Path) -> None:
    """The preview job's script, run as GitHub runs it (`bash -e`) in a git checkout of a pull
    request, with a stand-in `pulumi` that prints its arguments: both previews in the summary,
    a Mermaid graph only for a formula the pull request changes, a failed preview reported and
    failing the job after the summary is written."""
    workflow = yaml.safe_load((EXAMPLE / "workflow.yml").read_text())
    [step] = [s for s in workflow["jobs"]["preview"]["steps"] if "Mermaid" in s.get("name", "")]
    script = tmp_path / "step.sh"
    script.write_text(step["run"])
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pulumi").write_text(
        '#!/bin/sh\necho "previewed: $*"\ncase "$*" in *"--stack $FAIL_STACK "*) exit 3;; esac\n'
    )
    (bin_dir / "pulumi").chmod(0o755)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # the venv's
    (bin_dir / "python").chmod(0o755)
    repo = tmp_path / "repo"
    project = repo / "examples" / "promote"
    shutil.copytree(EXAMPLE, project)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD")

    def run_step(fail_stack: str = "none") -> tuple[int, str, str]:
        runner = tmp_path / "runner"
        shutil.rmtree(runner, ignore_errors=True)
        runner.mkdir()
        env = {
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "RUNNER_TEMP": str(runner),
            "GITHUB_STEP_SUMMARY": str(runner / "step-summary"),
            "GITHUB_ENV": str(runner / "github-env"),
            "BASE_SHA": base,
            "FAIL_STACK": fail_stack,
        }
        result = subprocess.run(
            ["bash", "-e", str(script)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        summary = (runner / "step-summary").read_text()
        assert f"SUMMARY_FILE={runner / 'summary.md'}" in (runner / "github-env").read_text()
        assert (runner / "summary.md").read_text() == summary, "the comment is the summary"
        return result.returncode, summary, result.stderr

    # a pull request that changes a VDR only: both previews, no formula graph
    vdr = project / "vdrs" / "promoAccounts.json"
    vdr.write_text(vdr.read_text().replace('"display_name"', '"name"'))
    git("commit", "-qam", "a VDR")
    status, summary, stderr = run_step()
    assert status == 0, stderr
    for stack in ("dev", "prod"):
        assert f"previewed: preview --stack {stack} --diff" in summary
    assert "```mermaid" not in summary

    # a formula script changed too: its flowchart, every step in it
    script_file = project / "formulas" / "notify-new-contact" / "build-message.js"
    script_file.write_text(script_file.read_text() + "// reviewed\n")
    git("commit", "-qam", "a formula")
    status, summary, stderr = run_step()
    assert status == 0, stderr
    graph = summary[summary.index("### formula `notify-new-contact`") :]
    assert graph.split("\n")[2] == "```mermaid" and "flowchart TD" in graph
    for name in ("is-new-contact", "get-contact", "build-message"):
        assert name in graph

    # the prod preview fails: reported in the summary, the step fails after writing it
    status, summary, _ = run_step(fail_stack="prod")
    assert status == 1
    assert "### `prod` preview FAILED (exit 3)" in summary
    assert "### `dev` preview\n" in summary and "```mermaid" in summary
