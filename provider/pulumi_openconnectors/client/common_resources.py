"""Common resources: the organization's object definitions,
``/organizations/objects/{objectName}/definitions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import ObjectDefinition
from .pagination import by_name
from .paths import route
from .requestor import Area

ONE = "/organizations/objects/{objectName}/definitions"


class CommonResourcesAPI(Area):
    """Object-definition CRUD; the name is the key (a second create of a name answers 409)."""

    def create(self, name: str, body: Mapping[str, Any]) -> ObjectDefinition:
        where = route(ONE, objectName=name)
        return self._api.call(ObjectDefinition, "POST", where, json_body=dict(body))

    def get(self, name: str) -> ObjectDefinition:
        return self._api.call(ObjectDefinition, "GET", route(ONE, objectName=name))

    def replace(self, name: str, body: Mapping[str, Any]) -> ObjectDefinition:
        where = route(ONE, objectName=name)
        return self._api.call(ObjectDefinition, "PUT", where, json_body=dict(body))

    def delete(self, name: str) -> None:
        """Refused (409) while a transformation uses the definition."""
        self._api.request("DELETE", route(ONE, objectName=name))

    def list(self) -> dict[str, ObjectDefinition]:
        """Every definition by name ("No … found" is empty)."""
        where = route("/organizations/objects/definitions")
        return {
            name: self._api.parse(ObjectDefinition, body, "GET", where)
            for name, body in by_name(self._api, where).items()
        }
