"""How long reconciliation of an unanswered create may wait, with a fake kind of object (no
HTTP): the waits while the API answers "nothing" and while it does not answer are separate, and
every wait stays inside the operation's deadline."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import pytest

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.deadline import operation_deadline
from pulumi_openconnectors.errors import ProviderError, TransportError
from pulumi_openconnectors.reconcile import OwnedKind, find_owned


def _kind(find: Callable[[str], Sequence[int]]) -> OwnedKind[int]:
    def never(*_args: object) -> int:
        raise AssertionError("not called")

    return OwnedKind(
        noun="thing",
        post=never,
        find=find,
        get=lambda ident: int(ident),
        delete=lambda _ident: None,
        ident=lambda obj: obj,
    )


def _unreachable() -> TransportError:
    return TransportError("down", method="GET", path="/things", ambiguous=False)


@pytest.fixture(autouse=True)
def fast_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "RECONCILE_WAITS", (0.05, 0.1, 0.2))
    monkeypatch.setattr(reconcile, "UNREACHABLE_MAX", 1.0)


def test_one_error_after_a_long_settle_does_not_end_the_wait() -> None:
    """Before: one back-off iterator served both branches, so after a settle period had used
    it up, a single transient error ended the look at once."""
    calls: list[float] = []
    start = time.monotonic()

    def find(_marker: str) -> list[int]:
        calls.append(time.monotonic() - start)
        if len(calls) == 12:
            raise _unreachable()
        return [7] if len(calls) > 13 else []

    found = find_owned(_kind(find), "m", "a thing", None, settle=5.0)
    assert found == 7
    assert len(calls) == 14


def test_an_unreachable_api_ends_the_look_after_unreachable_max_wall_clock() -> None:
    """Slow failing lookups count in full (the client's own retries included), not only the
    sleeps between them."""

    def find(_marker: str) -> list[int]:
        time.sleep(0.3)  # each lookup itself takes a while before failing
        raise _unreachable()

    started = time.monotonic()
    with pytest.raises(ProviderError, match="stayed unreachable"):
        find_owned(_kind(find), "m", "a thing", None, settle=0.0)
    elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 1.0 + 0.3 + 0.3, elapsed


def test_the_settle_period_stops_at_the_operation_deadline() -> None:
    """Nothing found yet, but the deadline comes before the settle period ends: the create
    cannot tell, and says so naming the marker."""
    with operation_deadline(0.5):
        started = time.monotonic()
        with pytest.raises(ProviderError) as info:
            find_owned(_kind(lambda _m: []), "pulumi-openconnectors:m", "a thing", None, 30.0)
        elapsed = time.monotonic() - started
    assert elapsed < 0.6
    assert "operation deadline" in str(info.value)
    assert "pulumi-openconnectors:m" in str(info.value)
