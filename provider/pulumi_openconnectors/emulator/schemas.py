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
    """A connector, shaped like the `element` object of an instance in the API docs (a private
    element answers its other keys too: configuration, resources, hooks, ...)."""

    model_config = ConfigDict(populate_by_name=True, extra="allow")

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


class Stats(BaseModel):
    """Request counts, fault firings, and one count per stored kind (`instances`, ...)."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, int] = Field(init=False)

    requests: dict[str, int]
    faultsFired: list[int] = Field(description="how often each fault rule fired, by index")
    peakInFlight: int = Field(
        description="the most platform requests in flight at once since the last reset"
    )


class Empty(BaseModel):
    pass


_FAULTS = {
    429: "only from fault injection (`/_emulator/faults`), with `Retry-After` when configured",
    503: "only from fault injection (`/_emulator/faults`), with `Retry-After` when configured",
}
_RETRY_AFTER = {"Retry-After": {"description": "seconds", "schema": {"type": "string"}}}


def error_responses(*statuses: int, faults: bool = True) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a router or route: these statuses answer the JSON error body; with
    `faults`, also the 429 and 503 that fault rules answer (platform routes only; a rule may
    name any other status, which the document does not list)."""
    responses: dict[int | str, dict[str, Any]] = {s: {"model": ErrorBody} for s in statuses}
    if faults:
        for status, description in _FAULTS.items():
            responses[status] = {
                "model": ErrorBody,
                "description": description,
                "headers": _RETRY_AFTER,
            }
    return responses


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
