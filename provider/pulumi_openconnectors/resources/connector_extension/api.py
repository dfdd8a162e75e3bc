"""The API area of ConnectorExtension (reached as ``client.area(ConnectorExtensionAPI)``): an
account's own resources on a catalog element (an extended connector, the Element Builder's "My
Resources"): ``GET``/``POST /elements/{keyOrId}/resources``, ``PUT``/``DELETE
/elements/{keyOrId}/resources/{id}``, the extended elements (``GET
/elements?where=extended='true'``) and their export (``GET
/elements/{id}/export?extendedOnly=true``), as the-doctor reads and writes them.

Readings the documents leave open, taken tolerantly: the resources list may hold the catalog's
resources too (``ownerAccountId`` 1: left out here) or the account's alone (a resource without
``ownerAccountId`` is the account's); an answer wrapped in a list of one is the resource; the
list of extended elements may ignore ``where`` (filtered here: ``extended`` and not
``private``); the export may answer the element or a list holding it, with the catalog's
resources or without.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from ...client import Area
from ...client.elements import flagged_elements
from ...client.models import DocumentModel, Element, PrivateElement
from ...client.paths import Path, route
from ...client.responses import single

SYSTEM_ACCOUNT_ID = 1
"""``ownerAccountId`` of the resources that come with a catalog element (the-doctor keeps the
resources whose owner is not 1 as the account's own)."""


class ElementResource(DocumentModel):
    """One resource of an element: an API call (``method``, ``path``) the connector maps onto
    the vendor's; kept whole (:meth:`DocumentModel.document`)."""

    id: int
    path: str
    method: str
    owner_account_id: int | None = Field(default=None, alias="ownerAccountId")
    element_id: int | None = Field(default=None, alias="elementId")

    @property
    def own(self) -> bool:
        """The account's own resource: its owner is not the catalog's account (a resource
        without ``ownerAccountId`` counts as the account's: a platform that lists only the
        account's resources need not name the owner)."""
        return self.owner_account_id != SYSTEM_ACCOUNT_ID

    @property
    def route(self) -> tuple[str, str]:
        """``(METHOD, path)``: the resource's identity among an account's resources of one
        element (as the-doctor matches them)."""
        return (self.method.upper(), self.path)


@dataclass(frozen=True)
class Extension:
    """A catalog element as the account extended it: its key, its id when known, and the
    account's own resources (not the catalog's)."""

    key: str
    element_id: int | None
    resources: tuple[ElementResource, ...] = field(default=())

    def document(self) -> dict[str, Any]:
        return {"key": self.key, "resources": [r.document() for r in self.resources]}


ALL = "/elements/{keyOrId}/resources"
ONE = "/elements/{keyOrId}/resources/{id}"


class ConnectorExtensionAPI(Area):
    """The resources of an element; an account has one resource per method and path on an
    element (a second create: 409)."""

    def own(self, key_or_id: str | int) -> list[ElementResource]:
        """The account's own resources of the element (404: no such element)."""
        return [r for r in self.all(key_or_id) if r.own]

    def extension(self, key: str) -> Extension:
        """The element as the account extended it (its own resources; the element id from
        them when they name it)."""
        own = self.own(key)
        element_id = next((r.element_id for r in own if r.element_id is not None), None)
        return Extension(key=key, element_id=element_id, resources=tuple(own))

    def all(self, key_or_id: str | int) -> list[ElementResource]:
        """``GET /elements/{keyOrId}/resources``: every resource the answer holds."""
        where = route(ALL, keyOrId=key_or_id)
        data = self._api.request("GET", where)
        return [
            self._api.parse(ElementResource, item, "GET", where)
            for item in self._api.as_list(data, "GET", where)
        ]

    def create(self, key_or_id: str | int, body: Mapping[str, Any]) -> ElementResource:
        """``POST /elements/{keyOrId}/resources``. Not retried once it may have taken effect."""
        where = route(ALL, keyOrId=key_or_id)
        return self._one(self._api.request("POST", where, json_body=dict(body)), "POST", where)

    def replace(
        self, key_or_id: str | int, resource_id: int, body: Mapping[str, Any]
    ) -> ElementResource:
        """``PUT /elements/{keyOrId}/resources/{id}``: the whole resource."""
        where = route(ONE, keyOrId=key_or_id, id=resource_id)
        return self._one(self._api.request("PUT", where, json_body=dict(body)), "PUT", where)

    def delete(self, key_or_id: str | int, resource_id: int) -> None:
        """``DELETE /elements/{keyOrId}/resources/{id}``."""
        self._api.request("DELETE", route(ONE, keyOrId=key_or_id, id=resource_id))

    def extended(self) -> list[Element]:
        """The catalog elements the account extended (``where=extended='true'``, all pages)."""
        return flagged_elements(
            self._api, Element, "extended", keep=lambda item: item.get("private") is not True
        )

    def export(self, element_id: str | int) -> PrivateElement:
        """``GET /elements/{id}/export?extendedOnly=true``: the extended element as the
        platform exports it, its ``resources`` the account's own."""
        where = route("/elements/{id}/export", id=element_id)
        data = single(self._api.request("GET", where, params=[("extendedOnly", "true")]))
        if isinstance(data, dict) and isinstance(data.get("resources"), list):
            data = {
                **data,
                "resources": [
                    r
                    for r in data["resources"]
                    if not (isinstance(r, Mapping) and r.get("ownerAccountId") == 1)
                ],
            }
        return self._api.parse(PrivateElement, data, "GET", where)

    def _one(self, data: Any, method: str, where: Path) -> ElementResource:
        return self._api.parse(ElementResource, single(data), method, where)
