"""CPU time of the processes a benchmark started, as the kernel accounts it."""

from __future__ import annotations

import resource


def children_cpu() -> float:
    """CPU seconds (user + system) of every reaped child of this process, and of their own
    reaped children (a `pulumi` and everything it started)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
