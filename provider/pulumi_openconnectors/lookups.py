"""Lookups a Pulumi program needs, as plain functions (like :func:`get_oauth_url`).

In a Pulumi program they use the stack's ``openconnectors:*`` config (explicit arguments win),
elsewhere the ``OPENCONNECTORS_*`` environment variables. They read only; use them to refer to
objects this stack does not manage (an instance made by another team, a connector's id).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .oauth import program_client


@dataclass(frozen=True)
class Connector:
    """A connector of the catalog."""

    key: str
    id: int | None
    name: str | None
    auth_type: str | None
    """``oauth2``, ``basic``, ``custom``, ..."""
    hub: str | None


@dataclass(frozen=True)
class ExistingInstance:
    """A connector instance that exists in the organization (its token is not included)."""

    id: int
    name: str | None
    element_key: str | None
    tags: tuple[str, ...]
    disabled: bool | None


def get_connector(
    key_or_id: str | int,
    *,
    base_url: str | None = None,
    user_secret: str | None = None,
    organization_secret: str | None = None,
) -> Connector:
    """The connector ``key_or_id`` (``GET /elements/{keyOrId}``); NotFoundError if unknown."""
    with program_client(base_url, user_secret, organization_secret) as client:
        element = client.get_element(key_or_id)
    return Connector(
        key=element.key,
        id=element.id,
        name=element.name,
        auth_type=element.auth_type,
        hub=element.hub,
    )


def find_instances(
    *,
    tags: Iterable[str] | None = None,
    name: str | None = None,
    element_key: str | None = None,
    base_url: str | None = None,
    user_secret: str | None = None,
    organization_secret: str | None = None,
) -> list[ExistingInstance]:
    """Connector instances carrying every tag in ``tags`` (``GET /instances?tags[]=…``), and,
    when given, exactly this ``name`` and connector; ordered by id. Nothing found is ``[]``."""
    with program_client(base_url, user_secret, organization_secret) as client:
        instances = client.list_instances(tags=list(tags) if tags is not None else None)
    found = [
        ExistingInstance(
            id=i.id,
            name=i.name,
            element_key=i.element_key,
            tags=tuple(i.tags),
            disabled=i.disabled,
        )
        for i in instances
        if name in (None, i.name) and element_key in (None, i.element_key)
    ]
    return sorted(found, key=lambda i: i.id)
