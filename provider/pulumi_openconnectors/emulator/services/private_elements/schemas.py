"""Pydantic models of private elements (the OpenAPI document)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_KEEP = ConfigDict(extra="allow")


class ElementAuthentication(BaseModel):
    model_config = _KEEP

    type: str = Field(pattern=r"\S", description="basic, custom, oauth1, oauth2, ...")


class ElementConfigurationEntry(BaseModel):
    model_config = _KEEP

    key: str = Field(pattern=r"\S", description="unique in the element: base.url, username, ...")


class ElementResource(BaseModel):
    model_config = _KEEP

    path: str = Field(pattern=r"^/", description="/hubs/{hub}/{object}[/{id}]")
    method: str = Field(pattern=r"^(GET|POST|PUT|PATCH|DELETE)$")


class ElementBody(BaseModel):
    """POST /elements and PUT /elements/{keyOrId} (other keys kept)."""

    model_config = _KEEP

    name: str = Field(pattern=r"\S")
    key: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$",
        description="unique in the organization; default: the name in lower case, letters and "
        "digits only",
    )
    authentication: ElementAuthentication
    configuration: list[ElementConfigurationEntry] | None = None
    resources: list[ElementResource] | None = None
    hub: str | None = None
    description: str | None = None
    image: str | None = None


class PrivateElement(ElementBody):
    """A private element as the platform answers it (every key the body had, and the
    server's)."""

    id: int
    key: str
    private: bool
    createdDate: str
    updatedDate: str
