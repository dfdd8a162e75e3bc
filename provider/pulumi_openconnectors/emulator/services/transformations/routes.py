"""Transformations per connector (organization level) and per connector instance."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

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


# -- the routes of both levels -------------------------------------------------------------

ScopeOf = Callable[[Runtime, Account], Scope]
"""The scope a request's path names, looked up once the caller is known (after every path
parameter is validated, as the routes always did)."""


async def _connector_path(keyOrId: str) -> ScopeOf:
    return lambda runtime, account: _element_scope(runtime, account, keyOrId)


async def _instance_path(id: int) -> ScopeOf:
    return lambda runtime, account: _instance_scope(runtime, account, id)


async def _object_name(objectName: ObjectName) -> str:
    return objectName


_NameDep = Annotated[str, Depends(_object_name)]


def _add_routes(path: str, level: str, path_scope: Callable[..., Any], list_doc: str) -> None:
    """The five routes of one level's transformations under `path` (`list_{level}_…`,
    `create_…`, `get_…`, `put_…`, `delete_{level}_transformation`); `path_scope` reads the
    scope's parameter of the path. Parameters keep their order: the scope's, then `objectName`."""
    scope_of: Any = Depends(path_scope)
    one = path + "/{objectName}"
    named = f"{level}_transformation"

    @router.get(
        path,
        name=f"list_{named}s",
        description=list_doc,
        response_model=dict[str, Transformation],
        response_model_exclude_unset=True,
    )
    async def list_all(runtime: RuntimeDep, account: AccountDep, scope: ScopeOf = scope_of) -> Any:
        return _list(runtime, scope(runtime, account))

    def write(create: bool) -> Callable[..., Any]:
        async def write_one(
            request: Request,
            runtime: RuntimeDep,
            account: AccountDep,
            scope: ScopeOf = scope_of,
            *,
            name: _NameDep,
        ) -> Any:
            return await _write(request, runtime, scope(runtime, account), name, create)

        return write_one

    router.post(one, name=f"create_{named}", **_WRITE)(write(True))

    @router.get(one, name=f"get_{named}", **_ANSWER)
    async def get(
        runtime: RuntimeDep, account: AccountDep, scope: ScopeOf = scope_of, *, name: _NameDep
    ) -> Any:
        return _read(runtime, scope(runtime, account), name)

    router.put(one, name=f"put_{named}", **_WRITE)(write(False))

    @router.delete(one, name=f"delete_{named}", response_model=Empty)
    async def delete(
        runtime: RuntimeDep, account: AccountDep, scope: ScopeOf = scope_of, *, name: _NameDep
    ) -> Any:
        return _delete(runtime, scope(runtime, account), name)


_add_routes(
    _ORG,
    "element",
    _connector_path,
    "Map of object name -> transformation; none: 404 `No transformations found`.",
)
_add_routes(
    _INSTANCE,
    "instance",
    _instance_path,
    "Not in the documents (the emulator offers it): like the per-connector list.",
)


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
