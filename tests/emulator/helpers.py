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
