"""Connector (hub) calls with `User …, Element <token>`."""

from __future__ import annotations

import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, brighttalk_body, closeio_body, create, hub_headers


def hub(emu: EmulatorServer, path: str, headers: dict[str, str]) -> requests.Response:
    return requests.get(emu.base_url + "/hubs" + path, headers=headers, timeout=TIMEOUT)


def test_hub_call_returns_sample_records(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    r = hub(emulator, "/crm/contacts", hub_headers(emulator, token))
    assert r.status_code == 200
    records = r.json()
    assert isinstance(records, list) and records and all(isinstance(x, dict) for x in records)
    bt = create(emulator, brighttalk_body())["token"]
    assert hub(emulator, "/marketing/channels", hub_headers(emulator, bt)).status_code == 200


def test_token_alias_and_three_part_header(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    alias = {"Authorization": f"User {emulator.user_secret}, Token {token}"}
    assert hub(emulator, "/crm/leads", alias).status_code == 200
    three = {
        "Authorization": f"User {emulator.user_secret}, "
        f"Organization {emulator.organization_secret}, Element {token}"
    }
    assert hub(emulator, "/crm/leads", three).status_code == 200


def test_wrong_hub_or_object_is_404(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    assert_error(hub(emulator, "/social/messages", hub_headers(emulator, token)), 404, "hub")
    assert_error(hub(emulator, "/crm/nothing", hub_headers(emulator, token)), 404, "nothing")


def test_hub_auth_failures(emulator: EmulatorServer) -> None:
    token = create(emulator, closeio_body())["token"]
    assert_error(hub(emulator, "/crm/contacts", {}), 401, "missing")
    assert_error(hub(emulator, "/crm/contacts", auth(emulator)), 401, "element")
    wrong_user = {"Authorization": f"User not-the-user, Element {token}"}
    assert_error(hub(emulator, "/crm/contacts", wrong_user), 401)
    unknown = {"Authorization": f"User {emulator.user_secret}, Element AAAA{token[4:]}"}
    assert_error(hub(emulator, "/crm/contacts", unknown), 401)
    bad_org = {"Authorization": f"User {emulator.user_secret}, Organization nope, Element {token}"}
    assert_error(hub(emulator, "/crm/contacts", bad_org), 401)


def test_deleted_instance_token_is_401(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    headers = hub_headers(emulator, instance["token"])
    assert hub(emulator, "/crm/contacts", headers).status_code == 200
    requests.delete(f"{emulator.base_url}/instances/{instance['id']}", headers=auth(emulator))
    assert_error(hub(emulator, "/crm/contacts", headers), 401)
