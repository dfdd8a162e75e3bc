"""Start, reuse or stop a background emulator for `make up` / `make down`.

    python -m pulumi_openconnectors.emulator start  [--state-dir .state]   prints the base URL
    python -m pulumi_openconnectors.emulator stop   [--state-dir .state]
    python -m pulumi_openconnectors.emulator status [--state-dir .state]   the base URL, or
                                                                           "not running"

The emulator runs detached, on a loopback port, with its SQLite database and log in the state
directory; a second `start` reuses it when it still answers.

Ports: the emulator binds the port itself and announces the one it got (no "pick a free port,
then start on it" race). A restart after the emulator died asks for the port recorded in
emulator.json first, so the base URL recorded in a stack's state stays valid; if another
process holds that port, it falls back to any free port.

Signals: emulator.json records the pid and the process start time. A process is signalled only
when it is proven to be the emulator this command started: the pid has the recorded start time
(a pid reused by another process does not) and its command line runs the emulator module on
this state directory's database. A stale record is dropped without signalling anything.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .launcher import MODULE, START_TIMEOUT, EmulatorExited, EmulatorProcess, EmulatorTimeout
from .launcher import answers as healthy

STOP_TIMEOUT = 5.0

Record = dict[str, Any]


def log(message: str) -> None:
    print(f"[emulator] {message}", file=sys.stderr, flush=True)


# -- which process is it --------------------------------------------------------------------


def start_time(pid: int) -> str | None:
    """When the process started (None if there is no such process).

    Linux: field 22 of /proc/<pid>/stat, clock ticks after boot. Elsewhere: `ps -o lstart=`.
    A pid, once reused, has another start time."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None  # a /proc system without this pid: gone
        return _ps(pid, "lstart=")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may contain spaces or ')'.
    return stat.rsplit(")", 1)[1].split()[19]


