"""The main job, as a newcomer runs it: `make up` (scripts/up.sh) deploys the quickstart against
a background emulator, a second run changes nothing, `make down` destroys it and stops the
emulator. Run on its own state directory and stack name, so a developer's own `make up` stack
is not touched."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
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
        [sys.executable, "-m", "pulumi_openconnectors.emulator", "stop", "--state-dir", str(state)],
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
        _stop_emulator(tmp_path / "state")
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


def _instances_left(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM instances").fetchone()[0])


def _kill_hard(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("old_port", ["free", "taken"])
def test_make_down_after_the_emulator_died(tmp_path: Path, old_port: str) -> None:
    """`make up`, the emulator is killed (-9), `make down`: the stack is destroyed and the
    emulator's database has no instance left - also when another process took the old port
    (the stack's state records the old base URL, which refresh and destroy use)."""
    stack = f"e2e-down-{uuid.uuid4().hex[:8]}"
    env = _clean_env(tmp_path, stack)
    state = tmp_path / "state"
    squatter: socket.socket | None = None
    try:
        up = _run("up.sh", env)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        assert _instances_left(state / "emulator.db") == 2
        record = json.loads((state / "emulator.json").read_text())
        _kill_hard(record["pid"])
        if old_port == "taken":
            squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            squatter.bind(("127.0.0.1", record["port"]))
            squatter.listen(1)

        down = _run("down.sh", env)
        assert down.returncode == 0, down.stdout[-3000:] + down.stderr[-3000:]
        assert "3 deleted" in down.stdout
        assert _instances_left(state / "emulator.db") == 0
        assert not (state / "emulator.json").exists()
    finally:
        if squatter is not None:
            squatter.close()
        _stop_emulator(state)
        (REPO / f"Pulumi.{stack}.yaml").unlink(missing_ok=True)


def test_make_up_and_down_with_state_in_s3(tmp_path: Path) -> None:
    """OPENCONNECTORS_BACKEND=s3: the main job keeps its state in a local S3-compatible store
    (versitygw, started by scripts/s3_server.py), nothing on the file backend; `make down`
    destroys the stack and stops both servers."""
    stack = f"e2e-quickstart-s3-{uuid.uuid4().hex[:8]}"
    env = _clean_env(tmp_path, stack)
    env["OPENCONNECTORS_BACKEND"] = "s3"
    state = tmp_path / "state"
    stack_config = REPO / f"Pulumi.{stack}.yaml"
    try:
        up = _run("up.sh", env)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        assert "+ 3 created" in up.stdout
        assert f"stack '{stack}' on the s3 backend (s3://pulumi-state?endpoint=" in up.stderr
        assert "export AWS_SECRET_ACCESS_KEY" not in up.stdout + up.stderr
        checkpoint = state / "s3" / "data" / "pulumi-state" / ".pulumi" / "stacks"
        assert list(checkpoint.rglob(f"{stack}.json")), "the state is not in the bucket"
        assert not [p for p in (state / "backend").rglob("*") if p.is_file()]
        listed = _pulumi(env | {"OPENCONNECTORS_BACKEND": "s3"}, "stack", "ls", "--json")
        assert [s["name"] for s in json.loads(listed.stdout)] == [stack], listed.stderr

        down = _run("down.sh", env)
        assert down.returncode == 0, down.stdout[-3000:] + down.stderr[-3000:]
        assert "3 deleted" in down.stdout
        assert "stopped the S3 server" in down.stderr
        assert not (state / "s3" / "s3.json").exists()
    finally:
        _stop_emulator(state)
        subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "s3_server.py"),
                "stop",
                "--state-dir",
                str(state / "s3"),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        stack_config.unlink(missing_ok=True)
