"""Authorization header handling: formats, failures, organizations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, closeio_body, create, platform_headers

PLATFORM_CALLS = [
    ("GET", "/elements"),
    ("GET", "/elements/closeio"),
    ("GET", "/instances"),
    ("POST", "/instances"),
    ("GET", "/instances/100001"),
    ("PATCH", "/instances/100001"),
    ("PUT", "/instances/100001"),
    ("DELETE", "/instances/100001"),
    ("GET", "/elements/hootsuite/oauth/url"),
]


@pytest.mark.parametrize(("method", "path"), PLATFORM_CALLS)
def test_missing_header_is_401_json(emulator: EmulatorServer, method: str, path: str) -> None:
    r = requests.request(method, emulator.base_url + path, json={}, timeout=TIMEOUT)
    assert_error(r, 401, "missing")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer abc",
        "User",
        "User abc",
        "User a, Organization",
        "User a, Organization b, Bogus c",
        "User a, User b, Organization c",
        "Organization only",
        "User a b, Organization c",
        ",",
    ],
)
def test_malformed_header_is_401(emulator: EmulatorServer, header: str) -> None:
    r = requests.get(
        emulator.base_url + "/instances", headers={"Authorization": header}, timeout=TIMEOUT
    )
    body = assert_error(r, 401)
    assert "malformed" in body["message"].lower() or "needs" in body["message"].lower()


@pytest.mark.parametrize("which", ["user", "organization"])
def test_wrong_secret_is_401_and_not_echoed(emulator: EmulatorServer, which: str) -> None:
    user = "wrong-user-canary" if which == "user" else emulator.user_secret
    org = "wrong-org-canary" if which == "organization" else emulator.organization_secret
    r = requests.get(
        emulator.base_url + "/instances", headers=platform_headers(user, org), timeout=TIMEOUT
    )
    assert_error(r, 401, "invalid")
    assert "canary" not in r.text


def test_platform_header_works_and_is_case_tolerant(emulator: EmulatorServer) -> None:
    header = f"user {emulator.user_secret},organization  {emulator.organization_secret}"
    r = requests.get(
        emulator.base_url + "/instances", headers={"Authorization": header}, timeout=TIMEOUT
    )
    assert_error(r, 404, "No instances found")  # authenticated: the (empty) list's answer


def test_three_part_header_accepted_for_platform_calls(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    header = (
        f"User {emulator.user_secret}, Organization {emulator.organization_secret}, Element {token}"
    )
    r = requests.get(
        emulator.base_url + "/instances", headers={"Authorization": header}, timeout=TIMEOUT
    )
    assert r.status_code == 200
    assert len(r.json()) == 1


def test_element_header_is_not_enough_for_platform_calls(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    header = f"User {emulator.user_secret}, Element {token}"
    r = requests.get(
        emulator.base_url + "/instances", headers={"Authorization": header}, timeout=TIMEOUT
    )
    assert_error(r, 401, "organization")


@pytest.fixture(scope="module")
def two_orgs() -> Iterator[EmulatorServer]:
    with EmulatorServer(
        accounts=[
            ("user-a", "org-a"),
            ("user-b", "org-b"),
        ]
    ) as server:
        yield server


def test_other_organization_sees_404_and_token_is_401(two_orgs: EmulatorServer) -> None:
    base = two_orgs.base_url
    a = platform_headers("user-a", "org-a")
    b = platform_headers("user-b", "org-b")
    r = requests.post(base + "/instances", json=closeio_body(), headers=a, timeout=TIMEOUT)
    assert r.status_code == 200
    instance = r.json()
    iid, token = instance["id"], instance["token"]
    for method in ("GET", "PATCH", "PUT", "DELETE"):
        body = {"name": "x"} if method in ("PATCH", "PUT") else None
        other = requests.request(
            method, f"{base}/instances/{iid}", json=body, headers=b, timeout=TIMEOUT
        )
        assert_error(other, 404)
    assert_error(requests.get(base + "/instances", headers=b, timeout=TIMEOUT), 404, "No instances")
    # its token does not work with the other organization's user secret
    hub = requests.get(
        base + "/hubs/crm/contacts",
        headers={"Authorization": f"User user-b, Element {token}"},
        timeout=TIMEOUT,
    )
    assert_error(hub, 401)
    mixed = requests.get(
        base + "/hubs/crm/contacts",
        headers={"Authorization": f"User user-a, Organization org-b, Element {token}"},
        timeout=TIMEOUT,
    )
    assert_error(mixed, 401)
    # the owner still sees it
    assert requests.get(f"{base}/instances/{iid}", headers=a, timeout=TIMEOUT).status_code == 200
    # a mismatched user/organization pair is refused
    assert_error(
        requests.get(
            base + "/instances", headers=platform_headers("user-a", "org-b"), timeout=TIMEOUT
        ),
        401,
    )


def test_admin_api_requires_credentials(emulator: EmulatorServer) -> None:
    for method, path in [
        ("POST", "/reset"),
        ("GET", "/stats"),
        ("GET", "/faults"),
        ("PUT", "/faults"),
        ("DELETE", "/faults"),
    ]:
        r = requests.request(method, emulator.root_url + "/_emulator" + path, timeout=TIMEOUT)
        assert_error(r, 401)
    r = requests.get(emulator.root_url + "/_emulator/stats", headers=auth(emulator), timeout=5)
    assert r.status_code == 200
