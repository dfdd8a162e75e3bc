"""Retry policy: backoff computation, Retry-After parsing, what is retried."""

from __future__ import annotations

import email.utils

import pytest

from pulumi_openconnectors.retry import (
    MAX_RETRY_AFTER,
    backoff_delay,
    parse_retry_after,
    should_retry_status,
    should_retry_transport,
)


def upper(a: float, b: float) -> float:
    return b


def lower(a: float, b: float) -> float:
    return a


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (6, 16.0), (7, 20.0), (99, 20.0)],
)
def test_backoff_ceiling_doubles_and_is_capped(attempt: int, expected: float) -> None:
    assert backoff_delay(attempt, 0.5, 20.0, upper) == expected


def test_backoff_is_full_jitter_from_zero() -> None:
    calls: list[tuple[float, float]] = []

    def spy(a: float, b: float) -> float:
        calls.append((a, b))
        return (a + b) / 2

    assert backoff_delay(3, 1.0, 100.0, spy) == 2.0
    assert calls == [(0.0, 4.0)]
    assert backoff_delay(5, 1.0, 100.0, lower) == 0.0


def test_backoff_with_zero_base() -> None:
    assert backoff_delay(3, 0.0, 20.0, upper) == 0.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("3", 3.0),
        ("0.25", 0.25),
        ("-4", 0.0),
        ("abc", None),
        ("1e9", MAX_RETRY_AFTER),
    ],
)
def test_parse_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 12, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(12.0)


@pytest.mark.parametrize(
    ("method", "status", "retry"),
    [
        ("GET", 429, True),
        ("GET", 500, True),
        ("GET", 502, True),
        ("GET", 503, True),
        ("GET", 504, True),
        ("DELETE", 503, True),
        ("PUT", 500, True),
        ("PATCH", 504, True),
        ("GET", 400, False),
        ("GET", 404, False),
        ("GET", 501, False),
        ("POST", 429, True),
        ("POST", 500, False),
        ("POST", 503, False),
        ("POST", 504, False),
    ],
)
def test_status_retry_table(method: str, status: int, retry: bool) -> None:
    assert should_retry_status(method, status) is retry


@pytest.mark.parametrize(
    ("method", "ambiguous", "retry"),
    [("GET", True, True), ("GET", False, True), ("POST", False, True), ("POST", True, False)],
)
def test_transport_retry_table(method: str, ambiguous: bool, retry: bool) -> None:
    assert should_retry_transport(method, ambiguous) is retry
