"""Issue #10: requests that used to get a 500 (ids beyond 64 bits, fuzzed bodies) now get a
documented 4xx with the JSON error body."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, call, closeio_body, create, ok, simple_formula

BIG = "121481625559567337399131308032"  # the id of the report: beyond 2**64


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("ident", [BIG, str(2**63), str(2**63 - 1), "-1", "0", "9" * 400])
def test_ids_beyond_64_bits_are_404(emulator: EmulatorServer, method: str, ident: str) -> None:
    body = {"name": "x", "configuration": {"username": "u", "password": "p"}}
    answer = call(emulator, method, f"/instances/{ident}", body)
    assert_error(answer, 404, "instance")


@pytest.mark.parametrize(
    "path",
    [
        f"/formulas/{BIG}",
        f"/formulas/{BIG}/instances",
        f"/formulas/{BIG}/instances/{BIG}",
        f"/instances/{BIG}/transformations",
        f"/instances/{BIG}/transformations/contact",
    ],
)
def test_big_ids_on_every_area_are_404(emulator: EmulatorServer, path: str) -> None:
    assert_error(call(emulator, "GET", path), 404)


def test_a_big_id_next_to_a_real_one(emulator: EmulatorServer) -> None:
    real = create(emulator, closeio_body())["id"]
    assert_error(call(emulator, "GET", f"/instances/{real}{BIG}"), 404)
    assert ok(call(emulator, "GET", f"/instances/{real}"))["id"] == real


def raw(emu: EmulatorServer, path: str, data: bytes) -> requests.Response:
    headers = {**auth(emu), "Content-Type": "application/json"}
    return requests.post(emu.base_url + path, data=data, headers=headers, timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b'{"name": NaN}', 415),
        (b'{"name": "x", "tags": [Infinity]}', 415),
        (b'{"name": "x", "disabled": -Infinity}', 415),
        (b'{"name": "x", "extra": 1e999}', 415),
        (b'{"name": "x", "extra": ' + b"9" * 5000 + b"}", 415),
        (b'{"name": "\\ud800"}', 400),
        (b'{"name": "x", "configuration": {"\\udfff": "v"}}', 400),
        (b'{"a": ' * 100 + b"1" + b"}" * 100, 400),
        (b"[" * 100_000, 400),
        (b'{"name": "x"', 415),
        (b"\xff\xfe{}", 415),
    ],
)
@pytest.mark.parametrize(
    "path", ["/instances", "/formulas", "/organizations/objects/x/definitions"]
)
def test_hostile_bodies_are_4xx(
    emulator: EmulatorServer, data: bytes, status: int, path: str
) -> None:
    assert_error(raw(emulator, path, data), status)


@pytest.mark.parametrize(
    "body",
    [
        {"element": {"id": 10**30}, "name": "x"},
        {"element": {"key": "closeio", "id": 2**70}, "name": "x"},
        closeio_body(tags=["\u0000", "\U0001f600"], name="\u0000 nul"),
    ],
)
def test_odd_but_valid_json_never_500(emulator: EmulatorServer, body: dict[str, Any]) -> None:
    answer = call(emulator, "POST", "/instances", body)
    assert answer.status_code in (200, 400, 404), answer.text


def test_huge_numbers_in_stored_documents_round_trip(emulator: EmulatorServer) -> None:
    formula = ok(call(emulator, "POST", "/formulas", simple_formula(extra=10**40, tiny=5e-324)))
    again = ok(call(emulator, "GET", f"/formulas/{formula['id']}"))
    assert again["extra"] == 10**40 and again["tiny"] == 5e-324
    crm = create(emulator, closeio_body())["id"]
    body = {"name": "i", "configuration": {"crm.instance": crm, "batch.size": 10**40}}
    assert ok(call(emulator, "POST", f"/formulas/{formula['id']}/instances", body))
    body["configuration"]["crm.instance"] = 10**40
    assert_error(call(emulator, "POST", f"/formulas/{formula['id']}/instances", body), 400)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/instances", {"pageSize": str(10**40)}),
        ("/instances", {"nextPage": "f" * 16}),
        ("/formulas/instances", {"elementInstanceId": BIG}),
        ("/formulas/instances", {"elementInstanceId": "\u0663"}),
    ],
)
def test_odd_queries_never_500(emulator: EmulatorServer, path: str, params: dict[str, str]) -> None:
    answer = call(emulator, "GET", path, **params)
    assert answer.status_code in (200, 400, 404), answer.text
