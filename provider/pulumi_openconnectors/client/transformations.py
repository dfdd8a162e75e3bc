"""Transformations: a connector's mapping of a vendor object onto a common resource, for every
instance of the connector (``/organizations/elements/{keyOrId}/transformations/{objectName}``)
or for one instance (``/instances/{id}/transformations/{objectName}``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .models import Transformation
from .pagination import by_name
from .paths import Path, route
from .requestor import Area


@dataclass(frozen=True)
class Scope:
    """Whose transformation: a connector's (``element``) or one instance's (``instance``)."""

    level: Literal["element", "instance"]
    ref: str
    """The connector's key or id, or the instance id."""

    @classmethod
    def element(cls, key_or_id: str | int) -> Scope:
        return cls("element", str(key_or_id))

    @classmethod
    def instance(cls, instance_id: str | int) -> Scope:
        return cls("instance", str(instance_id))

    def all(self) -> Path:
        """The scope's transformations."""
        if self.level == "element":
            return route("/organizations/elements/{keyOrId}/transformations", keyOrId=self.ref)
        return route("/instances/{id}/transformations", id=self.ref)

    def one(self, object_name: str) -> Path:
        """The scope's transformation of ``object_name``."""
        if self.level == "element":
            return route(
                "/organizations/elements/{keyOrId}/transformations/{objectName}",
                keyOrId=self.ref,
                objectName=object_name,
            )
        return route(
            "/instances/{id}/transformations/{objectName}", id=self.ref, objectName=object_name
        )


class TransformationsAPI(Area):
    """Transformation CRUD (create with POST, update with PUT; one per scope and object)."""

    def create(self, scope: Scope, object_name: str, body: Mapping[str, Any]) -> Transformation:
        where = scope.one(object_name)
        return self._api.call(Transformation, "POST", where, json_body=dict(body))

    def get(self, scope: Scope, object_name: str) -> Transformation:
        return self._api.call(Transformation, "GET", scope.one(object_name))

    def replace(self, scope: Scope, object_name: str, body: Mapping[str, Any]) -> Transformation:
        where = scope.one(object_name)
        return self._api.call(Transformation, "PUT", where, json_body=dict(body))

    def delete(self, scope: Scope, object_name: str) -> None:
        self._api.request("DELETE", scope.one(object_name))

    def list(self, scope: Scope) -> dict[str, Transformation]:
        """The scope's transformations by object name ("No … found" is empty)."""
        where = scope.all()
        return {
            name: self._api.parse(Transformation, body, "GET", where)
            for name, body in by_name(self._api, where).items()
        }
