"""Connector (hub) calls, made with an instance token: ``/hubs/{hub}/{object}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .paths import route
from .requestor import Area


class HubsAPI(Area):
    """Calls on behalf of one instance (``Authorization: User <u>, Element <token>``)."""

    def get(
        self, token: str, hub: str, obj: str, params: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """``GET /hubs/{hub}/{object}`` with ``Authorization: User <u>, Element <token>``."""
        self._api.redactor.add(token)
        where = route("/hubs/{hub}/{object}", hub=hub, object=obj)
        data = self._api.request(
            "GET",
            where,
            params=list(params.items()) if params else None,
            element_token=token,
        )
        records = self._api.as_list(data, "GET", where)
        if not all(isinstance(r, dict) for r in records):
            raise self._api.unexpected("GET", where, "a list of objects")
        return records
