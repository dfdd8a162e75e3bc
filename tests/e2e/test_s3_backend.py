"""Pulumi state in a real S3-compatible object store (versitygw on loopback), through the real
CLI: stack init / up / stack ls / destroy / stack rm, and the DIY backend's stack lock: a second
`pulumi up` on a stack that another `pulumi up` holds is refused."""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .harness import Stack
from .s3 import S3Backend

pytestmark = pytest.mark.e2e

# Blocks in `pulumi up` until the file named by OC_E2E_GATE exists, so that the test decides
# how long the update (and so its lock) lasts, rather than a sleep.
PROGRAM = """
import os
import time
from pathlib import Path

import pulumi

gate = os.environ.get("OC_E2E_GATE")
if gate:
    deadline = time.monotonic() + 300
    while not Path(gate).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
pulumi.export("answer", 42)
"""

LOCKED = (
    "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) "
    "to end or delete the lock file with `pulumi cancel`."
)


def _wait_for(
    predicate: Callable[[], object], what: str, process: subprocess.Popen[str], timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"`pulumi up` ended ({process.returncode}) before {what}:\n{out}\n{err}")
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def test_state_lives_in_s3_and_a_concurrent_up_is_refused(
    stack_factory: Callable[..., Stack], s3_backend: S3Backend, tmp_path: Path
) -> None:
    prefix = s3_backend.new_prefix()
    stack = stack_factory(
        PROGRAM, backend_url=s3_backend.url(prefix), extra_env=s3_backend.credentials_env
    )
    state = s3_backend.object_dir(prefix) / ".pulumi"
    checkpoint = state / "stacks" / stack.project / f"{stack.stack}.json"

    stack.init()
    assert (state / "meta.yaml").is_file()

    stack.up()
    assert stack.outputs() == {"answer": 42}
    assert json.loads(checkpoint.read_text())["checkpoint"]["latest"]["resources"]
    assert stack.state_files() == [], "nothing may go to the file backend"
    listed = json.loads(stack.run("stack", "ls", "--json").stdout)
    assert [(s["name"], s["resourceCount"]) for s in listed] == [(stack.stack, 1)]
    whoami = json.loads(stack.run("whoami", "--json").stdout)
    assert whoami["url"] == s3_backend.url(prefix)

    # Two updates of one stack at once: the first holds the lock (a file in the bucket) while
    # its program waits at the gate; the second must be refused, naming the first's lock.
    gate = tmp_path / "gate"
    first = subprocess.Popen(
        stack.argv(*stack.up_args()),
        cwd=stack.project_dir,
        env={**stack.env, "OC_E2E_GATE": str(gate)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: s3_backend.lock_files(prefix), "the first update's lock", first, 120)
        (lock,) = s3_backend.lock_files(prefix)
        assert json.loads(lock.read_text())["pid"] == first.pid

        second = stack.up(check=False)
        assert second.returncode != 0
        said = second.stdout + second.stderr
        assert LOCKED in said, said
        lock_key = f"{prefix}/.pulumi/locks/organization/{stack.project}/{stack.stack}/{lock.name}"
        assert re.search(
            rf"s3://{s3_backend.record.bucket}/{re.escape(lock_key)}\?\S*: "
            rf"created by \S+@\S+ \(pid {first.pid}\) at \S+",
            said,
        ), said
        assert s3_backend.lock_files(prefix) == [lock], "the refused update left a lock"
    finally:
        gate.touch()
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, f"{out}\n{err}"
    assert s3_backend.lock_files(prefix) == []

    stack.destroy()
    assert stack.resources() == []
    stack.run("stack", "rm", "--yes", "--stack", stack.stack)
    assert not checkpoint.exists()
    assert json.loads(stack.run("stack", "ls", "--json").stdout) == []
