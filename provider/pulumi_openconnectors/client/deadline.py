"""One overall deadline per provider operation (create, read, update, delete).

Every HTTP attempt, every back-off and every reconciliation wait of an operation stays within
it: against an API that accepts connections but never answers, an operation ends after
``openconnectors:operationTimeout`` seconds with one line saying so, however many retries
were left. The deadline is thread-local: concurrent operations each have their own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_local = threading.local()


@contextmanager
def operation_deadline(seconds: float | None) -> Iterator[None]:
    """Run the block with a deadline ``seconds`` from now (None: no deadline)."""
    previous = getattr(_local, "state", None)
    _local.state = None if seconds is None else (time.monotonic() + seconds, seconds)
    try:
        yield
    finally:
        _local.state = previous


def remaining() -> float | None:
    """Seconds left before the current operation's deadline (None when there is none)."""
    state: tuple[float, float] | None = getattr(_local, "state", None)
    if state is None:
        return None
    return state[0] - time.monotonic()


def budget() -> float | None:
    """The current operation's whole budget in seconds (None when there is none)."""
    state: tuple[float, float] | None = getattr(_local, "state", None)
    return None if state is None else state[1]


def capped(seconds: float) -> float:
    """``seconds``, or less when the deadline comes first (never negative)."""
    left = remaining()
    if left is None:
        return seconds
    return max(0.0, min(seconds, left))
