"""Transformations per connector (organization level) and per connector instance."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request

from ...bodies import ObjectName, check_object_name, json_object, json_object_after
from ...catalog import require_connector_of
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind, Users, ref
from ...errors import ApiError, found
from ...references import References
from ...runtime import Runtime
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX, Account
from ...times import now_timestamp
from .rules import check_transformation
from .schemas import Transformation, TransformationBody

DEFINITION = "objectDefinition"  # the object-definition area's kind, in reference hooks
INSTANCE = "instance"  # a connector instance, in reference hooks
TRANSFORMATIONS = DocumentKind("transformation", "transformations", first_id=1)

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 404, 405, 409, 415),
    tags=["transformations"],
)
_ORG = "/organizations/elements/{keyOrId}/transformations"
_INSTANCE = "/instances/{id}/transformations"
_ANSWER: dict[str, Any] = {"response_model": Transformation, "response_model_exclude_unset": True}
_WRITE: dict[str, Any] = {**_ANSWER, "openapi_extra": json_body(TransformationBody)}


@dataclass(frozen=True)
class Scope:
    """Where a transformation applies: a connector (organization level) or an instance, in
    an organization."""

    org: str
    level: str
    prefix: str
    label: str
    refs: tuple[str, ...]
    instance_id: int | None = None

    def key(self, object_name: str) -> str:
        return f"{self.prefix}/{object_name}"


def _element_scope(runtime: Runtime, account: Account, key_or_id: str) -> Scope:
    """A connector of the catalog, or a private element of the organization."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = require_connector_of(runtime.references, conn, org, key_or_id)
    return Scope(org, "organization", f"element:{connector.key}", f"element '{connector.key}'", ())


def _instance_scope(runtime: Runtime, account: Account, instance_id: int) -> Scope:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        found(runtime.references.find(conn, INSTANCE, org, instance_id), _no_instance(instance_id))
    return Scope(
        org,
        "instance",
        f"instance:{instance_id}",
        f"instance {instance_id}",
        (ref(INSTANCE, instance_id),),
        instance_id,
    )


def _no_instance(instance_id: int) -> str:
    return f"No instance with id {instance_id}"


def _get(conn: sqlite3.Connection, scope: Scope, name: str) -> Document:
    doc = TRANSFORMATIONS.by_key(conn, scope.org, scope.key(name))
    return found(doc, f"No transformation of '{name}' for {scope.label}")


def _list(runtime: Runtime, scope: Scope) -> dict[str, Any]:
    with runtime.store.transaction() as conn:
        docs = TRANSFORMATIONS.list(conn, scope.org)
    listed = {
        str(d.body["objectName"]): d.body
        for d in docs
        if d.key is not None and d.key.startswith(scope.prefix + "/")
    }
    if not listed:
        raise ApiError(404, "No transformations found")
    return listed


async def _write(
    request: Request, runtime: Runtime, scope: Scope, object_name: str, create: bool
) -> dict[str, Any]:
    name = check_object_name(object_name)
    org = scope.org
    if create:
        body = await json_object(request)
    else:
        body = await json_object_after(request, runtime.store, lambda conn: _get(conn, scope, name))
    with runtime.store.transaction() as conn:
        if scope.instance_id is not None:  # deleted since the look above: nothing may refer to it
            instance = runtime.references.find(conn, INSTANCE, org, scope.instance_id)
            found(instance, _no_instance(scope.instance_id))
        definition = runtime.references.find(conn, DEFINITION, org, name)
        transformation = check_transformation(body, name, definition, scope.level)
        refs = (ref(DEFINITION, name), *scope.refs)
        if create:
            if TRANSFORMATIONS.by_key(conn, org, scope.key(name)) is not None:
                raise ApiError(
                    409, f"A transformation of '{name}' for {scope.label} already exists"
                )
            transformation["startDate"] = now_timestamp(runtime.settings.clock())
            doc_id = TRANSFORMATIONS.new_id(conn)
            TRANSFORMATIONS.insert(
                conn, Document(doc_id, org, scope.key(name), transformation, refs)
            )
        else:
            old = _get(conn, scope, name)
            transformation["startDate"] = old.body.get("startDate")
            TRANSFORMATIONS.replace(conn, Document(old.id, org, old.key, transformation, refs))
    return transformation


