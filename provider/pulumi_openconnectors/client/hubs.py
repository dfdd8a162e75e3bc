"""Connector (hub) calls, made with an instance token: ``/hubs/{hub}/{object}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .transport import Transport, fill_path


class HubsAPI(Transport):
    """Calls on behalf of one instance (``Authorization: User <u>, Element <token>``)."""

    def hub_get(
        self, token: str, hub: str, obj: str, params: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """``GET /hubs/{hub}/{object}`` with ``Authorization: User <u>, Element <token>``."""
        self.redactor.add(token)
        template = "/hubs/{hub}/{object}"
        path = fill_path(template, hub=hub, object=obj)
        data = self._request(
            "GET",
            path,
            template=template,
            params=list(params.items()) if params else None,
            element_token=token,
        )
        records = self._as_list(data, "GET", path)
        if not all(isinstance(r, dict) for r in records):
            raise self._unexpected("GET", path, 200, None, "a list of objects")
        return records
