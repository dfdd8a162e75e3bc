"""Start, reuse or stop a background emulator for `make up` / `make down`.

    python scripts/emulator_ctl.py start [--state-dir .state]   prints the base URL
    python scripts/emulator_ctl.py stop  [--state-dir .state]
    python scripts/emulator_ctl.py status

The emulator runs detached, on a free loopback port, with its SQLite database and log in the
state directory; a second `start` reuses it when it still answers.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

DEMO_AUTH = "User demo-user-secret, Organization demo-organization-secret"


def log(message: str) -> None:
    print(f"[emulator] {message}", file=sys.stderr, flush=True)


def healthy(base_url: str) -> bool:
    try:
        answer = requests.get(
            f"{base_url}/elements", headers={"Authorization": DEMO_AUTH}, timeout=2
        )
    except requests.RequestException:
        return False
    return answer.status_code == 200


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def read_record(record: Path) -> dict[str, object] | None:
    try:
        return dict(json.loads(record.read_text()))
    except (OSError, ValueError):
        return None


def start(state: Path) -> str:
    state.mkdir(parents=True, exist_ok=True)
    record = state / "emulator.json"
    current = read_record(record)
    if current and alive(int(str(current["pid"]))) and healthy(str(current["url"])):
        log(f"reusing the emulator already running at {current['url']} (pid {current['pid']})")
        return str(current["url"])
    if current and alive(int(str(current["pid"]))):
        os.kill(int(str(current["pid"])), signal.SIGTERM)
    for attempt in range(3):
        port = free_port()
        url = f"http://127.0.0.1:{port}/elements/api-v2"
        log(f"starting the emulator on 127.0.0.1:{port} (db {state / 'emulator.db'})")
        with (state / "emulator.log").open("ab") as logfile:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pulumi_openconnectors.emulator",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--db",
                    str(state / "emulator.db"),
                ],
                stdout=logfile,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            if healthy(url):
                record.write_text(json.dumps({"pid": process.pid, "port": port, "url": url}))
                log(f"ready at {url}")
                return url
            time.sleep(0.2)
        process.terminate()
        log(f"attempt {attempt + 1} failed; see {state / 'emulator.log'}")
    raise SystemExit(f"the emulator did not start; see {state / 'emulator.log'}")


def stop(state: Path) -> None:
    record = state / "emulator.json"
    current = read_record(record)
    if not current:
        log("no emulator recorded as running")
        return
    pid = int(str(current["pid"]))
    if alive(pid):
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            if not alive(pid):
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
        log(f"stopped the emulator (pid {pid})")
    record.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["start", "stop", "status"])
    parser.add_argument("--state-dir", type=Path, default=Path(".state"))
    args = parser.parse_args()
    if args.command == "start":
        print(start(args.state_dir))
    elif args.command == "stop":
        stop(args.state_dir)
    else:
        current = read_record(args.state_dir / "emulator.json")
        running = bool(current and alive(int(str(current["pid"]))) and healthy(str(current["url"])))
        print(current["url"] if running and current else "not running")
        sys.exit(0 if running else 1)


if __name__ == "__main__":
    main()
