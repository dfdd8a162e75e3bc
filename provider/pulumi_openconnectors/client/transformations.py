"""Transformations: a connector's mapping of a vendor object onto a common resource, for every
instance of the connector (``/organizations/elements/{keyOrId}/transformations/{objectName}``)
or for one instance (``/instances/{id}/transformations/{objectName}``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..models import Transformation
from .transport import Transport, fill_path


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

    @property
    def list_template(self) -> str:
        if self.level == "element":
            return "/organizations/elements/{keyOrId}/transformations"
        return "/instances/{id}/transformations"

    def list_path(self) -> str:
        key = "keyOrId" if self.level == "element" else "id"
        return fill_path(self.list_template, **{key: self.ref})

    @property
    def template(self) -> str:
        return self.list_template + "/{objectName}"

    def path(self, object_name: str) -> str:
        key = "keyOrId" if self.level == "element" else "id"
        return fill_path(self.template, **{key: self.ref, "objectName": object_name})


class TransformationsAPI(Transport):
    """Transformation CRUD (create with POST, update with PUT; one per scope and object)."""

    def create_transformation(
        self, scope: Scope, object_name: str, body: Mapping[str, Any]
    ) -> Transformation:
        path = scope.path(object_name)
        return self._call(
            Transformation, "POST", path, template=scope.template, json_body=dict(body)
        )

    def get_transformation(self, scope: Scope, object_name: str) -> Transformation:
        path = scope.path(object_name)
        return self._call(Transformation, "GET", path, template=scope.template)

    def replace_transformation(
        self, scope: Scope, object_name: str, body: Mapping[str, Any]
    ) -> Transformation:
        path = scope.path(object_name)
        return self._call(
            Transformation, "PUT", path, template=scope.template, json_body=dict(body)
        )

    def delete_transformation(self, scope: Scope, object_name: str) -> None:
        self._request("DELETE", scope.path(object_name), template=scope.template)

    def list_transformations(self, scope: Scope) -> dict[str, Transformation]:
        """The scope's transformations by object name ("No … found" is empty)."""
        path = scope.list_path()
        return {
            name: self._parse(Transformation, body, "GET", path)
            for name, body in self._get_map(path, template=scope.list_template).items()
        }
