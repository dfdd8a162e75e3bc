"""Security contract of the emulator over plain HTTP (no engine, no client of ours).

- Every route of the OpenAPI document rejects a request without credentials, and one with
  wrong credentials, with 401 and the JSON error body (which never echoes the header).
  Public on purpose, and only these:
    * ``GET /_emulator/oauth/authorize``: stands in for the vendor's OAuth consent page, which a
      browser opens without Open Connectors credentials (it only issues a one-time code bound to
      the client_id; the code is useless without the platform credentials that create takes);
    * ``GET /elements/api-v2/openapi.json`` and ``/docs`` (not themselves in the document):
      the API description, no data; FastAPI serves them, as the vendor publishes its API docs.
- A deleted instance's token gets 401 on hub calls.
- Another organization's user secret with an instance token gets 401; that organization sees
  404 for the instance on every platform route and does not list it.
- The server binds to 127.0.0.1 by default (EmulatorServer and the command line).
"""

from __future__ import annotations

import inspect
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.emulator.__main__ import _parser

from .helpers import (
    TIMEOUT,
    auth,
    closeio_body,
    create,
    hub_headers,
    list_instances,
    platform_headers,
)

OTHER = ("other-user-secret", "other-organization-secret")
PUBLIC = {("GET", "/_emulator/oauth/authorize")}
SAMPLE_VALUES = {
    "id": "100001",
    "instanceId": "20001",
    "keyOrId": "closeio",
    "objectName": "contact",
    "hub": "crm",
    "object": "contacts",
}


@pytest.fixture(scope="module")
def two_orgs() -> Iterator[EmulatorServer]:
    with EmulatorServer(
        port=0, accounts=[("demo-user-secret", "demo-organization-secret"), OTHER]
    ) as emu:
        yield emu


def _operations(emu: EmulatorServer) -> list[tuple[str, str]]:
    doc = requests.get(f"{emu.base_url}/openapi.json", timeout=TIMEOUT).json()
    ops = [
        (method.upper(), path)
        for path, item in doc["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]
    assert len(ops) >= 15, ops  # the document lists the platform, hub and admin routes
    return ops


def _url(emu: EmulatorServer, template: str) -> str:
    path = template
    for name, value in SAMPLE_VALUES.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"no sample value for a parameter of {template}"
    return emu.root_url + path


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "User wrong-user, Organization wrong-org"},
        {"Authorization": "User demo-user-secret, Organization wrong-org"},
        {"Authorization": "Bearer something"},
        {"Authorization": "garbage"},
    ],
    ids=["none", "wrong", "wrong-org", "bearer", "malformed"],
)
def test_every_route_rejects_missing_or_wrong_credentials(
    two_orgs: EmulatorServer, headers: dict[str, str]
) -> None:
    checked = []
    for method, template in _operations(two_orgs):
        if (method, template) in PUBLIC:
            continue
        body = {} if method in ("POST", "PUT", "PATCH") else None
        answer = requests.request(
            method, _url(two_orgs, template), json=body, headers=headers, timeout=TIMEOUT
        )
        assert answer.status_code == 401, (method, template, answer.status_code, answer.text)
        assert answer.headers["content-type"].startswith("application/json"), (method, template)
        error = answer.json()
        assert set(error) >= {"requestId", "message"}, (method, template, error)
        assert error["requestId"] == answer.headers["x-request-id"]
        for part in ("wrong-user", "wrong-org", "something", "garbage", "demo-user-secret"):
            assert part not in answer.text, (method, template)
        checked.append((method, template))
    templates = {t for _, t in checked}
    assert {"/elements/api-v2/instances/{id}", "/_emulator/faults"} <= templates


def test_the_public_pages_are_only_those_intended(two_orgs: EmulatorServer) -> None:
    ops = _operations(two_orgs)
    public_ops = {op for op in ops if op in PUBLIC}
    assert public_ops == PUBLIC, "the authorize page is in the document"
    # The consent page works without credentials, and issues only a redirect with a code.
    answer = requests.get(
        f"{two_orgs.root_url}/_emulator/oauth/authorize",
        params={"client_id": "k", "redirect_uri": "https://cb.test/x", "state": "s"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert answer.status_code == 302
    assert answer.headers["location"].startswith("https://cb.test/x?")
    # The API description is public (no data in it).
    assert requests.get(f"{two_orgs.base_url}/openapi.json", timeout=TIMEOUT).status_code == 200


def test_a_deleted_instance_token_is_rejected(two_orgs: EmulatorServer) -> None:
    instance = create(two_orgs, closeio_body("to be deleted"))
    hub = f"{two_orgs.base_url}/hubs/crm/contacts"
    ok = requests.get(hub, headers=hub_headers(two_orgs, instance["token"]), timeout=TIMEOUT)
    assert ok.status_code == 200
    gone = requests.delete(
        f"{two_orgs.base_url}/instances/{instance['id']}", headers=auth(two_orgs), timeout=TIMEOUT
    )
    assert gone.status_code == 200
    answer = requests.get(hub, headers=hub_headers(two_orgs, instance["token"]), timeout=TIMEOUT)
    assert answer.status_code == 401
    assert answer.json()["message"]
    assert instance["token"] not in answer.text


def test_another_organization_cannot_use_or_see_an_instance(two_orgs: EmulatorServer) -> None:
    instance = create(two_orgs, closeio_body("org A only"))
    other_platform = platform_headers(*OTHER)
    hub = f"{two_orgs.base_url}/hubs/crm/contacts"

    # org B's user secret with org A's instance token: 401
    answer = requests.get(
        hub,
        headers={"Authorization": f"User {OTHER[0]}, Element {instance['token']}"},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 401, answer.text

    # org B's platform credentials: org A's instance does not exist for it
    url = f"{two_orgs.base_url}/instances/{instance['id']}"
    for method, body in (
        ("GET", None),
        ("PATCH", {"name": "hijacked"}),
        ("PUT", {"name": "hijacked", "configuration": {"username": "x", "password": "y"}}),
        ("DELETE", None),
    ):
        answer = requests.request(method, url, json=body, headers=other_platform, timeout=TIMEOUT)
        assert answer.status_code == 404, (method, answer.status_code, answer.text)
        assert instance["token"] not in answer.text
    listed = list_instances(two_orgs, other_platform)  # a 404 "No instances found" is none
    assert instance["id"] not in [i["id"] for i in listed]

    # untouched for org A
    mine = requests.get(url, headers=auth(two_orgs), timeout=TIMEOUT)
    assert mine.status_code == 200 and mine.json()["name"] == "org A only"


def test_binds_to_loopback_by_default() -> None:
    default_host = inspect.signature(EmulatorServer.__init__).parameters["host"].default
    assert default_host == "127.0.0.1"
    with EmulatorServer(port=0) as emu:
        assert emu.settings.host == "127.0.0.1"
        assert emu._socket is not None and emu._socket.getsockname()[0] == "127.0.0.1"
        assert emu.base_url.startswith("http://127.0.0.1:")
    assert _parser().parse_args([]).host == "127.0.0.1"


def test_the_command_line_listens_on_loopback() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pulumi_openconnectors.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first: Any = None
        deadline = time.monotonic() + 20
        while first is None and time.monotonic() < deadline:  # bounded: never blocks forever
            ready, _, _ = select.select([proc.stdout], [], [], deadline - time.monotonic())
            if not ready:
                break
            line = proc.stdout.readline()
            if not line:
                break
            if "listening on" in line:
                first = line
        assert first is not None, "the emulator did not announce its address"
        assert "http://127.0.0.1:" in first, first
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
