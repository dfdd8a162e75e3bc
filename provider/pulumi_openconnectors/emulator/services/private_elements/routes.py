"""Private elements: `POST /elements`, `PUT`/`DELETE /elements/{keyOrId}`,
`GET /elements/{keyOrId}/export`; reads go through the catalog's routes (hooks below)."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request

from ...bodies import json_object, json_object_after
from ...catalog import ELEMENT, EXTENSION, SYSTEM_ACCOUNT_ID, find_connector
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind
from ...errors import ApiError
from ...references import References
from ...schemas import Element, Empty, error_responses, json_body
from ...settings import API_PREFIX
from ...times import now_iso
from .rules import answered, check_element
from .schemas import ElementBody, PrivateElement

ELEMENTS = DocumentKind(ELEMENT, "privateElements", first_id=100001)
"""Keyed by the element key (unique per organization); ids above the catalog's."""

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 404, 405, 409, 415),
    tags=["elements"],
)
_ANSWER: dict[str, Any] = {"response_model": PrivateElement}
_WRITE: dict[str, Any] = {**_ANSWER, "openapi_extra": json_body(ElementBody)}


def _find(conn: sqlite3.Connection, org: str, key_or_id: str | int) -> Document | None:
    """A private element of the organization by key, or by id (an int or digits)."""
    doc = ELEMENTS.by_key(conn, org, str(key_or_id))
    if doc is None and str(key_or_id).isascii() and str(key_or_id).isdigit():
        doc = ELEMENTS.get(conn, org, int(key_or_id))
    return doc


def _get(conn: sqlite3.Connection, org: str, key_or_id: str) -> Document:
    doc = _find(conn, org, key_or_id)
    if doc is None:
        raise ApiError(404, f"No private element with key or id '{key_or_id}'")
    return doc


@router.post("/elements", **_WRITE)
async def create_element(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    """409 when the key is taken (by a private element of the organization, or the catalog)."""
    key, document = check_element(await json_object(request))
    org = account.organization_id
    when = now_iso(runtime.settings.clock())
    with runtime.store.transaction() as conn:
        if find_connector(key) is not None or ELEMENTS.by_key(conn, org, key) is not None:
            raise ApiError(409, f"An element with key '{key}' already exists")
        ident = ELEMENTS.new_id(conn)
        element = answered(document, ident, when, when)
        ELEMENTS.insert(conn, Document(ident, org, key, element))
    return element


@router.put("/elements/{keyOrId}", **_WRITE)
async def replace_element(
    keyOrId: str, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """The whole element is replaced; a `key` in the body must be the element's own."""
    org = account.organization_id
    body = await json_object_after(request, runtime.store, lambda conn: _get(conn, org, keyOrId))
    with runtime.store.transaction() as conn:
        old = _get(conn, org, keyOrId)
        key, document = check_element({"key": old.key, **body})
        if key != old.key:
            raise ApiError(400, f"key cannot change (the element's key is '{old.key}')")
        when = now_iso(runtime.settings.clock())
        element = answered(document, old.id, str(old.body.get("createdDate", when)), when)
        ELEMENTS.replace(conn, Document(old.id, org, key, element))
    return element


@router.delete("/elements/{keyOrId}", response_model=Empty)
async def delete_element(keyOrId: str, runtime: RuntimeDep, account: AccountDep) -> Any:
    """409 while a connector instance of the element exists."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        doc = _get(conn, org, keyOrId)
        runtime.references.deleting(conn, ELEMENT, org, str(doc.key))
        ELEMENTS.delete(conn, org, doc.id)
    return {}


@router.get("/elements/{keyOrId}/export", response_model=PrivateElement | Element)
async def export_element(
    keyOrId: str, runtime: RuntimeDep, account: AccountDep, extendedOnly: bool = False
) -> Any:
    """The element document as the platform exports it (by id, as the platform's tools call
    it, or by key). A catalog element the account extended is exported too, with the
    account's own resources only when `extendedOnly=true` (the-doctor's download)."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = find_connector(keyOrId)
        extension = (
            None
            if connector is None
            else runtime.references.find(conn, EXTENSION, org, connector.key)
        )
        if connector is None or extension is None:
            return _get(conn, org, keyOrId).body
    element = {**connector.element_json(), **extension}
    if extendedOnly:
        element["resources"] = [
            r for r in element["resources"] if r.get("ownerAccountId") != SYSTEM_ACCOUNT_ID
        ]
    return element


def lookup(
    refs: References, conn: sqlite3.Connection, org: str, key: int | str
) -> dict[str, Any] | None:
    """The `element` lookup hook: a private element of the organization, by key or id."""
    doc = _find(conn, org, key)
    return None if doc is None else doc.body


def listing(refs: References, conn: sqlite3.Connection, org: str) -> list[dict[str, Any]]:
    """The `element` listing hook: the organization's private elements, by id."""
    return [doc.body for doc in ELEMENTS.list(conn, org)]
