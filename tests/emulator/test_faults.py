"""Fault injection: status, drop, lose_response, delay, rate with seed, latency."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, closeio_body, create


def post(emu: EmulatorServer, name: str = "f") -> requests.Response:
    return requests.post(
        emu.base_url + "/instances", json=closeio_body(name), headers=auth(emu), timeout=TIMEOUT
    )


def count(emu: EmulatorServer) -> int:
    return int(emu.admin.stats()["instances"])


def test_status_rule_with_count_and_retry_after(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": "POST",
                    "path": "/instances",
                    "action": "status",
                    "status": 503,
                    "count": 2,
                    "retryAfter": 1,
                }
            ]
        }
    )
    for _ in range(2):
        r = post(emulator)
        assert_error(r, 503)
        assert r.headers["Retry-After"] == "1"
    assert count(emulator) == 0  # nothing was executed
    assert post(emulator).status_code == 200
    assert emulator.admin.stats()["faultsFired"] == [1 * 2]


def test_status_rule_only_matches_its_route(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults(
        {"rules": [{"method": "GET", "path": "/instances/{id}", "action": "status", "status": 429}]}
    )
    instance = create(emulator, closeio_body())
    r = requests.get(f"{emulator.base_url}/instances/{instance['id']}", headers=auth(emulator))
    assert_error(r, 429)
    assert "Retry-After" not in r.headers
    assert requests.get(emulator.base_url + "/instances", headers=auth(emulator)).status_code == 200


def test_drop_closes_without_answer_and_executes_nothing(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "drop", "count": 1}]}
    )
    with requests.Session() as session, pytest.raises(requests.ConnectionError):
        session.post(
            emulator.base_url + "/instances",
            json=closeio_body(),
            headers=auth(emulator),
            timeout=TIMEOUT,
        )
    assert count(emulator) == 0
    assert post(emulator).status_code == 200


def test_lose_response_commits_then_drops(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "lose_response", "count": 1}]}
    )
    with pytest.raises(requests.ConnectionError):
        post(emulator, "lost")
    listed = requests.get(emulator.base_url + "/instances", headers=auth(emulator)).json()
    assert [i["name"] for i in listed] == ["lost"]


def test_delay_rule(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": "GET",
                    "path": "/instances/{id}",
                    "action": "delay",
                    "delayMs": 300,
                    "count": 1,
                }
            ]
        }
    )
    path = f"{emulator.base_url}/instances/{instance['id']}"
    started = time.perf_counter()
    assert requests.get(path, headers=auth(emulator), timeout=TIMEOUT).status_code == 200
    assert time.perf_counter() - started >= 0.3
    started = time.perf_counter()
    assert requests.get(path, headers=auth(emulator), timeout=TIMEOUT).status_code == 200
    assert time.perf_counter() - started < 0.3


def test_latency_applies_to_platform_calls_only(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults({"latencyMs": 200})
    started = time.perf_counter()
    requests.get(emulator.base_url + "/elements", headers=auth(emulator), timeout=TIMEOUT)
    assert time.perf_counter() - started >= 0.2
    started = time.perf_counter()
    emulator.admin.stats()
    assert time.perf_counter() - started < 0.2


def pattern(emu: EmulatorServer, seed: int) -> list[int]:
    emu.admin.set_faults(
        {
            "seed": seed,
            "rules": [{"method": "*", "path": "*", "action": "status", "status": 500, "rate": 0.5}],
        }
    )
    return [
        requests.get(emu.base_url + "/elements", headers=auth(emu), timeout=TIMEOUT).status_code
        for _ in range(24)
    ]


def test_rate_is_seeded_and_reproducible(emulator: EmulatorServer) -> None:
    first = pattern(emulator, 42)
    assert first == pattern(emulator, 42)
    assert set(first) == {200, 500}
    assert first != pattern(emulator, 7)


def test_wildcards_and_concrete_paths(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    emulator.admin.set_faults(
        {"rules": [{"path": f"/instances/{instance['id']}", "action": "status", "status": 502}]}
    )
    r = requests.delete(f"{emulator.base_url}/instances/{instance['id']}", headers=auth(emulator))
    assert_error(r, 502)
    assert count(emulator) == 1


def test_faults_do_not_touch_the_admin_api(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults({"rules": [{"action": "drop"}]})
    assert emulator.admin.stats()["instances"] == 0
    assert emulator.admin.get_faults()["rules"][0]["action"] == "drop"


def test_get_put_delete_configuration(emulator: EmulatorServer) -> None:
    assert emulator.admin.get_faults() == {"seed": None, "latencyMs": 0, "rules": []}
    config: dict[str, Any] = {
        "seed": 1,
        "latencyMs": 0,
        "rules": [{"method": "post", "path": "/instances", "action": "drop", "rate": 0.25}],
    }
    stored = emulator.admin.set_faults(config)
    assert stored["rules"][0]["method"] == "POST"
    assert stored["rules"][0]["rate"] == 0.25
    assert emulator.admin.get_faults() == stored
    assert emulator.admin.clear_faults()["rules"] == []
    assert emulator.admin.get_faults()["rules"] == []


@pytest.mark.parametrize(
    ("config", "word"),
    [
        ({"rules": [{"action": "explode"}]}, "action"),
        ({"rules": [{"action": "status"}]}, "status"),
        ({"rules": [{"action": "delay"}]}, "delayMs"),
        ({"rules": [{"action": "drop", "rate": 2}]}, "rate"),
        ({"rules": [{"action": "drop", "count": -1}]}, "count"),
        ({"rules": [{"action": "status", "status": 200}]}, "status"),
        ({"latencyMs": -5}, "latencyMs"),
        ({"rules": "nope"}, "rules"),
        ({"bogus": 1}, "bogus"),
    ],
)
def test_invalid_fault_configuration_is_400(
    emulator: EmulatorServer, config: dict[str, Any], word: str
) -> None:
    r = requests.put(
        emulator.root_url + "/_emulator/faults", json=config, headers=auth(emulator), timeout=5
    )
    assert_error(r, 400, word)


def test_fault_configuration_must_be_json(emulator: EmulatorServer) -> None:
    r = requests.put(
        emulator.root_url + "/_emulator/faults",
        data="rules",
        headers={**auth(emulator), "Content-Type": "text/plain"},
        timeout=TIMEOUT,
    )
    assert_error(r, 415)


def test_delayed_request_still_runs_when_the_client_gives_up(emulator: EmulatorServer) -> None:
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "delay", "delayMs": 400}]}
    )
    with pytest.raises(requests.Timeout):
        requests.post(
            emulator.base_url + "/instances",
            json=closeio_body("patient"),
            headers=auth(emulator),
            timeout=0.1,
        )
    deadline = time.monotonic() + 5
    while count(emulator) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert count(emulator) == 1
