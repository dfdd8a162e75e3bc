"""Raw HTTP on the emulator's platform API (independent of our client): look at objects and
change them out of band; count requests through the admin API."""

from __future__ import annotations

from typing import Any

import requests


class Platform:
    def __init__(self, emulator: Any) -> None:
        self.emulator = emulator
        self.base_url = emulator.base_url
        self.headers = {
            "Authorization": f"User {emulator.user_secret}, "
            f"Organization {emulator.organization_secret}",
            "Content-Type": "application/json",
        }

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        answer = requests.request(
            method, f"{self.base_url}{path}", json=body, headers=self.headers, timeout=10
        )
        try:
            data = answer.json() if answer.content else None
        except ValueError:
            data = answer.text
        return answer.status_code, data

    def ok(self, method: str, path: str, body: Any = None) -> Any:
        status, data = self.call(method, path, body)
        assert status < 300, (method, path, status, data)
        return data

    def get(self, path: str) -> Any | None:
        """The object, or None on a 404."""
        status, data = self.call("GET", path)
        if status == 404:
            return None
        assert status < 300, (path, status, data)
        return data

    def listing(self, path: str) -> Any:
        """A list or map; 404 "No … found" is empty."""
        status, data = self.call("GET", path)
        if status == 404 and str((data or {}).get("message", "")).startswith("No "):
            return []
        assert status < 300, (path, status, data)
        return data

    def requests_by_route(self) -> dict[str, int]:
        return dict(self.emulator.admin.stats()["requests"])


def creates_and_deletes(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The POST and DELETE requests made between two stats snapshots, by route."""
    return {
        route: after[route] - before.get(route, 0)
        for route in after
        if route.split(" ", 1)[0] in ("POST", "DELETE") and after[route] != before.get(route, 0)
    }


def delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {
        route: after[route] - before.get(route, 0)
        for route in after
        if after[route] != before.get(route, 0)
    }
