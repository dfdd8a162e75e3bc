"""v2 VDRs of an organization: `/vdrs` (list, create), `/vdrs/{id}`, the whole document
(`GET /vdrs/{name}/export`, `PUT /vdrs/import`)."""

from __future__ import annotations

import re
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ...bodies import ObjectName, bad, check_object_name, check_optional_str, json_object
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind
from ...errors import ApiError, found
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX
from ...store import next_id
from .rules import LEVEL, check_document, check_fields, check_vdr_name, present
from .schemas import Vdr, VdrBody, VdrDocument, VdrDocumentBody

VDRS = DocumentKind("vdr", "vdrs", first_id=1)

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 404, 405, 409, 415),
    tags=["vdrs"],
)
_SUMMARY: dict[str, Any] = {"response_model": Vdr, "response_model_exclude_unset": True}
_DOCUMENT: dict[str, Any] = {"response_model": VdrDocument, "response_model_exclude_unset": True}

_QUOTED = r"'((?:[^']|'')*)'"
_ONE = r"'(?:[^']|'')*'"
WHERE = rf"^\s*objectName\s*(?:=\s*{_ONE}|\s[iI][nN]\s*\(\s*{_ONE}(?:\s*,\s*{_ONE})*\s*\))\s*$"
"""`objectName in ('a', 'b')` or `objectName = 'a'` (the-doctor's reading of VDRs)."""
Where = Annotated[str | None, Query(pattern=WHERE, description="objectName in ('a', 'b')")]


def _names(where: str) -> set[str]:
    """The names `where` selects."""
    if not re.match(WHERE, where):
        raise bad("where: only objectName in ('…', …) or objectName = '…' is supported")
    inside = where.split("=", 1)[1] if "(" not in where.split("'")[0] else where.split("(", 1)[1]
    return {m.replace("''", "'") for m in re.findall(_QUOTED, inside)}


def summary(document: dict[str, Any]) -> dict[str, Any]:
    """A VDR as the list, `POST /vdrs` and `GET /vdrs/{id}` answer it."""
    answer: dict[str, Any] = {
        "id": document["id"],
        "objectName": document["vdrName"],
        "vdrVersion": document["vdrVersion"],
        "fields": document["definition"]["fields"],
    }
    if "description" in document:
        answer["description"] = document["description"]
    return answer


def _with_ids(
    conn: sqlite3.Connection, ident: int, document: dict[str, Any], old: dict[str, Any] | None
) -> dict[str, Any]:
    """The document as stored: its id, an id and a level on each field (a field keeps its id
    while its path stays)."""
    kept = {
        f["path"]: f["id"] for f in (old or {}).get("definition", {}).get("fields", []) if "id" in f
    }
    fields = [
        {
            **field,
            "id": kept.get(field["path"]) or next_id(conn, "vdrFields", 1),
            "level": field.get("level", LEVEL),
        }
        for field in document["definition"]["fields"]
    ]
    return {**document, "id": ident, "definition": {**document["definition"], "fields": fields}}


def _by_name(conn: sqlite3.Connection, org: str, name: str) -> Document:
    return found(VDRS.by_key(conn, org, name), f"No VDR named '{name}'")


def _by_id(conn: sqlite3.Connection, org: str, ident: int) -> Document:
    return found(VDRS.get(conn, org, ident), f"No VDR with id {ident}")


@router.get("/vdrs", response_model=list[Vdr], response_model_exclude_unset=True)
async def list_vdrs(runtime: RuntimeDep, account: AccountDep, where: Where = None) -> Any:
    """The organization's VDRs (`where`: `objectName in ('a','b')`); none: `[]`."""
    names = None if where is None else _names(where)
    with runtime.store.transaction() as conn:
        docs = VDRS.list(conn, account.organization_id)
    return [summary(d.body) for d in docs if names is None or str(d.key) in names]


@router.post("/vdrs", **_SUMMARY, openapi_extra=json_body(VdrBody))
async def create_vdr(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    """A VDR with its definition and no transformation; 409 when the name is taken."""
    body = await json_object(request)
    name = check_vdr_name(body.get("objectName"), "objectName")
    check_optional_str(body, "description")
    fields = check_fields(present(body, "fields", list, "fields"), "fields")
    org = account.organization_id
    document: dict[str, Any] = {
        k: v for k, v in body.items() if k not in ("id", "objectName", "fields")
    }
    document.update(vdrVersion="v2", vdrName=name, definition={"fields": fields}, transformation={})
    with runtime.store.transaction() as conn:
        if VDRS.by_key(conn, org, name) is not None:
            raise ApiError(409, f"A VDR named '{name}' already exists")
        ident = VDRS.new_id(conn)
        document = _with_ids(conn, ident, document, None)
        VDRS.insert(conn, Document(ident, org, name, document))
    return summary(document)


@router.get("/vdrs/{objectName}/export", **_DOCUMENT)
async def export_vdr(objectName: ObjectName, runtime: RuntimeDep, account: AccountDep) -> Any:
    """The whole v2 document: definition and transformations."""
    name = check_object_name(objectName)
    with runtime.store.transaction() as conn:
        return _by_name(conn, account.organization_id, name).body


@router.put("/vdrs/import", **_DOCUMENT, openapi_extra=json_body(VdrDocumentBody))
async def import_vdr(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    """Create or replace the VDR of the document's `vdrName` (definition and transformations
    as given); the answer is the document as exported."""
    document = check_document(await json_object(request))
    org = account.organization_id
    name = document["vdrName"]
    with runtime.store.transaction() as conn:
        old = VDRS.by_key(conn, org, name)
        if old is None:
            ident = VDRS.new_id(conn)
            document = _with_ids(conn, ident, document, None)
            VDRS.insert(conn, Document(ident, org, name, document))
        else:
            document = _with_ids(conn, old.id, document, old.body)
            VDRS.replace(conn, Document(old.id, org, name, document))
    return document


@router.get("/vdrs/{id:int}", **_SUMMARY)
async def get_vdr(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    with runtime.store.transaction() as conn:
        return summary(_by_id(conn, account.organization_id, id).body)


@router.put("/vdrs/{id:int}", **_SUMMARY, openapi_extra=json_body(VdrBody))
async def put_vdr(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    """Replace the definition (a new `objectName` renames it; 409 when taken); the
    transformations stay."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        _by_id(conn, org, id)
    body = await json_object(request)
    name = check_vdr_name(body.get("objectName"), "objectName")
    check_optional_str(body, "description")
    fields = check_fields(present(body, "fields", list, "fields"), "fields")
    with runtime.store.transaction() as conn:
        old = _by_id(conn, org, id)
        taken = VDRS.by_key(conn, org, name)
        if taken is not None and taken.id != id:
            raise ApiError(409, f"A VDR named '{name}' already exists")
        document = {k: v for k, v in body.items() if k not in ("id", "objectName", "fields")}
        document = {
            **old.body,
            **document,
            "vdrName": name,
            "definition": {**old.body["definition"], "fields": fields},
        }
        document = _with_ids(conn, id, document, old.body)
        VDRS.replace(conn, Document(id, org, name, document))
    return summary(document)


@router.delete("/vdrs/{id:int}", response_model=Empty)
async def delete_vdr(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    """The VDR and its transformations."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        _by_id(conn, org, id)
        VDRS.delete(conn, org, id)
    return {}
