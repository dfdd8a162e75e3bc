"""Private elements (custom connectors) of the account: ``POST /elements``,
``PUT``/``DELETE /elements/{keyOrId}``, ``GET /elements/{id}/export``.

Readings the documents leave open, taken tolerantly: an answer wrapped in a list of one is the
element; ``GET /elements?where=private='true'`` may ignore ``where`` (the items are filtered
here too); the export may answer the element or a list holding it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .elements import flagged_elements
from .models import PrivateElement
from .paths import Path, route
from .requestor import Area
from .responses import single

ONE = "/elements/{keyOrId}"


class PrivateElementsAPI(Area):
    """Private element CRUD; the key is unique in the organization (a second create: 409)."""

    def create(self, body: Mapping[str, Any]) -> PrivateElement:
        """``POST /elements``. Not retried once it may have taken effect (see instances)."""
        where = route("/elements")
        return self._one(self._api.request("POST", where, json_body=dict(body)), "POST", where)

    def get(self, key_or_id: str | int) -> PrivateElement:
        """``GET /elements/{keyOrId}``; NotFoundError when there is none."""
        where = route(ONE, keyOrId=key_or_id)
        return self._one(self._api.request("GET", where), "GET", where)

    def replace(self, key_or_id: str | int, body: Mapping[str, Any]) -> PrivateElement:
        """``PUT /elements/{keyOrId}``: the whole element (the document the program gives)."""
        where = route(ONE, keyOrId=key_or_id)
        data = self._api.request("PUT", where, json_body=dict(body))
        return self._one(data, "PUT", where)

    def delete(self, key_or_id: str | int) -> None:
        """``DELETE /elements/{keyOrId}``; refused while instances of the element exist."""
        self._api.request("DELETE", route(ONE, keyOrId=key_or_id))

    def export(self, element_id: str | int) -> PrivateElement:
        """``GET /elements/{id}/export``: the element document as the platform exports it."""
        where = route("/elements/{id}/export", id=element_id)
        return self._one(self._api.request("GET", where), "GET", where)

    # ``list`` last: mypy would read a later ``list[...]`` annotation as this method.
    def list(self) -> list[PrivateElement]:
        """The organization's private elements (``where=private='true'``, all pages)."""
        return flagged_elements(self._api, PrivateElement, "private")

    def _one(self, data: Any, method: str, where: Path) -> PrivateElement:
        return self._api.parse(PrivateElement, single(data), method, where)
