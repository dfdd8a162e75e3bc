"""The client's shared 429 back-off (client/rate_gate.py), thread by thread."""

from __future__ import annotations

import threading
import time

from pulumi_openconnectors.client.rate_gate import RateGate


def test_free_until_a_429_then_paused_then_one_probe() -> None:
    gate = RateGate()
    assert gate.admit(None) is False  # nothing seen: go
    gate.answered(probe=False, rate_limited=True, retry_after=0.3)
    started = time.monotonic()
    assert gate.admit(None) is True  # after the pause: this one probes
    assert time.monotonic() - started >= 0.28
    admitted: list[bool | None] = []
    other = threading.Thread(target=lambda: admitted.append(gate.admit(5)))
    other.start()
    time.sleep(0.2)
    assert admitted == [], "the others wait for the probe's answer"
    gate.answered(probe=True, rate_limited=False)
    other.join(5)
    assert admitted == [False] and not gate.limited


def test_a_probe_answered_429_pauses_again() -> None:
    gate = RateGate()
    gate.answered(probe=False, rate_limited=True, retry_after=0.0)
    assert gate.admit(None) is True
    gate.answered(probe=True, rate_limited=True, retry_after=0.3)
    started = time.monotonic()
    assert gate.admit(None) is True
    assert time.monotonic() - started >= 0.28
    assert gate.pauses == 2


def test_an_answer_to_a_request_sent_before_the_limit_does_not_end_it() -> None:
    gate = RateGate()
    gate.answered(probe=False, rate_limited=True, retry_after=0.0)
    gate.answered(probe=False, rate_limited=False)  # was in flight before the 429
    assert gate.limited
    assert gate.admit(None) is True


def test_a_probe_without_answer_lets_the_next_one_probe() -> None:
    gate = RateGate()
    gate.answered(probe=False, rate_limited=True, retry_after=0.0)
    assert gate.admit(None) is True
    gate.no_answer(probe=True)
    assert gate.limited
    assert gate.admit(1) is True


def test_a_wait_longer_than_the_budget_is_refused_at_once() -> None:
    gate = RateGate()
    gate.answered(probe=False, rate_limited=True, retry_after=30)
    started = time.monotonic()
    assert gate.admit(budget=2) is None
    assert time.monotonic() - started < 0.5
    # ... and a wait for another thread's probe ends with the budget too.
    gate2 = RateGate()
    gate2.answered(probe=False, rate_limited=True, retry_after=0)
    assert gate2.admit(None) is True
    started = time.monotonic()
    assert gate2.admit(budget=0.3) is None
    assert 0.25 <= time.monotonic() - started < 2


def test_own_sleep_is_not_waited_twice() -> None:
    """The thread that got the 429 slept its Retry-After already (with a test's fake sleep the
    clock did not move): it is not held for the same pause again."""
    gate = RateGate()
    gate.answered(probe=False, rate_limited=True, retry_after=30)
    slept_until = time.monotonic() + 30
    started = time.monotonic()
    assert gate.admit(None, slept_until=slept_until) is True
    assert time.monotonic() - started < 0.5
