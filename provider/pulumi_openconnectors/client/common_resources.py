"""Common resources: the organization's object definitions,
``/organizations/objects/{objectName}/definitions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import ObjectDefinition
from .transport import Transport, fill_path

ONE = "/organizations/objects/{objectName}/definitions"
ALL = "/organizations/objects/definitions"


class CommonResourcesAPI(Transport):
    """Object-definition CRUD; the name is the key (a second create of a name answers 409)."""

    def create_definition(self, name: str, body: Mapping[str, Any]) -> ObjectDefinition:
        path = fill_path(ONE, objectName=name)
        return self._call(ObjectDefinition, "POST", path, template=ONE, json_body=dict(body))

    def get_definition(self, name: str) -> ObjectDefinition:
        path = fill_path(ONE, objectName=name)
        return self._call(ObjectDefinition, "GET", path, template=ONE)

    def replace_definition(self, name: str, body: Mapping[str, Any]) -> ObjectDefinition:
        path = fill_path(ONE, objectName=name)
        return self._call(ObjectDefinition, "PUT", path, template=ONE, json_body=dict(body))

    def delete_definition(self, name: str) -> None:
        """Refused (409) while a transformation uses the definition."""
        self._request("DELETE", fill_path(ONE, objectName=name), template=ONE)

    def list_definitions(self) -> dict[str, ObjectDefinition]:
        """Every definition by name ("No … found" is empty)."""
        return {
            name: self._parse(ObjectDefinition, body, "GET", ALL)
            for name, body in self._get_map(ALL).items()
        }
