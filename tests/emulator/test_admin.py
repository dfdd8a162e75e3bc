"""Admin API: reset and stats."""

from __future__ import annotations

import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, closeio_body, create, oauth_body, oauth_code


def test_stats_count_requests_by_route_template(emulator: EmulatorServer) -> None:
    a = create(emulator, closeio_body("a"))
    b = create(emulator, closeio_body("b"))
    for iid in (a["id"], b["id"]):
        requests.get(f"{emulator.base_url}/instances/{iid}", headers=auth(emulator))
    requests.get(f"{emulator.base_url}/instances", headers=auth(emulator))
    requests.delete(f"{emulator.base_url}/instances/{a['id']}", headers=auth(emulator))
    requests.get(f"{emulator.base_url}/instances/{a['id']}", headers=auth(emulator))
    stats = emulator.admin.stats()
    assert stats["requests"] == {
        "POST /instances": 2,
        "GET /instances/{id}": 3,
        "GET /instances": 1,
        "DELETE /instances/{id}": 1,
    }
    assert stats["instances"] == 1


def test_reset_clears_everything(emulator: EmulatorServer) -> None:
    create(emulator, closeio_body())
    code = oauth_code(emulator)
    emulator.admin.set_faults({"rules": [{"path": "/elements", "action": "status", "status": 500}]})
    emulator.admin.reset()
    assert emulator.admin.stats() == {
        "requests": {},
        "instances": 0,
        "formulas": 0,
        "formulaInstances": 0,
        "objectDefinitions": 0,
        "transformations": 0,
        "faultsFired": [],
        "peakInFlight": 0,
    }
    assert emulator.admin.get_faults()["rules"] == []
    assert_error(requests.get(emulator.base_url + "/instances", headers=auth(emulator)), 404)
    r = requests.post(
        emulator.base_url + "/instances", json=oauth_body(code), headers=auth(emulator), timeout=5
    )
    assert_error(r, 400, "not a known")


def test_ids_are_not_reused_after_reset(emulator: EmulatorServer) -> None:
    first = create(emulator, closeio_body())["id"]
    emulator.admin.reset()
    assert create(emulator, closeio_body())["id"] > first


def test_reset_answers_json(emulator: EmulatorServer) -> None:
    r = requests.post(emulator.root_url + "/_emulator/reset", headers=auth(emulator), timeout=5)
    assert r.status_code == 200
    assert r.json() == {}
    assert_error(requests.get(emulator.root_url + "/_emulator/reset", headers=auth(emulator)), 405)
    assert_error(requests.get(emulator.root_url + "/_emulator/nothing", timeout=TIMEOUT), 404)
