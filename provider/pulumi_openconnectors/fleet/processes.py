"""The processes a `pulumi` run left behind when it was killed (Linux /proc).

`pulumi` starts its plugins (the language host, the program, the dynamic-provider host and its
``python -m pulumi.dynamic``) as its children. Killed outright, it cannot end them: they are
re-parented to init and may go on working, e.g. a provider mid-create that still POSTs. They
stay in the session the run was started in; the fleet starts every `pulumi` as the leader of a
session of its own (sid = its pid), and a plain `pulumi up` typed in a shell leads its own
process group (pgid = its pid). The kernel never hands out a pid that is still some live
process's session or group id, so once that `pulumi` is gone, every process whose session or
group id is its pid was started by that run: that is what proves they belong to it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Leftover:
    pid: int
    name: str  # the program's file name (argv[0]'s last part), or `python -m <module>`

    def __str__(self) -> str:
        return f"{self.name} (pid {self.pid})"


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, process group, session) of a process, or None when it is gone."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[-1].split()
        return fields[0], int(fields[2]), int(fields[3])
    except (OSError, ValueError, IndexError):
        return None


def _name(pid: int) -> str:
    try:
        argv = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [a.decode(errors="replace") for a in argv if a]
    if not words:
        return "?"
    if "-m" in words[:-1]:
        return f"{Path(words[0]).name} -m {words[words.index('-m') + 1]}"
    return Path(words[0]).name


def left_by(leader: int) -> list[Leftover]:
    """The live processes in the session or process group that ``leader`` (a gone `pulumi`)
    started; [] when ``leader`` still runs (then they are not left over) or on a system
    without /proc."""
    if leader <= 1 or not PROC.is_dir():
        return []
    own = _stat(leader)
    if own is not None and own[0] != "Z":
        return []
    found: list[Leftover] = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == leader:
            continue
        stat = _stat(int(entry.name))
        if stat is None or stat[0] == "Z":
            continue
        if leader in (stat[1], stat[2]):
            found.append(Leftover(int(entry.name), _name(int(entry.name))))
    return sorted(found, key=lambda p: p.pid)


def end(leftovers: list[Leftover], grace: float = 5.0) -> list[Leftover]:
    """SIGTERM, then after ``grace`` seconds SIGKILL for those still there; what is still
    alive at the end (not ours to signal, say)."""
    for process in leftovers:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    alive = list(leftovers)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if _alive(p.pid)]
    for process in alive:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(process.pid, signal.SIGKILL)
    time.sleep(0.1)
    return [p for p in alive if _alive(p.pid)]


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def end_run(leader: int, grace: float = 5.0) -> tuple[list[Leftover], list[Leftover]]:
    """End what the gone `pulumi` ``leader`` left running: (ended, still alive)."""
    found = left_by(leader)
    if not found:
        return [], []
    alive = end(found, grace)
    return [p for p in found if p not in alive], alive
