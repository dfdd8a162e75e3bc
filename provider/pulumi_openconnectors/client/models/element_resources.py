"""An element's resources (``/elements/{keyOrId}/resources``) and an extended connector: a
catalog element with resources of the account's own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from .documents import DocumentModel

SYSTEM_ACCOUNT_ID = 1
"""``ownerAccountId`` of the resources that come with a catalog element (the-doctor keeps the
resources whose owner is not 1 as the account's own)."""


class ElementResource(DocumentModel):
    """One resource of an element: an API call (``method``, ``path``) the connector maps onto
    the vendor's; kept whole (:meth:`DocumentModel.document`)."""

    id: int
    path: str
    method: str
    owner_account_id: int | None = Field(default=None, alias="ownerAccountId")
    element_id: int | None = Field(default=None, alias="elementId")

    @property
    def own(self) -> bool:
        """The account's own resource: its owner is not the catalog's account (a resource
        without ``ownerAccountId`` counts as the account's: a platform that lists only the
        account's resources need not name the owner)."""
        return self.owner_account_id != SYSTEM_ACCOUNT_ID

    @property
    def route(self) -> tuple[str, str]:
        """``(METHOD, path)``: the resource's identity among an account's resources of one
        element (as the-doctor matches them)."""
        return (self.method.upper(), self.path)


@dataclass(frozen=True)
class Extension:
    """A catalog element as the account extended it: its key, its id when known, and the
    account's own resources (not the catalog's)."""

    key: str
    element_id: int | None
    resources: tuple[ElementResource, ...] = field(default=())

    def document(self) -> dict[str, Any]:
        return {"key": self.key, "resources": [r.document() for r in self.resources]}