def _ps(pid: int, column: str) -> str | None:
    try:
        out = subprocess.run(
            ["ps", "-o", column, "-p", str(pid)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.strip() or None


def runs_our_emulator(pid: int, db: Path) -> bool:
    """The process runs `python -m pulumi_openconnectors.emulator ... --db <db>` on this db."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        if Path("/proc/self/cmdline").exists():
            return False  # a /proc system without this pid: gone
        # No /proc (macOS, BSD): the command line as `ps` shows it, words joined by spaces.
        args = _ps(pid, "args=") or ""
        return MODULE in args.split() and (f"--db={db}" in args or f"--db {db}" in args)
    except OSError:
        return False
    argv = [a.decode(errors="replace") for a in raw.split(b"\0") if a]
    if MODULE not in argv:
        return False
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv) and _same_file(argv[i + 1], pid, db):
            return True
        if arg.startswith("--db=") and _same_file(arg[len("--db=") :], pid, db):
            return True
    return False


def _same_file(arg: str, pid: int, db: Path) -> bool:
    path = Path(arg)
    if not path.is_absolute():  # relative to the emulator's working directory
        try:
            path = Path(os.readlink(f"/proc/{pid}/cwd")) / path
        except OSError:
            return False
    return os.path.abspath(path) == os.path.abspath(db)


def why_not_ours(record: Record, db: Path) -> str | None:
    """None if the record's process is the emulator we started on db; else the reason."""
    try:
        pid = int(record["pid"])
    except (KeyError, TypeError, ValueError):
        return "the record has no valid pid"
    if pid <= 1:
        return f"pid {pid} is not a process we started"
    started = start_time(pid)
    if started is None:
        return f"pid {pid} is not running"
    recorded = record.get("starttime")
    if recorded is not None and str(recorded) != started:
        return f"pid {pid} started at {started}, not at {recorded}: the pid was reused"
    if not runs_our_emulator(pid, db):
        return f"pid {pid} does not run {MODULE} on {db}"
    return None


# -- signals ----------------------------------------------------------------------------------


class Handle:
    """A process to signal: on Linux a pidfd, which keeps naming the same process even if it
    exits and its pid is reused; elsewhere the pid, re-checked against its start time."""

    def __init__(self, pid: int, starttime: str | None) -> None:
        self.pid = pid
        self.starttime = starttime
        self.fd: int | None = None
        if hasattr(os, "pidfd_open"):
            try:
                self.fd = os.pidfd_open(pid)
            except OSError:
                self.fd = None

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def alive(self) -> bool:
        if self.fd is not None:
            readable, _, _ = select.select([self.fd], [], [], 0)
            return not readable  # a pidfd becomes readable when its process exits
        return self.starttime is not None and start_time(self.pid) == self.starttime

    def send(self, signum: int) -> None:
        if self.fd is not None:
            signal.pidfd_send_signal(self.fd, signum)
        elif self.alive():
            os.kill(self.pid, signum)

    def terminate(self, timeout: float = STOP_TIMEOUT) -> None:
        try:
            self.send(signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while self.alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            if self.alive():
                self.send(signal.SIGKILL)
        except ProcessLookupError:
            pass


def stop_recorded(record: Record, db: Path) -> bool:
    """Stop the recorded emulator if it is proven ours; True if it was stopped."""
    try:
        pid = int(record["pid"])
    except (KeyError, TypeError, ValueError):
        pid = 0
    handle = Handle(pid, start_time(pid)) if pid > 1 else None
    try:
        # The pidfd is opened before the checks: what they prove is what gets signalled.
        reason = why_not_ours(record, db)
        if reason is not None or handle is None:
            log(f"the recorded process is not our emulator ({reason}): not signalling it")
            return False
        handle.terminate()
        log(f"stopped the emulator (pid {pid})")
        return True
    finally:
        if handle is not None:
            handle.close()


# -- start / stop ---------------------------------------------------------------------------


def read_record(record: Path) -> Record | None:
    try:
        data = json.loads(record.read_text())
    except (OSError, ValueError):
        return None
    return dict(data) if isinstance(data, dict) else None


def write_record(path: Path, record: Record) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(record))
    tmp.replace(path)


def launch(state: Path, port: int) -> EmulatorProcess | str:
    """Start the emulator detached on `port` (0: a free port the emulator binds itself) and wait
    until it announces its URL and answers. If it exits first (e.g. the port is taken), return
    the end of its log."""
    emulator = EmulatorProcess(
        state / "emulator.log", host="127.0.0.1", port=port, db=state / "emulator.db"
    )
    try:
        return emulator.start(timeout=START_TIMEOUT)
    except EmulatorExited as exc:
        return exc.output[-1500:]
    except EmulatorTimeout as exc:
        raise SystemExit(f"{exc}; see {state}/emulator.log") from None


def start(state: Path) -> str:
    state = state.absolute()
    state.mkdir(parents=True, exist_ok=True)
    record_path = state / "emulator.json"
    db = state / "emulator.db"
    current = read_record(record_path)
    preferred = 0
    if current:
        reason = why_not_ours(current, db)
        if reason is None and healthy(str(current.get("url"))):
            log(f"reusing the emulator already running at {current['url']} (pid {current['pid']})")
            return str(current["url"])
        if reason is None:
            log(f"the emulator (pid {current['pid']}) does not answer: restarting it")
            stop_recorded(current, db)
        else:
            log(f"stale {record_path.name} ({reason}): not signalling it")
        if isinstance(current.get("port"), int) and 0 < current["port"] < 65536:
            # Ask for the same port again: stacks have its URL in their state.
            preferred = int(current["port"])
    failure = ""
    for port in dict.fromkeys([preferred, 0]):
        where = f"port {port}" if port else "a free port"
        log(f"starting the emulator on 127.0.0.1, {where} (db {db})")
        launched = launch(state, port)
        if isinstance(launched, str):
            failure = launched
            log(f"it could not start on {where} (the port may be taken); trying a free port")
            continue
        url, pid = launched.base_url, launched.pid
        record = {
            "pid": pid,
            "starttime": start_time(pid),
            "port": launched.port,
            "url": url,
            "db": str(db),
        }
        write_record(record_path, record)
        log(f"ready at {url} (pid {pid})")
        return url
    raise SystemExit(f"the emulator did not start; see {state}/emulator.log:\n{failure}")


def stop(state: Path) -> None:
    state = state.absolute()
    record_path = state / "emulator.json"
    current = read_record(record_path)
    if not current:
        log("no emulator recorded as running")
        return
    stop_recorded(current, state / "emulator.db")
    record_path.unlink(missing_ok=True)


def status(state: Path) -> str | None:
    state = state.absolute()
    current = read_record(state / "emulator.json")
    if not current or why_not_ours(current, state / "emulator.db") is not None:
        return None
    url = str(current.get("url"))
    return url if healthy(url) else None


COMMANDS = ("start", "stop", "status")


def main(argv: Sequence[str] | None = None, prog: str | None = None) -> None:
    parser = argparse.ArgumentParser(prog=prog, description=(__doc__ or "").splitlines()[0])
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("--state-dir", type=Path, default=Path(".state"))
    args = parser.parse_args(argv)
    if args.command == "start":
        print(start(args.state_dir))
    elif args.command == "stop":
        stop(args.state_dir)
    else:
        url = status(args.state_dir)
        print(url or "not running")
        sys.exit(0 if url else 1)


if __name__ == "__main__":
    main()
