"""200 parallel creates: distinct ids, nothing lost."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, auth, closeio_body

N = 200


def test_parallel_creates(emulator: EmulatorServer) -> None:
    local = threading.local()

    def session() -> requests.Session:
        if not hasattr(local, "session"):
            local.session = requests.Session()
        s: requests.Session = local.session
        return s

    def create(i: int) -> int:
        r = session().post(
            emulator.base_url + "/instances",
            json=closeio_body(f"parallel-{i}"),
            headers=auth(emulator),
            timeout=TIMEOUT,
        )
        assert r.status_code == 200, r.text
        return int(r.json()["id"])

    def read(iid: int) -> str:
        r = session().get(f"{emulator.base_url}/instances/{iid}", headers=auth(emulator))
        assert r.status_code == 200
        return str(r.json()["name"])

    with ThreadPoolExecutor(max_workers=32) as pool:
        ids = list(pool.map(create, range(N)))
        names = list(pool.map(read, ids))
    assert len(set(ids)) == N
    assert sorted(names) == sorted(f"parallel-{i}" for i in range(N))
    listed = requests.get(emulator.base_url + "/instances", headers=auth(emulator)).json()
    assert len(listed) == N
    assert sorted(i["id"] for i in listed) == sorted(ids)
    assert emulator.admin.stats()["requests"]["POST /instances"] == N


def test_peak_in_flight_gauge(emulator: EmulatorServer) -> None:
    """`peakInFlight` counts platform requests that are in flight at the same time (here held
    by the injected latency), and DELETE /_emulator/stats zeroes it without touching data."""
    emulator.admin.set_faults({"latencyMs": 400, "rules": []})
    barrier = threading.Barrier(6)

    def get(_: int) -> int:
        with requests.Session() as s:
            barrier.wait(timeout=10)
            return s.get(emulator.base_url + "/elements", headers=auth(emulator)).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(get, range(6))) == [200] * 6
    stats = emulator.admin.stats()
    assert stats["peakInFlight"] == 6, stats
    emulator.admin.clear_faults()
    create = requests.post(
        emulator.base_url + "/instances", json=closeio_body("kept"), headers=auth(emulator)
    )
    assert create.status_code == 200
    emulator.admin.clear_stats()
    after = emulator.admin.stats()
    assert after["peakInFlight"] == 0 and after["requests"] == {} and after["instances"] == 1
    requests.get(emulator.base_url + "/elements", headers=auth(emulator)).raise_for_status()
    assert emulator.admin.stats()["peakInFlight"] == 1
