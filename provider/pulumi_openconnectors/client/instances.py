"""Connector instances: ``/instances`` and ``/elements/{keyOrId}/instances``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..models import (
    CreateInstanceRequest,
    Instance,
    UpdateInstanceRequest,
    configuration_values,
)
from .transport import Transport, fill_path


class InstancesAPI(Transport):
    """Instance CRUD. Every token seen is added to the redactor."""

    def create_instance(self, req: CreateInstanceRequest, via_element: bool = False) -> Instance:
        """``POST /instances`` (or ``POST /elements/{keyOrId}/instances`` with ``via_element``).

        Not retried once it may have taken effect: on a read timeout, a dropped connection or a
        5xx the error has ``ambiguous=True`` and the caller must look for the instance.
        """
        self.redactor.add(*req.secret_values())
        if via_element:
            template = "/elements/{keyOrId}/instances"
            path = fill_path(template, keyOrId=req.element_ref)
            body = req.to_body(include_element=False)
        else:
            template = path = "/instances"
            body = req.to_body()
        data = self._request("POST", path, template=template, json_body=body)
        return self._instance(data, "POST", path)

    def get_instance(self, instance_id: int | str) -> Instance:
        """``GET /instances/{id}`` (token included); NotFoundError when it does not exist."""
        path = fill_path("/instances/{id}", id=instance_id)
        data = self._request("GET", path, template="/instances/{id}")
        return self._instance(data, "GET", path)

    def list_instances(self, tags: Iterable[str] | None = None) -> list[Instance]:
        """``GET /instances[?tags[]=a&tags[]=b]``: with tags, the instances carrying all of them."""
        params = [("tags[]", tag) for tag in tags] if tags is not None else None
        items = self._get_list("/instances", params=params)
        return [self._instance(item, "GET", "/instances") for item in items]

    def update_instance(self, instance_id: int | str, req: UpdateInstanceRequest) -> Instance:
        """``PATCH /instances/{id}``: sent tags replace all tags, configuration is merged."""
        self.redactor.add(*req.secret_values())
        path = fill_path("/instances/{id}", id=instance_id)
        data = self._request("PATCH", path, template="/instances/{id}", json_body=req.to_body())
        return self._instance(data, "PATCH", path)

    def replace_instance(
        self, instance_id: int | str, body: UpdateInstanceRequest | Mapping[str, Any]
    ) -> Instance:
        """``PUT /instances/{id}``: full update (configuration replaced whole)."""
        payload = body.to_body() if isinstance(body, UpdateInstanceRequest) else dict(body)
        self.redactor.add(*configuration_values(payload))
        path = fill_path("/instances/{id}", id=instance_id)
        data = self._request("PUT", path, template="/instances/{id}", json_body=payload)
        return self._instance(data, "PUT", path)

    def delete_instance(self, instance_id: int | str) -> None:
        """``DELETE /instances/{id}``; NotFoundError when it does not exist (the caller decides)."""
        path = fill_path("/instances/{id}", id=instance_id)
        self._request("DELETE", path, template="/instances/{id}")

    def _instance(self, data: Any, method: str, path: str) -> Instance:
        instance = self._parse(Instance, data, method, path)
        self.redactor.add(instance.token_value())
        return instance
