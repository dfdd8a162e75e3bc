"""Small helpers shared by the emulator contract tests (plain HTTP via requests)."""

from __future__ import annotations

from typing import Any

import requests

from pulumi_openconnectors.emulator import EmulatorServer

from ..listing import read_list

TIMEOUT = 10


def platform_headers(user: str, org: str) -> dict[str, str]:
    return {"Authorization": f"User {user}, Organization {org}"}


def auth(emu: EmulatorServer) -> dict[str, str]:
    return platform_headers(emu.user_secret, emu.organization_secret)


def hub_headers(emu: EmulatorServer, token: str) -> dict[str, str]:
    return {"Authorization": f"User {emu.user_secret}, Element {token}"}


def closeio_body(name: str = "closeio one", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "element": {"key": "closeio"},
        "configuration": {"username": "ada", "password": "pw-closeio"},
        "tags": ["t1"],
        "name": name,
    }
    body.update(extra)
    return body


def brighttalk_body(name: str = "bt") -> dict[str, Any]:
    return {
        "element": {"key": "brighttalk"},
        "configuration": {"brighttalk.api.key": "k", "brighttalk.api.secret": "s3cr3t"},
        "name": name,
    }


def create(emu: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    r = requests.post(f"{emu.base_url}/instances", json=body, headers=auth(emu), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def list_instances(
    emu: EmulatorServer, headers: dict[str, str] | None = None, **params: str
) -> list[dict[str, Any]]:
    """Every instance the organization sees (all pages; 404 `No instances found` is none)."""
    return read_list(f"{emu.base_url}/instances", headers or auth(emu), list(params.items()))


def oauth_code(emu: EmulatorServer, api_key: str = "app-key", element: str = "hootsuite") -> str:
    r = requests.get(
        f"{emu.base_url}/elements/{element}/oauth/url",
        params={"apiKey": api_key, "apiSecret": "app-secret", "callbackUrl": "https://cb.test/x"},
        headers=auth(emu),
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    redirect = requests.get(r.json()["oauthUrl"], allow_redirects=False, timeout=TIMEOUT)
    assert redirect.status_code == 302
    location = redirect.headers["Location"]
    query = dict(p.split("=", 1) for p in location.split("?", 1)[1].split("&"))
    return query["code"]


def oauth_body(code: str, api_key: str = "app-key", element: str = "hootsuite") -> dict[str, Any]:
    return {
        "element": {"key": element},
        "providerData": {"code": code},
        "configuration": {
            "oauth.api.key": api_key,
            "oauth.api.secret": "app-secret",
            "oauth.callback.url": "https://cb.test/x",
        },
        "tags": ["Docs"],
        "name": "API Instance",
    }


def assert_error(response: requests.Response, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) <= {"requestId", "message", "providerMessage"}
    assert isinstance(body["requestId"], str) and len(body["requestId"]) == 36
    assert body["requestId"] == response.headers.get("x-request-id")
    for word in words:
        assert word.lower() in body["message"].lower(), body["message"]
    return body


def call(
    emu: EmulatorServer,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> requests.Response:
    """One platform call (path relative to the base URL), JSON body when given."""
    return requests.request(
        method,
        emu.base_url + path,
        json=body,
        params=params or None,
        headers=headers or auth(emu),
        timeout=TIMEOUT,
    )


def ok(response: requests.Response) -> Any:
    """The JSON of a 200 answer."""
    assert response.status_code == 200, (response.status_code, response.text)
    return response.json()


def simple_formula(name: str = "sync contacts", **extra: Any) -> dict[str, Any]:
    """A formula with one variable of each type, a manual trigger and two steps."""
    body: dict[str, Any] = {
        "name": name,
        "description": "copies contacts",
        "configuration": [
            {"key": "crm.instance", "name": "CRM", "type": "elementInstance"},
            {"key": "batch.size", "name": "Batch", "type": "value", "required": False},
        ],
        "triggers": [{"type": "manual", "properties": {}, "onSuccess": ["fetch"]}],
        "steps": [
            {
                "name": "fetch",
                "type": "elementRequest",
                "properties": {
                    "elementInstanceId": "${config.crm.instance}",
                    "method": "GET",
                    "api": "/hubs/crm/contacts",
                },
                "onSuccess": ["log"],
            },
            {"name": "log", "type": "script", "properties": {"body": "done({});"}},
        ],
    }
    body.update(extra)
    return body


CONTACT_FIELDS = [
    {"path": "id", "type": "string"},
    {"path": "firstName", "type": "string"},
    {"path": "address.city", "type": "string"},
]


def define(emu: EmulatorServer, name: str = "contact", **extra: Any) -> dict[str, Any]:
    """POST an organization-level object definition (contact: id, firstName, address.city)."""
    body = {"fields": CONTACT_FIELDS, **extra}
    result: dict[str, Any] = ok(
        call(emu, "POST", f"/organizations/objects/{name}/definitions", body)
    )
    return result


def contact_transformation(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendorName": "Contact",
        "fields": [
            {"path": "id", "vendorPath": "Id", "type": "string"},
            {"path": "firstName", "vendorPath": "FirstName", "configuration": []},
        ],
        "configuration": [
            {"type": "passThrough", "properties": {"fromVendor": False, "toVendor": False}},
            {"type": "inherit"},
        ],
        "script": {"body": "done(transformedObject);"},
        "isLegacy": False,
    }
    body.update(extra)
    return body
