"""Pydantic models of the API's JSON documents; they drive the OpenAPI document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    requestId: str
    message: str
    providerMessage: str | None = None


class Authentication(BaseModel):
    type: str


class Element(BaseModel):
    """A connector, shaped like the `element` object of an instance in the API docs."""

    model_config = ConfigDict(populate_by_name=True)

    id: int
    name: str
    hookName: str
    key: str
    description: str
    image: str
    active: bool
    deleted: bool
    typeOauth: bool
    trialAccount: bool
    resources: list[dict[str, Any]]
    transformationsEnabled: bool
    bulkDownloadEnabled: bool
    bulkUploadEnabled: bool
    cloneable: bool
    extendable: bool
    beta: bool
    authentication: Authentication
    extended: bool
    hub: str
    protocolType: str
    parameters: list[dict[str, Any]]
    private: bool


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


class OAuthUrl(BaseModel):
    element: str
    oauthUrl: str


class ElementRef(BaseModel):
    key: str | None = None
    id: int | None = None


class ProviderData(BaseModel):
    code: str | None = None


class InstanceCreateBody(BaseModel):
    """Body of POST /instances (POST /elements/{keyOrId}/instances: without `element`)."""

    element: ElementRef | None = None
    providerData: ProviderData | None = None
    configuration: dict[str, str] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)
    name: str = Field(min_length=1, max_length=255)
    retrieveObjectsAfterInstantiation: bool = False
    disabled: bool = False


class InstanceUpdateBody(BaseModel):
    """Body of PATCH (every field optional, configuration merged) and PUT (replaces)."""

    element: ElementRef | None = None
    name: str | None = Field(default=None, min_length=1, max_length=255)
    tags: list[str] | None = None
    configuration: dict[str, str] | None = None
    disabled: bool | None = None


class Stats(BaseModel):
    requests: dict[str, int]
    instances: int
    faultsFired: list[int] = Field(description="how often each fault rule fired, by index")
    peakInFlight: int = Field(
        description="the most platform requests in flight at once since the last reset"
    )


class Empty(BaseModel):
    pass


BODY_MODELS: tuple[type[BaseModel], ...] = (InstanceCreateBody, InstanceUpdateBody)


def json_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` documenting a JSON body that the handler parses itself."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    }
