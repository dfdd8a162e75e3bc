"""`python -m pulumi_openconnectors recover` after a `pulumi up` killed with creates in flight
(issue 19 §5.5): SIGKILL, or SIGINT then SIGKILL 0.2 s later. Then `pulumi cancel` + recover
(--delete or --adopt) + up: no orphan, no duplicate, no pending operation; destroy leaves
nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import pytest

from pulumi_openconnectors.fleet.processes import left_by

from .harness import Stack, end_session
from .live import Live
from .programs import INSTANCES_PROGRAM, basic_instance, configure_emulator, set_instances

pytestmark = pytest.mark.e2e

N = 6
DELAY_MS = 3000


def _posts(emulator: Any) -> int:
    return int(emulator.admin.stats()["requests"].get("POST /instances", 0))


def _recover(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "pulumi_openconnectors", "recover", *args]
    argv += ["--stack", stack.stack, "--cwd", str(stack.project_dir)]
    result = subprocess.run(argv, env=stack.env, capture_output=True, text=True, timeout=300)
    if stack.log_dir is not None:
        with (stack.log_dir / "pulumi-output.log").open("a") as fh:
            fh.write(f"$ recover {' '.join(args)}\n{result.stdout}\n{result.stderr}\n")
    return result


@pytest.mark.parametrize(
    ("kill", "choice"), [("SIGKILL", "--delete"), ("SIGINT, SIGKILL", "--adopt")]
)
def test_recover_after_a_killed_up(
    stack_factory: Any, emulator: Any, kill: str, choice: str
) -> None:
    live = Live(emulator)
    stack: Stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)
    set_instances(stack, {f"i{k}": basic_instance(f"Recover {k}") for k in range(N)}, {"pw": "p"})
    rule = {"method": "POST", "path": "/instances", "action": "delay", "delayMs": DELAY_MS}
    emulator.admin.set_faults({"rules": [rule]})
    up = subprocess.Popen(
        stack.argv(*stack.up_args()),
        cwd=stack.project_dir,
        env=stack.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _posts(emulator) < 2 and time.monotonic() < deadline:
            assert up.poll() is None, "the up ended before its creates reached the API"
            time.sleep(0.05)
        assert _posts(emulator) >= 2
        if kill.startswith("SIGINT"):
            os.kill(up.pid, signal.SIGINT)
            time.sleep(0.2)
        os.kill(up.pid, signal.SIGKILL)
        up.wait(timeout=30)
        if kill == "SIGKILL":  # its lock is in place: recover is refused, naming what it left
            left = left_by(up.pid)
            refused = _recover(stack, "--delete")
            assert refused.returncode == 2, refused.stdout + refused.stderr
            said = refused.stderr
            assert f"pid {up.pid} on this host, is gone" in said and "pulumi cancel" in said, said
            assert all(f"pid {p.pid}" in said for p in left), (left, said)
    finally:
        end_session(up.pid)  # the killed run's plugins too
        up.wait(timeout=30)
    time.sleep(DELAY_MS / 1000 + 0.5)  # the creates in flight land on the server
    emulator.admin.clear_faults()

    stack.run("cancel", "--yes", "--stack", stack.stack, check=False)  # the dead run's lock
    state_ids = {r["id"] for r in stack.resources("ConnectorInstance")}
    orphans = {str(i["id"]) for i in live.instances()} - state_ids
    assert orphans, "the killed run left no orphan: nothing to prove"

    report = _recover(stack)  # without a choice: only says what it found
    assert report.returncode == 1, report.stdout + report.stderr
    assert f"{len(orphans)} orphan instance(s)" in report.stdout, report.stdout

    done = _recover(stack, choice)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cleared" in done.stdout and "pending operation(s)" in done.stdout, done.stdout
    assert not stack.export()["deployment"].get("pending_operations")

    up_again = stack.up()
    assert "pending operation" not in up_again.stdout + up_again.stderr
    held = live.instances()
    names = Counter(i["name"] for i in held)
    assert names == Counter(f"Recover {k}" for k in range(N)), names  # each once
    ids = {str(i["id"]) for i in held}
    assert ids == {r["id"] for r in stack.resources("ConnectorInstance")}
    if choice == "--adopt":
        assert orphans <= ids, (orphans, ids)  # adopted, not made again
    else:
        assert not orphans & ids
    stack.destroy()
    assert live.instances() == []


def test_recover_makes_a_stack_left_with_an_empty_metadata_file_readable(
    stack_factory: Any, emulator: Any
) -> None:
    """A file backend rewrites a file's metadata sidecar (`<file>.attrs`) in place: a `pulumi`
    killed at that moment leaves it empty (seen once in CI, after the SIGKILL above), and every
    read of the stack fails with `EOF`. recover removes the empty sidecar and goes on."""
    stack: Stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)
    set_instances(stack, {"i0": basic_instance("Torn 0")}, {"pw": "p"})
    stack.up()
    checkpoint = stack.checkpoint()
    sidecar = checkpoint.with_name(checkpoint.name + ".attrs")
    assert sidecar.stat().st_size > 0
    sidecar.write_bytes(b"")  # what the kill leaves
    broken = stack.run("stack", "export", "--stack", stack.stack, check=False)
    assert "failed to load checkpoint: EOF" in broken.stderr, broken.stderr

    done = _recover(stack)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"removed {sidecar}: the killed `pulumi` left" in done.stdout, done.stdout
    assert "nothing to recover" in done.stdout, done.stdout
    assert not sidecar.exists()
    stack.preview("--expect-no-changes")
    stack.destroy()
