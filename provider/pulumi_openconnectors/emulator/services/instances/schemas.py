"""Pydantic models of the connector-instance area's JSON documents (the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ...schemas import Element


class InstanceUser(BaseModel):
    id: int


class InstanceObject(BaseModel):
    name: str
    vendorName: str
    type: str = Field(description="vdr, ceCanonical or vendor")


class Instance(BaseModel):
    """A connector instance; secret configuration values are shown as `********`."""

    id: int
    name: str
    createdDate: str = Field(description="ISO 8601, UTC, like 2017-08-04T14:56:20Z")
    token: str
    element: Element
    elementId: int
    tags: list[str]
    provisionInteractions: list[dict[str, Any]]
    valid: bool
    disabled: bool
    maxCacheSize: int
    cacheTimeToLive: int
    configuration: dict[str, str]
    eventsEnabled: bool
    traceLoggingEnabled: bool
    cachingEnabled: bool
    externalAuthentication: str
    user: InstanceUser
    objects: list[InstanceObject] | None = None


class OAuthUrlQuery(BaseModel):
    """The query of GET /elements/{keyOrId}/oauth/url (`state` defaults to the element key;
    `apiSecret` and `siteAddress` are taken and not used, offline)."""

    apiKey: str = Field(min_length=1)
    apiSecret: str = Field(min_length=1)
    callbackUrl: str = Field(min_length=1)
    state: str | None = None
    scope: str | None = None
    siteAddress: str | None = None


class OAuthUrl(BaseModel):
    element: str
    oauthUrl: str


class ElementRef(BaseModel):
    key: str | None = None
    id: int | None = None


class ProviderData(BaseModel):
    code: str | None = None


class ElementInstanceCreateBody(BaseModel):
    """Body of POST /elements/{keyOrId}/instances (an `element`, if any, must name that one).

    `configuration` must hold the element's required keys; an OAuth 2.0 element needs a
    `providerData.code` issued for `configuration["oauth.api.key"]`."""

    element: ElementRef | None = None
    providerData: ProviderData | None = None
    configuration: dict[str, str] | None = None
    tags: list[str] | None = None
    name: str = Field(min_length=1, max_length=255, pattern=r"\S")
    retrieveObjectsAfterInstantiation: bool | None = None
    disabled: bool | None = None


class InstanceCreateBody(ElementInstanceCreateBody):
    """Body of POST /instances: the element is named by `element.key` or `element.id`."""

    element: ElementRef


class InstanceUpdateBody(BaseModel):
    """Body of PATCH (every field optional, configuration merged) and PUT (replaces)."""

    element: ElementRef | None = None
    name: str | None = Field(default=None, min_length=1, max_length=255, pattern=r"\S")
    tags: list[str] | None = None
    configuration: dict[str, str] | None = None
    disabled: bool | None = None