def _read(runtime: Runtime, scope: Scope, object_name: str) -> dict[str, Any]:
    name = check_object_name(object_name)
    with runtime.store.transaction() as conn:
        return _get(conn, scope, name).body


def _delete(runtime: Runtime, scope: Scope, object_name: str) -> dict[str, Any]:
    name = check_object_name(object_name)
    with runtime.store.transaction() as conn:
        doc = _get(conn, scope, name)
        TRANSFORMATIONS.delete(conn, scope.org, doc.id)
    return {}


# -- organization level, per connector -----------------------------------------------------


@router.get(_ORG, response_model=dict[str, Transformation], response_model_exclude_unset=True)
async def list_element_transformations(
    keyOrId: str, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """Map of object name -> transformation; none: 404 `No transformations found`."""
    return _list(runtime, _element_scope(runtime, account, keyOrId))


@router.post(_ORG + "/{objectName}", **_WRITE)
async def create_element_transformation(
    keyOrId: str, objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _write(
        request, runtime, _element_scope(runtime, account, keyOrId), objectName, True
    )


@router.get(_ORG + "/{objectName}", **_ANSWER)
async def get_element_transformation(
    keyOrId: str, objectName: ObjectName, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return _read(runtime, _element_scope(runtime, account, keyOrId), objectName)


@router.put(_ORG + "/{objectName}", **_WRITE)
async def put_element_transformation(
    keyOrId: str, objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _write(
        request, runtime, _element_scope(runtime, account, keyOrId), objectName, False
    )


@router.delete(_ORG + "/{objectName}", response_model=Empty)
async def delete_element_transformation(
    keyOrId: str, objectName: ObjectName, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return _delete(runtime, _element_scope(runtime, account, keyOrId), objectName)


# -- instance level ------------------------------------------------------------------------


@router.get(_INSTANCE, response_model=dict[str, Transformation], response_model_exclude_unset=True)
async def list_instance_transformations(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    """Not in the documents (the emulator offers it): like the per-connector list."""
    return _list(runtime, _instance_scope(runtime, account, id))


@router.post(_INSTANCE + "/{objectName}", **_WRITE)
async def create_instance_transformation(
    id: int, objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _write(request, runtime, _instance_scope(runtime, account, id), objectName, True)


@router.get(_INSTANCE + "/{objectName}", **_ANSWER)
async def get_instance_transformation(
    id: int, objectName: ObjectName, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return _read(runtime, _instance_scope(runtime, account, id), objectName)


@router.put(_INSTANCE + "/{objectName}", **_WRITE)
async def put_instance_transformation(
    id: int, objectName: ObjectName, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _write(request, runtime, _instance_scope(runtime, account, id), objectName, False)


@router.delete(_INSTANCE + "/{objectName}", response_model=Empty)
async def delete_instance_transformation(
    id: int, objectName: ObjectName, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return _delete(runtime, _instance_scope(runtime, account, id), objectName)


# -- reference hooks -----------------------------------------------------------------------


def definition_users(users: Users) -> str:
    """Referrer of object definitions: one that a transformation uses cannot be deleted."""
    docs = users.docs
    where = ", ".join(sorted({str(d.key).rsplit("/", 1)[0].replace(":", " ") for d in docs}))
    return (
        f"Object definition '{users.key}' is used by {len(docs)} transformation(s) ({where}); "
        "delete them first"
    )


def drop_instance_transformations(
    refs: References, conn: sqlite3.Connection, org: str, key: int | str
) -> None:
    """Cascade of a connector instance: its transformations go with it."""
    for doc in TRANSFORMATIONS.list(conn, org, refers_to=ref(INSTANCE, key)):
        TRANSFORMATIONS.delete(conn, org, doc.id)
