"""Whether a process runs, as signal 0 and then its /proc directory tell."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def running(pid: int, proc_says: Callable[[Path], bool]) -> bool:
    """False when no process has ``pid``; True when it is another user's (not ours to look at
    closer); else what ``proc_says`` of its /proc directory, True when that cannot be read
    (no /proc: signal 0 is all there is)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return proc_says(Path(f"/proc/{pid}"))
    except OSError:
        return True


def state(proc: Path) -> str:
    """The state letter in ``/proc/<pid>/stat`` (``Z``: a zombie); OSError when unreadable."""
    return (proc / "stat").read_text().rsplit(")", 1)[-1].split()[0]
