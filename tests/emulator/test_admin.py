"""Admin API: reset and stats."""

from __future__ import annotations

import threading
import time

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
        "privateElements": 0,
        "vdrs": 0,
        "elementResources": 0,
        "faultsFired": [],
        "peakInFlight": 0,
    }
    assert emulator.admin.get_faults()["rules"] == []
    assert_error(requests.get(emulator.base_url + "/instances", headers=auth(emulator)), 404)
    r = requests.post(
        emulator.base_url + "/instances", json=oauth_body(code), headers=auth(emulator), timeout=5
    )
    assert_error(r, 400, "not a known")


def test_reset_ends_requests_still_in_flight(emulator: EmulatorServer) -> None:
    """A request an earlier test left delayed must not run into the next test after a reset:
    reset drops it unexecuted and answers once nothing is in flight, so the stats start at 0."""
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "delay", "delayMs": 30000}]}
    )
    outcome: list[object] = []

    def post() -> None:
        try:
            outcome.append(
                requests.post(
                    emulator.base_url + "/instances",
                    json=closeio_body("late"),
                    headers=auth(emulator),
                    timeout=20,
                ).status_code
            )
        except requests.RequestException as exc:
            outcome.append(type(exc).__name__)

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while emulator.admin.stats()["peakInFlight"] == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.monotonic()
    emulator.admin.reset()
    assert time.monotonic() - started < 5
    stats = emulator.admin.stats()
    assert stats["peakInFlight"] == 0 and stats["requests"] == {}
    thread.join(10)
    assert outcome and outcome[0] == "ConnectionError"
    time.sleep(0.3)
    assert emulator.admin.stats()["instances"] == 0


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
