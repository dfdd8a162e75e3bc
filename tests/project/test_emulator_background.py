"""`python -m pulumi_openconnectors.emulator start|stop|status` (devtools/background.py), the
background emulator of `make up` / `make down`: it starts the emulator without a port race,
and never signals a process it has not proven to be its own emulator (a stale
.state/emulator.json whose pid was reused by another process)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from pulumi_openconnectors.devtools import background

AUTH = {"Authorization": "User demo-user-secret, Organization demo-organization-secret"}


def ctl(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pulumi_openconnectors.emulator", *args, "--state-dir", str(state)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def answers(url: str) -> bool:
    try:
        return requests.get(f"{url}/elements", headers=AUTH, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture
def state(tmp_path: Path) -> Iterator[Path]:
    state = tmp_path / "state"
    yield state
    ctl("stop", state=state)


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port held by a listener that is not the emulator."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield int(sock.getsockname()[1])


@pytest.fixture
def unrelated() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is not the emulator (what a reused pid points at)."""
    proc = subprocess.Popen(["sleep", "60"])
    yield proc
    proc.kill()
    proc.wait(timeout=10)


def stale_record(state: Path, pid: int, port: int) -> None:
    state.mkdir(parents=True, exist_ok=True)
    (state / "emulator.json").write_text(
        json.dumps({"pid": pid, "port": port, "url": f"http://127.0.0.1:{port}/elements/api-v2"})
    )


# -- item: no port race ---------------------------------------------------------------------


def test_start_does_not_lose_a_port_race(
    state: Path, taken_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Picking a free port and then starting the emulator on it is a race: another process can
    take the port in between. Simulated by a port picker that returns a taken port; the emulator
    must bind a port itself (--port 0) and report the one it got."""
    monkeypatch.setattr(background, "free_port", lambda: taken_port, raising=False)
    url = background.start(state)
    record = json.loads((state / "emulator.json").read_text())
    assert record["url"] == url
    assert record["port"] != taken_port
    assert url == f"http://127.0.0.1:{record['port']}/elements/api-v2"
    assert answers(url)


def test_start_reuses_a_running_emulator(state: Path) -> None:
    first = ctl("start", state=state)
    assert first.returncode == 0, first.stderr
    second = ctl("start", state=state)
    assert second.returncode == 0, second.stderr
    assert "reusing the emulator" in second.stderr
    assert second.stdout == first.stdout
    status = ctl("status", state=state)
    assert status.returncode == 0 and status.stdout == first.stdout


# -- item: never signal a process that is not our emulator ----------------------------------


def test_stale_record_stop_leaves_an_unrelated_process_alone(
    state: Path, unrelated: subprocess.Popen[bytes], taken_port: int
) -> None:
    stale_record(state, unrelated.pid, taken_port)
    stop = ctl("stop", state=state)
    assert stop.returncode == 0, stop.stderr
    assert unrelated.poll() is None, "stop signalled a process that is not the emulator"
    assert "not our emulator" in stop.stderr
    assert not (state / "emulator.json").exists()


def test_stale_record_start_leaves_an_unrelated_process_alone(
    state: Path, unrelated: subprocess.Popen[bytes], taken_port: int
) -> None:
    stale_record(state, unrelated.pid, taken_port)
    status = ctl("status", state=state)
    assert status.returncode == 1 and status.stdout.strip() == "not running"
    start = ctl("start", state=state)
    assert start.returncode == 0, start.stderr
    assert unrelated.poll() is None, "start signalled a process that is not the emulator"
    url = start.stdout.strip()
    assert answers(url)
    record = json.loads((state / "emulator.json").read_text())
    assert record["pid"] != unrelated.pid

    stop = ctl("stop", state=state)
    assert stop.returncode == 0, stop.stderr
    assert "stopped the emulator" in stop.stderr
    assert not answers(url)
    assert unrelated.poll() is None


def test_a_record_whose_process_start_time_differs_is_not_trusted(state: Path) -> None:
    """The pid and the start time recorded at start identify the process: a pid whose start time
    differs is another process (the pid was reused), whatever its command line."""
    started = ctl("start", state=state)
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip()
    record = json.loads((state / "emulator.json").read_text())
    assert record["starttime"]
    (state / "emulator.json").write_text(json.dumps({**record, "starttime": "1"}))
    stop = ctl("stop", state=state)
    assert stop.returncode == 0, stop.stderr
    assert "not our emulator" in stop.stderr
    assert answers(url), "an unproven process was signalled"

    (state / "emulator.json").write_text(json.dumps(record))
    stop = ctl("stop", state=state)
    assert stop.returncode == 0 and "stopped the emulator" in stop.stderr
    assert not answers(url)


# -- item: a restart keeps the URL stacks recorded ------------------------------------------


def kill_hard(pid: int) -> None:
    """SIGKILL the emulator this test started (as a crash would) and wait until it is gone."""
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_restart_after_a_crash_uses_the_recorded_port(state: Path) -> None:
    first = ctl("start", state=state)
    assert first.returncode == 0, first.stderr
    record = json.loads((state / "emulator.json").read_text())
    kill_hard(record["pid"])
    assert ctl("status", state=state).returncode == 1

    again = ctl("start", state=state)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout, "the restarted emulator has another URL"
    assert answers(again.stdout.strip())


def test_restart_falls_back_to_a_free_port_when_the_recorded_one_is_taken(state: Path) -> None:
    first = ctl("start", state=state)
    assert first.returncode == 0, first.stderr
    record = json.loads((state / "emulator.json").read_text())
    kill_hard(record["pid"])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", record["port"]))
        squatter.listen(1)
        again = ctl("start", state=state)
        assert again.returncode == 0, again.stderr
        url = again.stdout.strip()
        assert url != first.stdout.strip()
        assert answers(url)
        assert "trying a free port" in again.stderr


def test_a_garbled_record_is_dropped_without_signalling(state: Path) -> None:
    state.mkdir(parents=True)
    garbled = json.dumps({"pid": "1; rm", "port": "x", "url": 3})
    (state / "emulator.json").write_text(garbled)
    stop = ctl("stop", state=state)
    assert stop.returncode == 0, stop.stderr
    assert "not our emulator" in stop.stderr

    (state / "emulator.json").write_text(json.dumps({"pid": 1, "url": "http://127.0.0.1:1"}))
    start = ctl("start", state=state)
    assert start.returncode == 0, start.stderr
    assert answers(start.stdout.strip())
