"""The connector catalog: an element ("connector") and its OAuth 2.0 redirect URL."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .base import ResponseModel
from .documents import DocumentModel


class ElementAuthentication(ResponseModel):
    type: str | None = None
    """e.g. ``oauth2``, ``basic``, ``custom``."""


class Element(ResponseModel):
    """A connector ("element") of the catalog, as in ``GET /elements`` and ``instance.element``."""

    id: int | None = None
    key: str
    name: str | None = None
    description: str | None = None
    image: str | None = None
    hub: str | None = None
    active: bool | None = None
    deleted: bool | None = None
    type_oauth: bool | None = Field(default=None, alias="typeOauth")
    trial_account: bool | None = Field(default=None, alias="trialAccount")
    protocol_type: str | None = Field(default=None, alias="protocolType")
    private: bool | None = None
    authentication: ElementAuthentication | None = None

    @property
    def auth_type(self) -> str | None:
        return self.authentication.type if self.authentication else None


class OAuthUrl(ResponseModel):
    """Answer of ``GET /elements/{keyOrId}/oauth/url``."""

    element: str | None = None
    oauth_url: str = Field(alias="oauthUrl")


class PrivateElement(DocumentModel):
    """A private element (a custom connector of the account) as ``POST``/``PUT /elements``,
    ``GET /elements/{keyOrId}`` and ``GET /elements/{id}/export`` answer it: validated for the
    fields the provider relies on, and kept whole (:meth:`DocumentModel.document`)."""

    id: int
    key: str
    name: str | None = None
    private: bool | None = None
    extended: bool | None = None
    authentication: ElementAuthentication | None = None
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    resources: list[dict[str, Any]] = Field(default_factory=list)
