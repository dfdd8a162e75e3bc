"""Retry policy: which failures are retried, how long to wait, and what "ambiguous" means.

- Idempotent methods (GET, PUT, PATCH, DELETE, HEAD, OPTIONS) are retried on connection errors,
  timeouts and the statuses in :data:`RETRY_STATUSES`.
- POST is retried only when it certainly did not take effect: a connect error or connect timeout
  (the request was never sent) or a 429 (rejected). A POST that hit a read timeout, a dropped
  connection or a 5xx is *ambiguous* and is not retried.
- Waits: ``Retry-After`` (seconds or HTTP date) when the server sends it, else full-jitter
  exponential backoff ``uniform(0, min(backoff_max, backoff_base * 2 ** (attempt - 1)))``.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Callable

import requests
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0
"""A ``Retry-After`` longer than this is capped (a provider operation must not hang for hours)."""


def is_idempotent(method: str) -> bool:
    return method.upper() in IDEMPOTENT_METHODS


def should_retry_status(method: str, status: int) -> bool:
    """Whether an error status may be retried for this method."""
    if status not in RETRY_STATUSES:
        return False
    return is_idempotent(method) or status == 429


def should_retry_transport(method: str, ambiguous: bool) -> bool:
    """Whether a transport failure may be retried for this method."""
    return is_idempotent(method) or not ambiguous


def is_permanent(exc: requests.RequestException) -> bool:
    """A failure that repeats the same way on every attempt, so it is not retried: a TLS
    handshake failure (an ``https://`` URL to a plain-HTTP server, an untrusted certificate)."""
    return isinstance(exc, requests.exceptions.SSLError)


def backoff_delay(
    attempt: int, base: float, cap: float, rand: Callable[[float, float], float]
) -> float:
    """Full-jitter exponential backoff before retry number ``attempt`` (1-based).

    ``rand(a, b)`` draws uniformly from [a, b] (``random.Random().uniform``).
    """
    exponent = min(max(attempt - 1, 0), 62)
    ceiling = min(cap, base * math.pow(2, exponent))
    return max(0.0, rand(0.0, max(0.0, ceiling)))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date), capped."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def transport_failure(exc: requests.RequestException) -> tuple[str, bool]:
    """Describe a requests failure as (short reason, ambiguous).

    Not ambiguous only when the request certainly was not sent: the TCP connection was never
    established (refused, DNS failure, connect timeout).
    """
    if isinstance(exc, requests.ConnectTimeout):
        return "connect timeout", False
    if isinstance(exc, requests.exceptions.SSLError):
        # The handshake comes before the request: nothing was sent.
        return _root_reason(
            exc,
            "TLS handshake failed (is the URL https:// to a plain-HTTP "
            "server, or is the certificate not trusted?)",
        ), False
    if isinstance(exc, requests.ReadTimeout):
        return "no answer before the read timeout", True
    if isinstance(exc, requests.ConnectionError):
        inner = exc.args[0] if exc.args else None
        reason = inner.reason if isinstance(inner, MaxRetryError) else None
        if isinstance(reason, (NewConnectionError, ConnectTimeoutError)):
            return _root_reason(reason, "could not connect"), False
        return _root_reason(inner, "connection dropped before an answer"), True
    return type(exc).__name__, True


def _root_reason(exc: object, fallback: str) -> str:
    """A short, secret-free description: the innermost OS error text, never a URL."""
    seen: set[int] = set()
    current: object = exc
    while isinstance(current, BaseException) and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            return f"{fallback}: {current.strerror}"
        nxt = current.__cause__ or current.__context__
        if nxt is None and current.args and isinstance(current.args[-1], BaseException):
            nxt = current.args[-1]
        if nxt is None:
            name = type(current).__name__
            return (
                fallback if name in ("MaxRetryError", "ProtocolError") else f"{fallback} ({name})"
            )
        current = nxt
    return fallback
