"""The processes a test session started and left running.

At session start every test process gets :data:`RUN_VARIABLE` in its environment (a fresh id
per session), and every process it starts inherits it: `pulumi`, its language host, the
program, the dynamic-provider host, emulators, the S3 store. At the end, any process still
carrying the id (other than pytest's own) was left behind by a test: it is reported and ended.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

# Not OPENCONNECTORS_* / PULUMI_* / AWS_*: the e2e harness drops those from the environment it
# hands to `pulumi`, and the marker must reach every process.
RUN_VARIABLE = "OC_TEST_SESSION_RUN"


@dataclass(frozen=True)
class Leftover:
    pid: int
    cmdline: str

    def __str__(self) -> str:
        return f"pid {self.pid}: {self.cmdline[:200]}"


def _environ(pid: int) -> dict[bytes, bytes]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.partition(b"=")[::2] for item in raw.split(b"\0") if item)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z"
    except OSError:
        return True


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def carrying(run_id: str, exclude: set[int]) -> list[Leftover]:
    """Live processes whose environment has ``RUN_VARIABLE=run_id``, except ``exclude`` and
    the pytest-xdist workers of this process (its children with ``PYTEST_XDIST_WORKER``; what
    a worker starts inherits that variable too, so it alone does not tell a worker)."""
    found: list[Leftover] = []
    wanted = run_id.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        if pid in exclude:
            continue
        try:
            env = _environ(pid)
            if env.get(RUN_VARIABLE.encode()) != wanted:
                continue
            if b"PYTEST_XDIST_WORKER" in env and _parent(pid) == os.getpid():
                continue
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if not _is_zombie(pid):
            found.append(Leftover(pid, cmdline.strip()))
    return found


def collect(run_id: str, grace: float = 10.0) -> list[Leftover]:
    """The processes left behind after ``grace`` seconds (ending ones get that long); each is
    then ended (SIGKILL). Bounded: at most ``grace`` + a few seconds."""
    exclude = {os.getpid()}
    deadline = time.monotonic() + grace
    left = carrying(run_id, exclude)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = carrying(run_id, exclude)
    for leftover in left:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(leftover.pid, signal.SIGKILL)
    return left
