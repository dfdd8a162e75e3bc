"""Connector instances: the instance as the API returns it (:class:`Instance`) and the bodies
of create (:class:`CreateInstanceRequest`) and update (:class:`UpdateInstanceRequest`).

Secrets never show in a repr or in a validation error: the instance ``token`` is a
``SecretStr``; configuration and provider data are excluded from ``repr``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator

from .base import RequestModel, ResponseModel
from .elements import Element

ObjectType = Literal["vdr", "ceCanonical", "vendor"]
OBJECT_TYPES: tuple[str, ...] = ("vdr", "ceCanonical", "vendor")


class InstanceObject(ResponseModel):
    """One entry of ``objects`` (``retrieveObjectsAfterInstantiation``)."""

    name: str
    vendor_name: str | None = Field(default=None, alias="vendorName")
    type: ObjectType | str | None = None
    """``vdr`` | ``ceCanonical`` | ``vendor`` (kept as a string if the API adds another)."""


class Instance(ResponseModel):
    """A connector instance, as returned by create, ``GET /instances[/{id}]`` and updates."""

    id: int
    name: str | None = None
    token: SecretStr | None = None
    element: Element | None = None
    element_id: int | None = Field(default=None, alias="elementId")
    tags: list[str] = Field(default_factory=list)
    provision_interactions: list[Any] = Field(default_factory=list, alias="provisionInteractions")
    valid: bool | None = None
    disabled: bool | None = None
    max_cache_size: int | None = Field(default=None, alias="maxCacheSize")
    cache_time_to_live: int | None = Field(default=None, alias="cacheTimeToLive")
    created_date: datetime | None = Field(default=None, alias="createdDate")
    configuration: dict[str, Any] = Field(default_factory=dict, repr=False)
    events_enabled: bool | None = Field(default=None, alias="eventsEnabled")
    trace_logging_enabled: bool | None = Field(default=None, alias="traceLoggingEnabled")
    caching_enabled: bool | None = Field(default=None, alias="cachingEnabled")
    external_authentication: str | None = Field(default=None, alias="externalAuthentication")
    user: dict[str, Any] | None = None
    objects: list[InstanceObject] | None = None

    @property
    def element_key(self) -> str | None:
        return self.element.key if self.element else None

    def token_value(self) -> str | None:
        """The instance token in clear (handle with care)."""
        return self.token.get_secret_value() if self.token is not None else None


class CreateInstanceRequest(RequestModel):
    """The body of ``POST /instances`` (or ``POST /elements/{keyOrId}/instances``).

    Set exactly one of ``element_key`` and ``element_id``.
    """

    name: str = Field(min_length=1)
    element_key: str | None = None
    element_id: int | None = None
    configuration: dict[str, str] = Field(default_factory=dict, repr=False)
    provider_data: dict[str, str] | None = Field(default=None, repr=False)
    tags: list[str] = Field(default_factory=list)
    retrieve_objects_after_instantiation: bool | None = None

    @model_validator(mode="after")
    def _one_element(self) -> CreateInstanceRequest:
        if (self.element_key is None) == (self.element_id is None):
            raise ValueError("set exactly one of element_key and element_id")
        if self.element_key is not None and not self.element_key.strip():
            raise ValueError("element_key must not be empty")
        return self

    @property
    def element_ref(self) -> str:
        """The connector as the API's ``{keyOrId}`` path segment."""
        return self.element_key if self.element_key is not None else str(self.element_id)

    def secret_values(self) -> list[str]:
        """Values that must never appear in logs or errors."""
        return [*self.configuration.values(), *(self.provider_data or {}).values()]

    def to_body(self, *, include_element: bool = True) -> dict[str, Any]:
        """The JSON body, keys in the documented order.

        ``include_element=False`` for ``POST /elements/{keyOrId}/instances``, whose body carries
        no ``element``.
        """
        body: dict[str, Any] = {}
        if include_element:
            body["element"] = (
                {"key": self.element_key}
                if self.element_key is not None
                else {"id": self.element_id}
            )
        if self.provider_data is not None:
            body["providerData"] = dict(self.provider_data)
        body["configuration"] = dict(self.configuration)
        body["tags"] = list(self.tags)
        body["name"] = self.name
        if self.retrieve_objects_after_instantiation is not None:
            body["retrieveObjectsAfterInstantiation"] = self.retrieve_objects_after_instantiation
        return body


class UpdateInstanceRequest(RequestModel):
    """A partial update (``PATCH``; also usable as a ``PUT`` body). Only set fields are sent.

    With PATCH, sent ``tags`` replace all tags and ``configuration`` is merged key by key.
    """

    name: str | None = Field(default=None, min_length=1)
    tags: list[str] | None = None
    configuration: dict[str, str] | None = Field(default=None, repr=False)
    disabled: bool | None = None

    def secret_values(self) -> list[str]:
        return list((self.configuration or {}).values())

    def to_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if self.name is not None:
            body["name"] = self.name
        if self.tags is not None:
            body["tags"] = list(self.tags)
        if self.configuration is not None:
            body["configuration"] = dict(self.configuration)
        if self.disabled is not None:
            body["disabled"] = self.disabled
        return body


def configuration_values(body: Mapping[str, Any]) -> list[str]:
    """String values under ``configuration`` and ``providerData`` of a raw body (for redaction)."""
    values: list[str] = []
    for key in ("configuration", "providerData"):
        section = body.get(key)
        if isinstance(section, Mapping):
            values.extend(str(v) for v in section.values() if v is not None)
    return values
