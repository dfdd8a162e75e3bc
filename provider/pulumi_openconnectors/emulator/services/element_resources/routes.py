"""An account's own resources on a catalog element: `GET`/`POST /elements/{keyOrId}/resources`,
`GET`/`PUT`/`DELETE /elements/{keyOrId}/resources/{id}`.

The list answers the element's resources as the account sees them: the catalog's (owned by
account 1: read only, 403 on a change) and the account's own. One account resource per method
and path on an element (a second: 409); one may have the method and path of a catalog resource
(it is the account's version of that call)."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request

from ...bodies import json_object_after
from ...catalog import ELEMENT, Connector, find_connector
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind, ref
from ...errors import ApiError
from ...references import References
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX
from ...times import now_iso
from .rules import answered, check_resource, owner_account_id, route_of, system_resources
from .schemas import ElementResource, ResourceBody

RESOURCES = DocumentKind("elementResource", "elementResources", first_id=500001)
"""Keyed by `<element key> <METHOD> <path>` (unique per organization)."""

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 403, 404, 405, 409, 415),
    tags=["elements"],
)
_ANSWER: dict[str, Any] = {"response_model": ElementResource}
_WRITE: dict[str, Any] = {**_ANSWER, "openapi_extra": json_body(ResourceBody)}
_READ_ONLY = (
    "Resource {id} comes with the catalog's element and cannot be changed or deleted: add a "
    "resource of your own (POST /elements/{key}/resources)"
)


def _catalog(refs: References, conn: sqlite3.Connection, org: str, key_or_id: str) -> Connector:
    """The catalog element to extend; 404 for nothing, and for a custom connector (saying
    why: the request is well formed, there is just no catalog element of that key)."""
    connector = find_connector(key_or_id)
    if connector is not None:
        return connector
    if refs.find(conn, ELEMENT, org, key_or_id) is not None:
        raise ApiError(
            404,
            f"'{key_or_id}' is a custom connector of this organization: its resources are "
            "replaced with the element (PUT /elements/{keyOrId}); the emulator adds an "
            "account's resources to catalog elements only",
        )
    raise ApiError(404, "No element with that key or id")


def _own(conn: sqlite3.Connection, org: str, connector: Connector) -> list[Document]:
    return RESOURCES.list(conn, org, refers_to=ref(ELEMENT, connector.key))


def _one(conn: sqlite3.Connection, org: str, connector: Connector, ident: str) -> Document:
    """The account's own resource of that id on the element; 403 for a catalog resource."""
    doc = RESOURCES.get(conn, org, int(ident)) if ident.isascii() and ident.isdigit() else None
    if doc is not None and ref(ELEMENT, connector.key) in doc.refs:
        return doc
    if any(str(r["id"]) == ident for r in system_resources(connector)):
        raise ApiError(403, _READ_ONLY.format(id=ident, key=connector.key))
    raise ApiError(404, f"No resource {ident} on element '{connector.key}'")


def _taken(conn: sqlite3.Connection, org: str, key: str, ident: int | None) -> None:
    found = RESOURCES.by_key(conn, org, key)
    if found is not None and found.id != ident:
        raise ApiError(
            409,
            f"The element already has a resource of yours for {key.split(' ', 1)[1]} "
            f"(id {found.id}): update that one",
        )


@router.get("/elements/{keyOrId}/resources", response_model=list[ElementResource])
async def list_resources(keyOrId: str, runtime: RuntimeDep, account: AccountDep) -> Any:
    """The catalog's resources of the element, then the account's own, by id."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = _catalog(runtime.references, conn, org, keyOrId)
        return system_resources(connector) + [doc.body for doc in _own(conn, org, connector)]


@router.post("/elements/{keyOrId}/resources", **_WRITE)
async def create_resource(
    keyOrId: str, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """409 when the account already has a resource of that method and path on the element."""
    org = account.organization_id
    body = await json_object_after(
        request, runtime.store, lambda conn: _catalog(runtime.references, conn, org, keyOrId)
    )
    document = check_resource(body)
    when = now_iso(runtime.settings.clock())
    with runtime.store.transaction() as conn:
        connector = _catalog(runtime.references, conn, org, keyOrId)
        key = f"{connector.key} {route_of(document)}"
        _taken(conn, org, key, None)
        ident = RESOURCES.new_id(conn)
        resource = answered(document, ident, connector.id, owner_account_id(org), when, when)
        RESOURCES.insert(conn, Document(ident, org, key, resource, (ref(ELEMENT, connector.key),)))
    return resource


@router.get("/elements/{keyOrId}/resources/{id}", **_ANSWER)
async def get_resource(keyOrId: str, id: str, runtime: RuntimeDep, account: AccountDep) -> Any:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = _catalog(runtime.references, conn, org, keyOrId)
        for resource in system_resources(connector):
            if str(resource["id"]) == id:
                return resource
        return _one(conn, org, connector, id).body


@router.put("/elements/{keyOrId}/resources/{id}", **_WRITE)
async def replace_resource(
    keyOrId: str, id: str, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """The whole resource is replaced (its method and path may change, within the rule of one
    resource per method and path)."""
    org = account.organization_id

    def look(conn: sqlite3.Connection) -> None:
        _one(conn, org, _catalog(runtime.references, conn, org, keyOrId), id)

    body = await json_object_after(request, runtime.store, look)
    document = check_resource(body)
    with runtime.store.transaction() as conn:
        connector = _catalog(runtime.references, conn, org, keyOrId)
        old = _one(conn, org, connector, id)
        key = f"{connector.key} {route_of(document)}"
        _taken(conn, org, key, old.id)
        when = now_iso(runtime.settings.clock())
        created = str(old.body.get("createdDate", when))
        resource = answered(document, old.id, connector.id, owner_account_id(org), created, when)
        RESOURCES.replace(conn, Document(old.id, org, key, resource, old.refs))
    return resource


@router.delete("/elements/{keyOrId}/resources/{id}", response_model=Empty)
async def delete_resource(keyOrId: str, id: str, runtime: RuntimeDep, account: AccountDep) -> Any:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = _catalog(runtime.references, conn, org, keyOrId)
        RESOURCES.delete(conn, org, _one(conn, org, connector, id).id)
    return {}


def extension(
    refs: References, conn: sqlite3.Connection, org: str, key: int | str
) -> dict[str, Any] | None:
    """The `elementExtension` lookup hook: what a catalog element shows once the account has
    resources of its own on it (`extended`, the catalog's and the account's resources), or
    None when it has none."""
    connector = find_connector(key)
    if connector is None:
        return None
    own = [doc.body for doc in _own(conn, org, connector)]
    if not own:
        return None
    return {"extended": True, "resources": system_resources(connector) + own}
