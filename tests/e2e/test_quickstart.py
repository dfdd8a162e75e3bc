"""The main job, as a newcomer runs it: `make up` (scripts/up.sh) deploys the quickstart against
a background emulator, a second run changes nothing, `make down` destroys it and stops the
emulator. Run on its own state directory and stack name, so a developer's own `make up` stack
is not touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .harness import REPO

pytestmark = pytest.mark.e2e


def _run(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(REPO / "scripts" / script)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _pulumi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`pulumi <args>` with the environment `make env` gives (engine, backend, passphrase)."""
    return subprocess.run(
        ["bash", "-c", 'eval "$(bash scripts/env.sh)" && exec pulumi "$@"', "pulumi", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _clean_env(tmp_path: Path, stack: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))}
    env.pop("CLOSEIO_PASSWORD", None)
    env.update({"OPENCONNECTORS_STATE_DIR": str(tmp_path / "state"), "STACK": stack})
    return env


def _stop_emulator(state: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "emulator_ctl.py"),
            "stop",
            "--state-dir",
            str(state),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_make_up_twice_then_down(tmp_path: Path) -> None:
    stack = f"e2e-quickstart-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))}
    env.update({"OPENCONNECTORS_STATE_DIR": str(tmp_path / "state"), "STACK": stack})
    stack_config = REPO / f"Pulumi.{stack}.yaml"
    try:
        first = _run("up.sh", env)
        assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
        assert "+ 3 created" in first.stdout
        assert "crmToken          [secret]" in first.stdout
        assert "socialToken       [secret]" in first.stdout
        record = json.loads((tmp_path / "state" / "emulator.json").read_text())
        assert record["url"].startswith("http://127.0.0.1:")

        second = _run("up.sh", env)
        assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
        assert "reusing the emulator" in second.stderr
        assert "3 unchanged" in second.stdout
        assert "created" not in second.stdout and "updated" not in second.stdout

        down = _run("down.sh", env)
        assert down.returncode == 0, down.stdout[-3000:] + down.stderr[-3000:]
        assert "3 deleted" in down.stdout
        assert "stopped the emulator" in down.stderr
        assert not (tmp_path / "state" / "emulator.json").exists()
    finally:
        subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "emulator_ctl.py"),
                "stop",
                "--state-dir",
                str(tmp_path / "state"),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        stack_config.unlink(missing_ok=True)


def test_make_up_with_values_that_look_like_flags(tmp_path: Path) -> None:
    """Generated values (the random closeio password, the OAuth code) may start with '-': up.sh
    must hand them to `pulumi config set` after `--`, or the CLI reads them as flags
    ("unknown shorthand flag: 'R' in -Ri-45X...")."""
    stack = f"e2e-dash-{uuid.uuid4().hex[:8]}"
    env = _clean_env(tmp_path, stack)
    password = "-Ri-45X-quickstart-password"
    env["CLOSEIO_PASSWORD"] = password
    try:
        up = _run("up.sh", env)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        assert "+ 3 created" in up.stdout
        got = _pulumi(env, "config", "get", "closeioPassword", "--stack", stack)
        assert got.returncode == 0, got.stderr
        assert got.stdout.strip() == password
        down = _run("down.sh", env)
        assert down.returncode == 0, down.stdout[-3000:] + down.stderr[-3000:]
        assert "3 deleted" in down.stdout
    finally:
        _stop_emulator(tmp_path / "state")
        (REPO / f"Pulumi.{stack}.yaml").unlink(missing_ok=True)
