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
