"""The client's log: ``pulumi_openconnectors.client`` at DEBUG, one line per attempt with
method, path (no query string), outcome, attempt, duration and request id. Never headers,
bodies or queries; the line is redacted."""

from __future__ import annotations

import logging
import time

from .redact import Redactor

logger = logging.getLogger("pulumi_openconnectors.client")


def attempt(
    red: Redactor,
    method: str,
    path: str,
    outcome: str,
    number: int,
    started: float,
    request_id: str | None,
) -> None:
    """Log one attempt (``started``: its ``time.monotonic()``)."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s",
            red.redact(
                f"{method} {path} -> {outcome} attempt={number} "
                f"duration_ms={(time.monotonic() - started) * 1000:.1f} "
                f"request_id={request_id or '-'}"
            ),
        )
