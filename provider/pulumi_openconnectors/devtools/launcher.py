"""The emulator in a subprocess: started on a port it binds itself, found by its announce line.

    emulator = EmulatorProcess(log=tmp / "emulator.log", db=tmp / "e.db", latency_ms=100)
    emulator.start()            # waits for the announce line, then for the API to answer
    emulator.base_url           # http://127.0.0.1:<port>/elements/api-v2
    emulator.kill()             # SIGKILL, as a crash would
    emulator.start()            # again, on the same port and database
    emulator.stop()

Port 0 (the default) lets the emulator bind a free port and announce it (see announce.py); a
later ``start`` asks for the port the first one got. The output goes to ``log`` (appended), so
a failure can show it. ``command`` runs another emulator program that takes the same options
and announces itself the same way (the benchmark's counting emulator).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import requests

from ..config import BASE_URL, ORGANIZATION_SECRET, USER_SECRET
from .announce import Announced, parse_announce

MODULE = "pulumi_openconnectors.emulator"
DEMO_USER_SECRET = "demo-user-secret"
DEMO_ORGANIZATION_SECRET = "demo-organization-secret"
DEMO_AUTHORIZATION = f"User {DEMO_USER_SECRET}, Organization {DEMO_ORGANIZATION_SECRET}"
START_TIMEOUT = 30.0


class EmulatorAccount(Protocol):
    """Where an emulator answers and its demo account (EmulatorProcess, EmulatorServer)."""

    @property
    def base_url(self) -> str: ...
    @property
    def user_secret(self) -> str: ...
    @property
    def organization_secret(self) -> str: ...


def credentials_env(emulator: EmulatorAccount) -> dict[str, str]:
    """The environment variables that point the package at the emulator's demo account."""
    return {
        BASE_URL.env: emulator.base_url,
        USER_SECRET.env: emulator.user_secret,
        ORGANIZATION_SECRET.env: emulator.organization_secret,
    }


class EmulatorExited(RuntimeError):
    """The emulator ended before it announced itself (e.g. its port was taken)."""

    def __init__(self, returncode: int | None, output: str) -> None:
        super().__init__(f"the emulator exited early (code {returncode}):\n{output[-1500:]}")
        self.returncode = returncode
        self.output = output


class EmulatorTimeout(RuntimeError):
    """The emulator did not announce itself, or did not answer, in time (it was stopped)."""


def answers(base_url: str, authorization: str = DEMO_AUTHORIZATION, timeout: float = 2) -> bool:
    """The emulator at ``base_url`` serves the platform API (``GET /elements`` is 200)."""
    try:
        answer = requests.get(
            f"{base_url}/elements", headers={"Authorization": authorization}, timeout=timeout
        )
    except requests.RequestException:
        return False
    return answer.status_code == 200


class EmulatorProcess:
    """One emulator process at a time; ``start`` after ``kill``/``stop`` starts another."""

    def __init__(
        self,
        log: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        db: str | Path | None = None,
        latency_ms: int | None = None,
        accounts: Sequence[str] = (),
        log_level: str | None = None,
        command: Sequence[str] | None = None,
        python: str | Path = sys.executable,
        env: dict[str, str] | None = None,
        new_session: bool = True,
        ready: Callable[[Announced], bool] | None = None,
    ) -> None:
        """``accounts``: extra ``USER_SECRET:ORG_SECRET`` (the demo account is always the
        first). ``command``: the program and its first arguments (default: ``python -m``
        the emulator module). ``ready``: when the announced emulator counts as started (default:
        it answers ``GET /elements`` for the demo account). ``new_session``: the emulator runs
        in its own session (detached from the terminal; ``stop`` ends its process group)."""
        self.log = log
        self.host = host
        self.port = port
        self.db = db
        self.latency_ms = latency_ms
        self.accounts = tuple(accounts)
        self.log_level = log_level
        self.command = list(command) if command else [str(python), "-m", MODULE]
        self.env = env
        self.new_session = new_session
        self.ready = ready or (lambda found: answers(found.base_url))
        self.proc: subprocess.Popen[bytes] | None = None
        self.announced: Announced | None = None

    # -- where it is ----------------------------------------------------------------------

    def _where(self) -> Announced:
        if self.announced is None:
            raise RuntimeError("the emulator has not started")
        return self.announced

    @property
    def root_url(self) -> str:
        return self._where().root_url

    @property
    def base_url(self) -> str:
        return self._where().base_url

    @property
    def pid(self) -> int:
        if self.proc is None:
            raise RuntimeError("the emulator has not started")
        return self.proc.pid

    user_secret = DEMO_USER_SECRET
    organization_secret = DEMO_ORGANIZATION_SECRET

    def headers(self) -> dict[str, str]:
        return {"Authorization": DEMO_AUTHORIZATION}

    def argv(self) -> list[str]:
        argv = [*self.command, "--host", self.host, f"--port={self.port}"]
        if self.db is not None:
            argv.append(f"--db={self.db}")
        if self.latency_ms is not None:
            argv += ["--latency-ms", str(self.latency_ms)]
        argv += [f"--account={account}" for account in self.accounts]
        if self.log_level is not None:
            argv += ["--log-level", self.log_level]
        return argv

    def output(self, offset: int = 0) -> str:
        """The log from ``offset`` on."""
        try:
            with self.log.open("rb") as fh:
                fh.seek(offset)
                return fh.read().decode(errors="replace")
        except FileNotFoundError:
            return ""

    # -- lifecycle ------------------------------------------------------------------------

    def start(self, timeout: float = START_TIMEOUT) -> EmulatorProcess:
        """Start it and wait until it announced itself and is ready.

        Raises EmulatorExited if it ends first (its log attached), EmulatorTimeout (after
        stopping it) if it takes longer than ``timeout`` seconds."""
        if self.running():
            raise RuntimeError("the emulator is already running")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log.stat().st_size if self.log.exists() else 0
        env = {**(os.environ if self.env is None else self.env), "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                self.argv(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=self.new_session,
                env=env,
            )
        deadline = time.monotonic() + timeout
        found = None
        while found is None:
            found = parse_announce(self.output(offset))
            if found is not None:
                break
            if self.proc.poll() is not None:
                raise EmulatorExited(self.proc.returncode, self.output(offset))
            if time.monotonic() > deadline:
                self.stop()
                raise EmulatorTimeout(
                    f"the emulator did not announce its port within {timeout:.0f} s; see {self.log}"
                )
            time.sleep(0.05)
        self.announced = found
        self.port = found.port  # a restart asks for the same port (URLs stay valid)
        while not self.ready(found):
            if self.proc.poll() is not None:
                raise EmulatorExited(self.proc.returncode, self.output(offset))
            if time.monotonic() > deadline:
                self.stop()
                raise EmulatorTimeout(f"the emulator at {found.base_url} does not answer")
            time.sleep(0.05)
        return self

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL (a crash) and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (its whole process group when it has its own session), then SIGKILL."""
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        try:
            if self.new_session:
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
            proc.wait(timeout=timeout)
        except (OSError, subprocess.TimeoutExpired):
            with contextlib.suppress(OSError):
                proc.kill()
            proc.wait(timeout=10)

    def __enter__(self) -> EmulatorProcess:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
