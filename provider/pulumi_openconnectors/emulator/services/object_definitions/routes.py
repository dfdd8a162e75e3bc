"""Organization-level object definitions (common resources)."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request

from ...bodies import ObjectName, bad, check_object_name, json_object, json_object_after
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind
from ...errors import ApiError, found
from ...references import References
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX
from .schemas import Definition, DefinitionBody, DefinitionEntry

KIND = "objectDefinition"
LEVEL = "organization"
DEFINITIONS = DocumentKind(KIND, "objectDefinitions", first_id=1)

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 404, 405, 409, 415),
    tags=["object definitions"],
)
_PATH = "/organizations/objects/{objectName}/definitions"
_ANSWER: dict[str, Any] = {"response_model": Definition, "response_model_exclude_unset": True}
_WRITE: dict[str, Any] = {**_ANSWER, "openapi_extra": json_body(DefinitionBody)}


def check_definition(body: dict[str, Any]) -> dict[str, Any]:
    """`fields`: a list of {path, type} (strings, paths unique); other keys are kept."""
    fields = body.get("fields")
    if not isinstance(fields, list):
        raise bad("fields is required: a list of {path, type}")
    seen: set[str] = set()
    for index, field in enumerate(fields):
        if not isinstance(field, dict):
            raise bad(f"fields[{index}] must be an object with path and type")
        for key in ("path", "type"):
            value = field.get(key)
            if not isinstance(value, str) or not value.strip():
                raise bad(f"fields[{index}].{key} is required (a non-empty string)")
        if field["path"] in seen:
            raise bad(f"fields[{index}].path '{field['path']}' appears twice")
        seen.add(field["path"])
    return {**{k: v for k, v in body.items() if k not in SERVER_FIELDS}, "level": LEVEL}


SERVER_FIELDS = ("id", "level", "objectName", "vdrShared")


def answered(definition: dict[str, Any], ident: int, name: str) -> dict[str, Any]:
    """The definition as the platform holds and answers it: with its id, name, level and
    `vdrShared: false`, and `level` on each field (keys a body sets on a field are kept)."""
    fields = [{**f, "level": f.get("level", LEVEL)} for f in definition["fields"]]
    return {
        **definition,
        "fields": fields,
        "id": ident,
        "objectName": name,
        "vdrShared": False,
    }


def _get(conn: sqlite3.Connection, org: str, name: str) -> Document:
    return found(DEFINITIONS.by_key(conn, org, name), f"No object definition named '{name}'")


@router.get("/organizations/objects/definitions", response_model=dict[str, DefinitionEntry])
async def list_definitions(runtime: RuntimeDep, account: AccountDep) -> Any:
    """Map of name -> {fields, level}; none: 404 `No object definitions found`."""
    with runtime.store.transaction() as conn:
        docs = DEFINITIONS.list(conn, account.organization_id)
    if not docs:
        raise ApiError(404, "No object definitions found")
    return {str(d.key): {"fields": d.body["fields"], "level": LEVEL} for d in docs}


@router.post(_PATH, **_WRITE)
async def create_definition(
    objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    name = check_object_name(objectName)
    definition = check_definition(await json_object(request))
    org = account.organization_id
    with runtime.store.transaction() as conn:
        if DEFINITIONS.by_key(conn, org, name) is not None:
            raise ApiError(409, f"An object definition named '{name}' already exists")
        ident = DEFINITIONS.new_id(conn)
        definition = answered(definition, ident, name)
        DEFINITIONS.insert(conn, Document(ident, org, name, definition))
    return definition


@router.get(_PATH, **_ANSWER)
async def get_definition(objectName: ObjectName, runtime: RuntimeDep, account: AccountDep) -> Any:
    name = check_object_name(objectName)
    with runtime.store.transaction() as conn:
        return _get(conn, account.organization_id, name).body


@router.put(_PATH, **_WRITE)
async def put_definition(
    objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    name = check_object_name(objectName)
    org = account.organization_id
    definition = check_definition(
        await json_object_after(request, runtime.store, lambda conn: _get(conn, org, name))
    )
    with runtime.store.transaction() as conn:
        old = _get(conn, org, name)
        definition = answered(definition, old.id, name)
        DEFINITIONS.replace(conn, Document(old.id, old.org, name, definition))
    return definition


@router.delete(_PATH, response_model=Empty)
async def delete_definition(
    objectName: ObjectName, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """409 while a transformation uses the definition."""
    name = check_object_name(objectName)
    org = account.organization_id
    with runtime.store.transaction() as conn:
        doc = _get(conn, org, name)
        runtime.references.deleting(conn, KIND, org, name)
        DEFINITIONS.delete(conn, org, doc.id)
    return {}


def lookup(refs: References, conn: sqlite3.Connection, org: str, key: int | str) -> Any:
    """The `objectDefinition` lookup hook: a definition by name."""
    doc = DEFINITIONS.by_key(conn, org, str(key))
    return None if doc is None else doc.body
