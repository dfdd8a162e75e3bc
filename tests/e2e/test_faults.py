"""Fault injection through the real engine: every fault the emulator can inject, on every verb
the provider uses, must end with state and emulator in exact agreement (no orphan, no duplicate,
nothing missing) and a second `pulumi up` that converges.

Each test records what was injected, what the user saw (exit code, key error line) and the final
state as a `FaultOutcome` (the fault matrix; set OPENCONNECTORS_FAULT_MATRIX=<file> to collect).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from pulumi_openconnectors.devtools.launcher import EmulatorProcess

from .harness import VENV, Stack, end_session
from .invariants import (
    FaultOutcome,
    assert_no_secret_in_output,
    assert_state_matches_emulator,
    converge,
    key_error_line,
)
from .live import Live
from .programs import INSTANCES_PROGRAM, basic_instance, configure_emulator, set_instances

pytestmark = pytest.mark.e2e

PASSWORD = "pw-faults-0001"
N = 4


def _specs(n: int, label: str = "Fault") -> dict[str, Any]:
    return {f"i{k}": basic_instance(f"{label} {k}") for k in range(n)}


def _new_stack(stack_factory: Any, emulator: Any, n: int = N, **config: str) -> Stack:
    stack: Stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)
    set_instances(stack, _specs(n), {"pw": PASSWORD})
    for key, value in config.items():
        stack.config(f"openconnectors:{key}", value)
    return stack


def _fired(emulator: Any) -> int:
    return int(sum(emulator.admin.stats()["faultsFired"]))


PHASE_OPERATION = {
    "create": "up (create)",
    "update": "up (update)",
    "refresh": "refresh",
    "delete": "destroy",
}
PHASE_METHOD = {"create": "POST", "update": "PATCH", "refresh": "GET", "delete": "DELETE"}
PHASE_PATH = {
    "create": "/instances",
    "update": "/instances/{id}",
    "refresh": "/instances/{id}",
    "delete": "/instances/{id}",
}
SECRETS = (PASSWORD, "demo-user-secret", "demo-organization-secret")


def _rule(phase: str, **rule: Any) -> dict[str, Any]:
    return {"method": PHASE_METHOD[phase], "path": PHASE_PATH[phase], **rule}


def _scenario(
    stack: Stack,
    live: Live,
    emulator: Any,
    fault: str,
    phases: dict[str, dict[str, Any]],
    *,
    must_succeed: bool | str = True,
    n: int = N,
) -> None:
    """Run the phases (create, update, refresh, delete, in that order) each under its faults.

    After every faulted run: the faults are cleared and state and emulator must agree exactly,
    even when the run failed (then a clean `up` must converge before the next phase). Before
    the delete phase a clean `up` converges and `preview --expect-no-changes` passes.
    """
    converged = False
    for phase, faults in phases.items():
        if phase == "update":
            renamed = _specs(n, "Renamed")
            for spec in renamed.values():
                spec["tags"] = ["e2e", "updated"]
            set_instances(stack, renamed)
        if phase == "delete" and not converged:
            converge(stack, live, expected=n)
        emulator.admin.set_faults(faults)
        started = time.monotonic()
        result = {
            "create": stack.up,
            "update": stack.up,
            "refresh": stack.refresh,
            "delete": stack.destroy,
        }[phase](check=False)
        elapsed = time.monotonic() - started
        fired = _fired(emulator)
        emulator.admin.clear_faults()
        if phase in ("create", "update"):
            # A request the client gave up on (timeout) may still be running on the server.
            time.sleep(0.5)
        assert fired >= 1, f"{fault}: the fault never fired during {phase}"
        text = result.stdout + result.stderr
        for secret in SECRETS:
            assert secret not in text, f"{fault}: a secret appears in the {phase} output"
        if must_succeed is True:
            assert result.returncode == 0, f"{fault} during {phase}:\n{text}"
        elif must_succeed == "fail":
            assert result.returncode != 0, f"{fault} during {phase} did not fail:\n{text}"
        if result.returncode != 0:
            line = key_error_line(result)
            assert "Open Connectors" in line or "without a clear answer" in line, text
        ids = assert_state_matches_emulator(stack, live, attributes=result.returncode == 0)
        final = f"invariant ok ({len(ids)} in state = on emulator)"
        if phase == "delete":
            if result.returncode != 0:
                stack.destroy()
                ids = assert_state_matches_emulator(stack, live)
                final += "; clean destroy"
            assert not ids and not live.instances()
            final += "; all deleted"
        elif result.returncode != 0 or phase == "refresh":
            ids = converge(stack, live, expected=n)
            converged = True
            final += f"; clean up converged ({len(ids)}), no changes"
        else:
            assert len(ids) == n
            converged = False
        FaultOutcome(
            fault=fault,
            injected=json.dumps(faults, separators=(",", ":")),
            operation=PHASE_OPERATION[phase],
            exit_code=result.returncode,
            user_saw=key_error_line(result) or f"(success, {elapsed:.1f}s)",
            fired=fired,
            final_state=final,
        ).record()


@pytest.mark.parametrize("status", [429, 500, 503])
def test_error_status_bursts(stack_factory: Any, emulator: Any, status: int) -> None:
    """A burst of 3 answers with this status on each verb: POST (create), PATCH (update), GET
    (refresh), DELETE (destroy). Idempotent calls are retried (honouring Retry-After); a POST
    is retried on 429 (nothing was executed) and reconciled on 5xx, never duplicated."""
    live = Live(emulator)
    stack = _new_stack(stack_factory, emulator)
    extra: dict[str, Any] = {"retryAfter": 1} if status in (429, 503) else {}
    phases = {
        phase: {"rules": [_rule(phase, action="status", status=status, count=3, **extra)]}
        for phase in ("create", "update", "refresh", "delete")
    }
    _scenario(stack, live, emulator, f"{status} x3" + (" Retry-After:1" if extra else ""), phases)


def test_dropped_connections(stack_factory: Any, emulator: Any) -> None:
    """Connections closed without an answer at a 30% rate on every call, in every phase."""
    live = Live(emulator)
    stack = _new_stack(stack_factory, emulator)
    drop = {"seed": 7, "rules": [{"method": "*", "path": "*", "action": "drop", "rate": 0.3}]}
    phases = {phase: drop for phase in ("create", "update", "delete")}
    # Drops are retried (idempotent calls) or reconciled (POST); a run may still fail when one
    # call is unlucky too often, but then with a clear message and nothing left behind.
    _scenario(stack, live, emulator, "drop 30% on * *", phases, must_succeed=False)


def test_lost_responses(stack_factory: Any, emulator: Any) -> None:
    """The call succeeded on the server but the answer was lost (2 per verb)."""
    live = Live(emulator)
    stack = _new_stack(stack_factory, emulator)
    phases = {
        phase: {"rules": [_rule(phase, action="lose_response", count=2)]}
        for phase in ("create", "update", "delete")
    }
    _scenario(stack, live, emulator, "lose_response x2", phases)


def test_persistent_outage_fails_clearly(stack_factory: Any, emulator: Any) -> None:
    """503 on every POST, then 500 on every DELETE (maxRetries=1): the run fails with a message
    that says what happened and what to do, leaves nothing behind, and a clean run converges."""
    live = Live(emulator)
    stack = _new_stack(stack_factory, emulator, maxRetries="1")
    phases = {
        phase: {"rules": [_rule(phase, action="status", status=status)]}
        for phase, status in (("create", 503), ("delete", 500))
    }
    _scenario(stack, live, emulator, "outage: 503/500 on every call", phases, must_succeed="fail")


def test_latency_past_the_client_timeout(stack_factory: Any, emulator: Any) -> None:
    """openconnectors:timeout=1 and answers that take 2.5 s: the client times out while the
    server still executes the call. Timed-out creates are reconciled, never duplicated."""
    live = Live(emulator)
    stack = _new_stack(stack_factory, emulator, timeout="1")
    slow_list = {
        "method": "GET",
        "path": "/instances",
        "action": "delay",
        "delayMs": 1500,
        "count": 1,
    }
    phases = {
        phase: {"rules": [_rule(phase, action="delay", delayMs=2500, count=2), slow_list]}
        for phase in ("create", "update", "refresh")
    }
    _scenario(stack, live, emulator, "delay 2.5s x2, timeout=1", phases)


# -- the emulator restarted mid-`up` ---------------------------------------------------------


class ProcessEmulator(EmulatorProcess):
    """The emulator as a separate process on a SQLite file (it can be SIGKILLed); the first
    start binds a free port (announced), restarts reuse it."""

    def __init__(self, db: Path, latency_ms: int) -> None:
        super().__init__(
            db.with_suffix(".log"),
            db=db,
            latency_ms=latency_ms,
            log_level="warning",
            python=VENV / "bin" / "python",
            new_session=False,
        )

    def post_count(self) -> int:
        try:
            stats = requests.get(
                self.root_url + "/_emulator/stats", headers=self.headers(), timeout=2
            ).json()
        except requests.RequestException:
            return 0
        return int(stats["requests"].get("POST /instances", 0))


def test_emulator_restarted_mid_up(stack_factory: Any, tmp_path: Path) -> None:
    """SIGKILL the API server while `pulumi up` creates instances, restart it 1.5 s later on the
    same port and database: the up succeeds or fails clearly, and a second up converges."""
    n = 8
    emu = ProcessEmulator(tmp_path / "emulator.db", latency_ms=600)
    emu.start()
    try:
        live = Live(emu)
        stack: Stack = stack_factory(INSTANCES_PROGRAM).init()
        configure_emulator(stack, emu, via_env=True)
        set_instances(stack, _specs(n, "Restart"), {"pw": PASSWORD})
        argv = [str(stack.bin_dir / "pulumi"), "up", "--yes", "--skip-preview"]
        argv += ["--non-interactive", "--stack", stack.stack]
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(
                argv,
                cwd=stack.project_dir,
                env=stack.env,
                stdout=out,
                stderr=err,
                start_new_session=True,  # ended with everything it started (end_session)
            )
            try:
                deadline = time.monotonic() + 60
                while emu.post_count() < 2 and time.monotonic() < deadline:
                    assert proc.poll() is None, "the up ended before any create reached the API"
                    time.sleep(0.05)
                assert emu.post_count() >= 2, "no create reached the API in time"
                time.sleep(0.3)  # creates in flight (600 ms latency each)
                emu.kill()
                killed_at = time.monotonic()
                time.sleep(1.5)
                emu.start()
                restart_gap = time.monotonic() - killed_at
                code = proc.wait(timeout=300)
            finally:
                if proc.poll() is None:
                    end_session(proc.pid)
                    proc.wait(timeout=10)
            out.seek(0)
            err.seek(0)
            result = subprocess.CompletedProcess(argv, code, out.read(), err.read())
        if result.returncode != 0:
            line = key_error_line(result)
            assert "Open Connectors" in line, result.stdout + result.stderr
        assert_no_secret_in_output(result, PASSWORD, emu.user_secret, emu.organization_secret)
        after_fault = assert_state_matches_emulator(stack, live, attributes=result.returncode == 0)
        ids = converge(stack, live, expected=n)
        final = (
            f"invariant ok after the interrupted up ({len(after_fault)}) and after a clean up "
            f"({len(ids)})"
        )
        FaultOutcome(
            fault="emulator SIGKILLed mid-up, restarted",
            injected=(
                f"SIGKILL after >=2 POSTs, restart {restart_gap:.1f}s later (same port and "
                f"SQLite db), latency 600ms, n={n}"
            ),
            operation="up",
            exit_code=result.returncode,
            user_saw=key_error_line(result) or "(success)",
            fired=1,
            final_state=final,
        ).record()
        stack.destroy()
        assert live.instances() == []
    finally:
        emu.stop()
