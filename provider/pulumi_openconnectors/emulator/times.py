"""Timestamps as the API writes them: ISO 8601, UTC, to the second, with a `Z` (and the
transformations' `startDate` form)."""

from __future__ import annotations

from datetime import datetime, timezone


def now_iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_timestamp(epoch: float) -> str:
    """The `startDate` of a transformation, as in the documents' example (UTC, microseconds)."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
