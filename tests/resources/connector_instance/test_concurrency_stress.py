"""One client shared by many threads, as the provider host runs it with
``openconnectors:concurrency``: the API's 429s pause every thread and one request probes the
limit before the others go (no thundering herd), and the client's counters and redactor stay
exact under 32 concurrent operations."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.deadline import operation_deadline
from pulumi_openconnectors.resources.connector_instance.operations import InstanceOperations

from ..conftest import instance_inputs, server_instances

IN_FLIGHT = 16


@dataclass
class Sent:
    method: str
    start: float
    end: float
    status: int


class RecordingSession(requests.Session):
    """A session that records when each request started and ended, and its status."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Sent] = []
        self._lock = threading.Lock()

    def request(self, method: str | bytes, url: str | bytes, *a: Any, **kw: Any) -> Any:
        start = time.monotonic()
        response = super().request(method, url, *a, **kw)
        with self._lock:
            self.sent.append(Sent(str(method), start, time.monotonic(), response.status_code))
        return response


def client_for(emulator: Any, session: requests.Session, retries: int = 6) -> OpenConnectorsClient:
    settings = ClientSettings(
        base_url=emulator.base_url,
        user_secret=emulator.user_secret,
        organization_secret=emulator.organization_secret,
        max_retries=retries,
        timeout=10,
    )
    return OpenConnectorsClient(settings, session=session)


def at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` for i < count, all threads released together."""
    barrier = threading.Barrier(count)

    def run(i: int) -> Any:
        barrier.wait(timeout=10)
        with operation_deadline(60):
            return work(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_429_retry_after_pauses_every_thread_then_one_probes(emulator: Any) -> None:
    limited = IN_FLIGHT + 3  # the whole first wave, then three probes, get 429
    emulator.admin.set_faults(
        {
            "latencyMs": 200,  # holds the first wave in flight together
            "rules": [
                {
                    "method": "POST",
                    "path": "/instances",
                    "action": "status",
                    "status": 429,
                    "retryAfter": 1,
                    "count": limited,
                }
            ],
        }
    )
    session = RecordingSession()
    ops = InstanceOperations(client_for(emulator, session))
    started = time.monotonic()
    results = at_once(IN_FLIGHT, lambda i: ops.create(instance_inputs(f"rl-{i}", f"pw-{i}")))
    elapsed = time.monotonic() - started

    ids = {int(instance_id) for instance_id, _ in results}
    assert len(ids) == IN_FLIGHT
    assert len(server_instances(emulator)) == IN_FLIGHT, "each instance created exactly once"
    stats = emulator.admin.stats()
    assert stats["faultsFired"] == [limited]
    assert stats["peakInFlight"] == IN_FLIGHT, "the first wave was 16 requests in flight"
    posts = sorted((s for s in session.sent if s.method == "POST"), key=lambda s: s.start)
    assert len(posts) == IN_FLIGHT + limited, "no request beyond one per 429, plus one each"
    first_wave, later = posts[:IN_FLIGHT], posts[IN_FLIGHT:]
    assert all(s.status == 429 for s in first_wave)
    first_429 = min(s.end for s in first_wave)
    # 1. Nothing starts during the Retry-After pause.
    assert later[0].start >= first_429 + 0.95, later[0].start - first_429
    # 2. While limited, one probe at a time: each starts after the one before was answered
    #    (and after its pause), until a probe is answered with anything but 429.
    probes = later[: limited - IN_FLIGHT + 1]
    assert [s.status for s in probes] == [429] * (limited - IN_FLIGHT) + [200]
    for before, after in itertools.pairwise(probes):
        assert after.start >= before.end + 0.95, (before, after)
    # 3. Then the others go: every remaining create succeeds at the first try.
    assert all(s.status == 200 for s in later[len(probes) :])
    assert len(later[len(probes) :]) == IN_FLIGHT - 1
    assert elapsed >= limited - IN_FLIGHT + 1  # one second per pause
    assert not ops.client._gate.limited


@pytest.mark.parametrize("threads", [32])
def test_one_client_under_concurrent_operations(emulator: Any, threads: int) -> None:
    """create, read, update and delete from many threads through one client: exact request
    counters, every token and configuration value known to the redactor, no crosstalk."""
    ops = InstanceOperations(client_for(emulator, requests.Session()))

    def lifecycle(i: int) -> tuple[str, str]:
        password = f"stress-password-{i:03d}"
        instance_id, outs = ops.create(instance_inputs(f"stress-{i}", password))
        read = ops.read(instance_id, outs)
        assert read is not None and read["name"] == f"stress-{i}"
        news = instance_inputs(f"stress-{i}-renamed", password)
        updated = ops.update(instance_id, outs, news)
        assert updated["name"] == f"stress-{i}-renamed"
        assert updated["configuration"]["password"] == password
        ops.delete(instance_id, updated)
        return str(outs["token"]), password

    secrets = at_once(threads, lifecycle)
    assert server_instances(emulator) == []
    assert ops.client.stats == {
        "POST /instances": threads,
        "GET /instances/{id}": threads,
        "PATCH /instances/{id}": threads,
        "DELETE /instances/{id}": threads,
    }
    redactor = ops.client.redactor
    for token, password in secrets:
        text = f"token {token} password {password}"
        assert redactor.redact(text) == "token *** password ***"
    assert len({token for token, _ in secrets}) == threads
