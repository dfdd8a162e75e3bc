"""Moved to :mod:`pulumi_openconnectors.client.retry`; this name stays importable."""

from .client.retry import (
    IDEMPOTENT_METHODS,
    MAX_RETRY_AFTER,
    RETRY_STATUSES,
    backoff_delay,
    is_idempotent,
    is_permanent,
    parse_retry_after,
    should_retry_status,
    should_retry_transport,
    transport_failure,
)

__all__ = [
    "IDEMPOTENT_METHODS",
    "MAX_RETRY_AFTER",
    "RETRY_STATUSES",
    "backoff_delay",
    "is_idempotent",
    "is_permanent",
    "parse_retry_after",
    "should_retry_status",
    "should_retry_transport",
    "transport_failure",
]
