"""Connector instances: ``/instances`` and ``/elements/{keyOrId}/instances``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .models import (
    CreateInstanceRequest,
    Instance,
    UpdateInstanceRequest,
    configuration_values,
)
from .pagination import every_page
from .paths import Path, route
from .requestor import Area

ONE = "/instances/{id}"


class InstancesAPI(Area):
    """Instance CRUD. Every token seen is added to the redactor."""

    def create(self, req: CreateInstanceRequest, via_element: bool = False) -> Instance:
        """``POST /instances`` (or ``POST /elements/{keyOrId}/instances`` with ``via_element``).

        Not retried once it may have taken effect: on a read timeout, a dropped connection or a
        5xx the error has ``ambiguous=True`` and the caller must look for the instance.
        """
        self._api.redactor.add(*req.secret_values())
        if via_element:
            where = route("/elements/{keyOrId}/instances", keyOrId=req.element_ref)
            body = req.to_body(include_element=False)
        else:
            where = route("/instances")
            body = req.to_body()
        return self._instance(self._api.request("POST", where, json_body=body), "POST", where)

    def get(self, instance_id: int | str) -> Instance:
        """``GET /instances/{id}`` (token included); NotFoundError when it does not exist."""
        where = route(ONE, id=instance_id)
        return self._instance(self._api.request("GET", where), "GET", where)

    def update(self, instance_id: int | str, req: UpdateInstanceRequest) -> Instance:
        """``PATCH /instances/{id}``: sent tags replace all tags, configuration is merged."""
        self._api.redactor.add(*req.secret_values())
        where = route(ONE, id=instance_id)
        data = self._api.request("PATCH", where, json_body=req.to_body())
        return self._instance(data, "PATCH", where)

    def replace(
        self, instance_id: int | str, body: UpdateInstanceRequest | Mapping[str, Any]
    ) -> Instance:
        """``PUT /instances/{id}``: full update (configuration replaced whole)."""
        payload = body.to_body() if isinstance(body, UpdateInstanceRequest) else dict(body)
        self._api.redactor.add(*configuration_values(payload))
        where = route(ONE, id=instance_id)
        return self._instance(self._api.request("PUT", where, json_body=payload), "PUT", where)

    def delete(self, instance_id: int | str) -> None:
        """``DELETE /instances/{id}``; NotFoundError when it does not exist (the caller decides)."""
        self._api.request("DELETE", route(ONE, id=instance_id))

    def _instance(self, data: Any, method: str, where: Path) -> Instance:
        instance = self._api.parse(Instance, data, method, where)
        self._api.redactor.add(instance.token_value())
        return instance

    # ``list`` last: mypy would read a later ``list[...]`` annotation as this method.
    def list(self, tags: Iterable[str] | None = None) -> list[Instance]:
        """``GET /instances[?tags[]=a&tags[]=b]``: with tags, the instances carrying all of them."""
        params = [("tags[]", tag) for tag in tags] if tags is not None else None
        where = route("/instances")
        items = every_page(self._api, where, params=params)
        return [self._instance(item, "GET", where) for item in items]
