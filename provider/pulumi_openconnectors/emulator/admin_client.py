"""A tiny requests-based client for the /_emulator admin API (tests, scripts)."""

from __future__ import annotations

from typing import Any, cast

import requests

from .settings import ADMIN_PREFIX


class AdminClient:
    def __init__(self, root_url: str, user_secret: str, organization_secret: str) -> None:
        self._base = root_url.rstrip("/") + ADMIN_PREFIX
        self._headers = {"Authorization": f"User {user_secret}, Organization {organization_secret}"}

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        response = requests.request(
            method, self._base + path, headers=self._headers, json=body, timeout=10
        )
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        self._call("POST", "/reset")

    def stats(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("GET", "/stats"))

    def clear_stats(self) -> None:
        self._call("DELETE", "/stats")

    def set_faults(self, config: dict[str, Any]) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("PUT", "/faults", config))

    def get_faults(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("GET", "/faults"))

    def clear_faults(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("DELETE", "/faults"))
