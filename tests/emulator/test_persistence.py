"""A restart on the same SQLite file keeps everything."""

from __future__ import annotations

from pathlib import Path

import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, auth, closeio_body, hub_headers


def test_restart_keeps_instances_and_tokens(tmp_path: Path) -> None:
    db = str(tmp_path / "emulator.sqlite")
    with EmulatorServer(db=db) as first:
        created = [
            requests.post(
                first.base_url + "/instances",
                json=closeio_body(f"n{i}"),
                headers=auth(first),
                timeout=TIMEOUT,
            ).json()
            for i in range(3)
        ]
        requests.delete(f"{first.base_url}/instances/{created[0]['id']}", headers=auth(first))
    with EmulatorServer(db=db) as second:
        assert second.port  # may differ from the first run
        listed = requests.get(second.base_url + "/instances", headers=auth(second)).json()
        assert listed == created[1:]
        r = requests.get(
            second.base_url + "/hubs/crm/contacts",
            headers=hub_headers(second, created[1]["token"]),
            timeout=TIMEOUT,
        )
        assert r.status_code == 200
        new = requests.post(
            second.base_url + "/instances", json=closeio_body(), headers=auth(second), timeout=5
        ).json()
        assert new["id"] > created[-1]["id"]


def test_memory_database_starts_empty() -> None:
    with EmulatorServer() as emu:
        empty = requests.get(emu.base_url + "/instances", headers=auth(emu), timeout=TIMEOUT)
        assert empty.status_code == 404 and empty.json()["message"] == "No instances found"
        assert emu.base_url == f"http://127.0.0.1:{emu.port}/elements/api-v2"
