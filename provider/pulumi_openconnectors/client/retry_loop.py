"""The retry loop: one request sent until it is answered with success, fails for good, or the
operation's deadline (:mod:`.deadline`) would pass.

Retries follow the policy of :mod:`.retry` (full-jitter exponential backoff, ``Retry-After``
honoured, a POST never repeated once it may have taken effect); a 429 pauses every thread of
the client and one request probes the limit before the others go (:mod:`.rate_gate`). Each
attempt is counted (``stats``, by route template), logged (:mod:`.logs`) and its ``Date``
header read (:mod:`.server_clock`).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence

import requests

from ..errors import DeadlineExceededError
from . import deadline, logs
from .advice import Advice
from .failures import HELD_BACK, Last, deadline_error, transport_error
from .paths import Path
from .rate_gate import RateGate
from .redact import Redactor
from .responses import error_from_response, request_id
from .retry import (
    backoff_delay,
    is_idempotent,
    is_permanent,
    parse_retry_after,
    should_retry_status,
    should_retry_transport,
    transport_failure,
)
from .server_clock import ServerClock
from .settings import ClientSettings

Params = Sequence[tuple[str, str]]


class RetryLoop:
    """Sends requests through one session. Thread-safe; ``sleep`` and ``rng`` are injectable
    so tests need not wait."""

    def __init__(
        self,
        settings: ClientSettings,
        session: requests.Session,
        redactor: Redactor,
        advice: Advice,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.session = session
        self.redactor = redactor
        self.advice = advice
        self.gate = RateGate()
        self.clock = ServerClock()
        self.stats: dict[str, int] = {}
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._lock = threading.Lock()

    def send(
        self,
        method: str,
        where: Path,
        *,
        params: Params | None,
        data: bytes | None,
        headers: dict[str, str],
    ) -> tuple[requests.Response, str | None]:
        """The success answer (status < 300) and its request id; else the error that ended
        the attempts (APIError, TransportError or DeadlineExceededError)."""
        path = where.text
        key = f"{method} {where.template}"
        url = self.settings.base_url + path
        attempts = self.settings.max_retries + 1
        last: Last | None = None  # the last failed attempt
        slept_until = 0.0  # the end of this thread's own sleep after a 429
        for attempt in range(1, attempts + 1):
            left = deadline.remaining()
            if left is not None and left <= 0:
                raise self._deadline_error(method, path, attempt - 1, last)
            probe = self.gate.admit(left, slept_until)  # the client's shared 429 back-off
            if probe is None:
                raise self._deadline_error(method, path, attempt - 1, last or HELD_BACK)
            left = deadline.remaining()
            self._count(key)
            started = time.monotonic()
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    timeout=self._timeouts(left),
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                self.gate.no_answer(probe)
                last = transport_failure(exc)
                logs.attempt(
                    self.redactor, method, path, f"error ({last[0]})", attempt, started, None
                )
                if (
                    attempt < attempts
                    and not is_permanent(exc)
                    and should_retry_transport(method, last[1])
                ):
                    self._wait(self._backoff(attempt), method, path, attempt, last)
                    continue
                raise transport_error(
                    self.settings.base_url, method, path, last, attempt, self.redactor, self.advice
                ) from None

            rid = request_id(response)
            self.clock.note(response.headers.get("Date"))
            status = response.status_code
            logs.attempt(self.redactor, method, path, str(status), attempt, started, rid)
            wait = 0.0
            if status >= 300:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                wait = retry_after if retry_after is not None else self._backoff(attempt)
            self.gate.answered(probe, rate_limited=status == 429, retry_after=wait)
            if status < 300:
                return response, rid
            if attempt < attempts and should_retry_status(method, status):
                response.close()
                last = (f"answered {status}", status >= 500 and not is_idempotent(method))
                slept_until = time.monotonic() + wait
                self._wait(wait, method, path, attempt, last)
                continue
            raise error_from_response(
                status=status,
                method=method,
                path=path,
                payload=response.content,
                headers=response.headers,
                redactor=self.redactor,
                attempts=attempt,
                advice=self.advice,
            )
        raise AssertionError("unreachable")  # pragma: no cover

    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] = self.stats.get(key, 0) + 1

    def _timeouts(self, left: float | None) -> tuple[float, float]:
        """(connect, read) for one attempt: the settings', cut short by the deadline."""
        connect, read = self.settings.timeouts
        if left is None:
            return (connect, read)
        return (max(0.001, min(connect, left)), max(0.001, min(read, left)))

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        return backoff_delay(attempt, s.backoff_base, s.backoff_max, self._rng.uniform)

    def _wait(self, seconds: float, method: str, path: str, attempts: int, last: Last) -> None:
        """Sleep before the next attempt, unless the deadline would pass first."""
        left = deadline.remaining()
        if left is not None and seconds >= left:
            raise self._deadline_error(method, path, attempts, last)
        self._sleep(seconds)

    def _deadline_error(
        self, method: str, path: str, attempts: int, last: Last | None
    ) -> DeadlineExceededError:
        return deadline_error(self.settings.base_url, method, path, attempts, last, self.redactor)
