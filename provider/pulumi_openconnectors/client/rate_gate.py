"""One back-off shared by every thread of a client after the API answers 429 (rate limited).

With many operations in flight at once (``openconnectors:concurrency``), a 429 seen by one
thread is news for all of them: the API limits the account, not the request. The gate turns
that into three rules:

1. **Pause.** A 429 pauses the whole client for its ``Retry-After`` (else the thread's own
   back-off); a longer pause seen meanwhile wins. No request starts while the client is paused.
2. **Probe.** After a 429 the client is *limited*: when the pause is over, ONE request goes
   first (the probe); the others wait for its answer instead of all trying at the same moment
   (no thundering herd into a limit that may still hold). A probe answered 429 starts a new
   pause; any other answer ends the limit and lets the others go; a probe that got no answer
   at all (connection error) leaves the limit on and lets the next request probe.
3. **Deadlines.** Waiting at the gate counts against the operation's deadline, not against
   its retries: a thread whose deadline would pass while it waits gets ``None`` and raises
   the usual deadline error.

Thread-safe; ``clock`` is injectable for tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

WAIT_SLICE = 1.0
"""Longest single wait on the condition: the state is re-checked at least this often."""


class RateGate:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._cond = threading.Condition()
        self._resume_at = 0.0  # clock value before which no request starts
        self._limited = False  # a 429 was seen and nothing but 429 since
        self._probing = False  # a probe is in flight
        self.pauses = 0  # how often a 429 paused the client (for tests and logs)

    def admit(self, budget: float | None, slept_until: float = 0.0) -> bool | None:
        """Wait until this thread may send. True: it sends the probe (it must then report the
        outcome with ``probe=True``); False: it may send as usual; None: the wait would
        outlast ``budget`` seconds (the operation's deadline) and nothing may be sent.

        ``slept_until``: the clock value up to which this thread has already slept for its
        own 429 (that part of the pause is not waited twice, even with a test's fake sleep).
        """
        start = self._clock()
        ahead = max(0.0, slept_until - start)
        with self._cond:
            while True:
                now = self._clock()
                pause = self._resume_at - (now + ahead)
                if pause <= 0 and not (self._limited and self._probing):
                    if self._limited:
                        self._probing = True
                        return True
                    return False
                waited = now - start
                if budget is not None and waited + max(pause, 0.0) >= budget:
                    return None
                slice_ = min(pause, WAIT_SLICE) if pause > 0 else WAIT_SLICE
                if budget is not None:
                    slice_ = min(slice_, budget - waited)
                self._cond.wait(slice_)

    def answered(self, probe: bool, rate_limited: bool, retry_after: float | None = None) -> None:
        """Report an answer. A 429 (``rate_limited``) pauses everyone for ``retry_after``
        seconds; the probe's answer that is not a 429 ends the limit. (Answers to requests
        sent before the limit began prove nothing about it and end nothing.)"""
        with self._cond:
            if rate_limited:
                self._limited = True
                self.pauses += 1
                self._resume_at = max(self._resume_at, self._clock() + (retry_after or 0.0))
            elif probe:
                self._limited = False
            if probe:
                self._probing = False
            self._cond.notify_all()

    def no_answer(self, probe: bool) -> None:
        """The request got no answer (connection error): a limit, if any, is still on; the
        next request may probe."""
        if not probe:
            return
        with self._cond:
            self._probing = False
            self._cond.notify_all()

    @property
    def limited(self) -> bool:
        with self._cond:
            return self._limited
