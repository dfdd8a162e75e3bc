"""Pydantic models of element resources (the OpenAPI document)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_KEEP = ConfigDict(extra="allow")


class ResourceBody(BaseModel):
    """POST /elements/{keyOrId}/resources and PUT …/resources/{id} (other keys kept:
    `vendorPath`, `vendorMethod`, `parameters`, `description`, `rootKey`, …)."""

    model_config = _KEEP

    path: str = Field(pattern=r"^/", description="/hubs/{hub}/{object}[/{id}]")
    method: str = Field(pattern=r"^(GET|POST|PUT|PATCH|DELETE)$")
    type: str | None = Field(default=None, description="default: api")


class ElementResource(ResourceBody):
    """A resource as the platform answers it."""

    id: int
    elementId: int
    ownerAccountId: int = Field(description="1: the catalog's; else the account's own")
    type: str | None = None
    createdDate: str | None = None
    updatedDate: str | None = None
