"""Look at (and tamper with) the emulator directly over HTTP, independent of our client."""

from __future__ import annotations

from typing import Any

import requests

from ..listing import read_list


class Live:
    def __init__(self, emulator: Any) -> None:
        self.base_url = emulator.base_url
        self.headers = {
            "Authorization": f"User {emulator.user_secret}, "
            f"Organization {emulator.organization_secret}",
            "Content-Type": "application/json",
        }

    def instances(self) -> list[dict[str, Any]]:
        """Every instance (all pages; a 404 `No instances found` is none)."""
        return read_list(f"{self.base_url}/instances", self.headers)

    def get(self, instance_id: int) -> dict[str, Any] | None:
        answer = requests.get(
            f"{self.base_url}/instances/{instance_id}", headers=self.headers, timeout=10
        )
        if answer.status_code == 404:
            return None
        answer.raise_for_status()
        return dict(answer.json())

    def patch(self, instance_id: int, body: dict[str, Any]) -> dict[str, Any]:
        answer = requests.patch(
            f"{self.base_url}/instances/{instance_id}", json=body, headers=self.headers, timeout=10
        )
        answer.raise_for_status()
        return dict(answer.json())

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        answer = requests.post(
            f"{self.base_url}/instances", json=body, headers=self.headers, timeout=10
        )
        answer.raise_for_status()
        return dict(answer.json())

    def delete(self, instance_id: int) -> None:
        answer = requests.delete(
            f"{self.base_url}/instances/{instance_id}", headers=self.headers, timeout=10
        )
        answer.raise_for_status()

    def hub_works(self, user_secret: str, token: str) -> bool:
        answer = requests.get(
            f"{self.base_url}/hubs/crm/contacts",
            headers={"Authorization": f"User {user_secret}, Element {token}"},
            timeout=10,
        )
        return answer.status_code == 200


def oauth_code(emulator: Any, element: str, api_key: str, api_secret: str, callback: str) -> str:
    """Walk the emulator's OAuth 2.0 authorize flow as a browser would; return the code."""
    from urllib.parse import parse_qs, urlparse

    headers = Live(emulator).headers
    answer = requests.get(
        f"{emulator.base_url}/elements/{element}/oauth/url",
        params={
            "apiKey": api_key,
            "apiSecret": api_secret,
            "callbackUrl": callback,
            "state": element,
        },
        headers=headers,
        timeout=10,
    )
    answer.raise_for_status()
    redirect = requests.get(answer.json()["oauthUrl"], allow_redirects=False, timeout=10)
    assert redirect.status_code in (302, 303, 307), redirect.text
    query = parse_qs(urlparse(redirect.headers["Location"]).query)
    return query["code"][0]
