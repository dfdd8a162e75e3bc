"""openconnectors:concurrency in a real gRPC server built like the SDK's dynamic-provider host
(``grpc.server(ThreadPoolExecutor(max_workers=4))``): the first call widens the pool; when the
internals it relies on are missing (simulated), the host keeps 4 and says so once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
import pytest

from pulumi_openconnectors.resources import host_concurrency

CALLS = 16
HOLD = 0.4  # seconds each call takes (in flight at the same time when the pool allows)


class Gauge:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def __enter__(self) -> None:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self.now -= 1


@pytest.fixture(autouse=True)
def fresh_outcome() -> Iterator[None]:
    host_concurrency._reset_for_tests()
    yield
    host_concurrency._reset_for_tests()


def serve_calls(
    pool: ThreadPoolExecutor, config: dict[str, str], warnings: list[str]
) -> tuple[Gauge, list[host_concurrency.Outcome]]:
    """A gRPC server on ``pool``; every call configures (like the host's get_provider), then
    holds for HOLD seconds. CALLS calls are sent at once; returns the in-flight gauge."""
    gauge = Gauge()
    outcomes: list[host_concurrency.Outcome] = []
    configured = threading.Lock()

    def handle(request: bytes, _context: Any) -> bytes:
        with configured:  # the host configures a provider once, under a lock
            outcomes.append(host_concurrency.apply(config.get, warnings.append))
        with gauge:
            time.sleep(HOLD)
        return request

    handler = grpc.method_handlers_generic_handler(
        "test.Host", {"Call": grpc.unary_unary_rpc_method_handler(handle)}
    )
    server = grpc.server(pool)
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            call: Callable[..., bytes] = channel.unary_unary("/test.Host/Call")
            with futures.ThreadPoolExecutor(max_workers=CALLS) as clients:
                answers = list(clients.map(lambda i: call(b"%d" % i, timeout=30), range(CALLS)))
        assert answers == [b"%d" % i for i in range(CALLS)]
    finally:
        server.stop(0)
    return gauge, outcomes


def test_the_first_call_widens_the_host_pool_to_the_setting() -> None:
    warnings: list[str] = []
    gauge, outcomes = serve_calls(
        ThreadPoolExecutor(max_workers=4), {"openconnectors:concurrency": "16"}, warnings
    )
    assert gauge.peak == CALLS
    assert outcomes[0] == host_concurrency.Outcome(16, 16)
    assert warnings == []


def test_the_default_leaves_the_host_as_it_is() -> None:
    warnings: list[str] = []
    pool = ThreadPoolExecutor(max_workers=4)
    gauge, _ = serve_calls(pool, {}, warnings)
    assert gauge.peak == 4
    assert pool._max_workers == 4
    assert warnings == []


class RenamedLimitPool(ThreadPoolExecutor):
    """Another Python's executor, simulated: the limit lives under another name."""

    def __init__(self, max_workers: int) -> None:
        super().__init__(max_workers=max_workers)
        self._limit = self.__dict__.pop("_max_workers")

    def __getattr__(self, name: str) -> Any:
        if name == "_max_workers":  # what the standard library's own methods read
            caller = __import__("sys")._getframe(1).f_code.co_filename
            if caller.endswith("concurrent/futures/thread.py"):
                return self._limit
        raise AttributeError(name)


def test_missing_internals_fall_back_to_4_with_one_warning() -> None:
    warnings: list[str] = []
    gauge, outcomes = serve_calls(
        RenamedLimitPool(max_workers=4), {"openconnectors:concurrency": "16"}, warnings
    )
    assert gauge.peak == 4, "the host keeps working, 4 at a time"
    assert {o.effective for o in outcomes} == {4}
    assert len(warnings) == 1, warnings
    assert "openconnectors:concurrency=16 is not in effect" in warnings[0]
    assert "running 4 operations at a time" in warnings[0]
    assert "_max_workers" in warnings[0] and "grpcio" in warnings[0]


def test_a_call_not_served_by_a_thread_pool_falls_back_with_one_warning() -> None:
    """E.g. an SDK whose host serves calls on an event loop (grpc.aio), simulated by a call
    from a plain thread."""
    warnings: list[str] = []
    config = {"openconnectors:concurrency": "32"}.get
    first = host_concurrency.apply(config, warnings.append)
    again = host_concurrency.apply(config, warnings.append)
    assert first == again
    assert first.effective == 4 and first.reason is not None
    assert "not served by a concurrent.futures.ThreadPoolExecutor" in first.reason
    assert len(warnings) == 1


def test_a_pool_that_ignores_the_new_limit_is_reported() -> None:
    class Capped(ThreadPoolExecutor):
        def __setattr__(self, name: str, value: Any) -> None:
            if name == "_max_workers" and hasattr(self, "_max_workers"):
                return  # silently keeps its limit
            super().__setattr__(name, value)

    with pytest.raises(host_concurrency.Unavailable, match="kept its limit"):
        host_concurrency.widen(Capped(max_workers=4), 16)


def test_an_unexpected_failure_while_widening_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """E.g. no thread can be started: the provider keeps working, 4 at a time, one warning."""

    def broken(_pool: ThreadPoolExecutor, _workers: int) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(host_concurrency, "widen", broken)
    warnings: list[str] = []
    gauge, outcomes = serve_calls(
        ThreadPoolExecutor(max_workers=4), {"openconnectors:concurrency": "8"}, warnings
    )
    assert gauge.peak == 4
    assert outcomes[0].effective == 4
    assert len(warnings) == 1 and "RuntimeError: can't start new thread" in warnings[0]
