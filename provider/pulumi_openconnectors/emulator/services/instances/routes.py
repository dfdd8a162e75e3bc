"""Connector instance routes: create (two paths), list, read, PATCH, PUT, DELETE."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from ...bodies import check_bool, json_object
from ...catalog import Connector, require_connector_of, resolve_connector
from ...deps import AccountDep, RuntimeDep
from ...errors import ApiError
from ...pagination import PageDep, page_route, paginate
from ...references import References
from ...runtime import Runtime
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX, Account
from ...times import now_iso
from .oauth import code_checker
from .rules import (
    apply_patch,
    apply_put,
    check_provider_data,
    check_same_element,
    check_whole,
    connector_from_ref,
    new_token,
    provider_code,
    render,
)
from .schemas import ElementInstanceCreateBody, Instance, InstanceCreateBody, InstanceUpdateBody
from .tables import CODES, INSTANCES, InstanceRecord, NewInstance

KIND = "instance"
"""The name other areas use for a connector instance in reference hooks."""

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405, 409, 415))
_ANSWER: dict[str, Any] = {
    "response_model": Instance,
    "response_model_exclude_none": True,
    "tags": ["instances"],
}


def _create(
    runtime: Runtime, account: Account, body: dict[str, Any], connector: Connector
) -> dict[str, Any]:
    name, tags, configuration = check_whole(body, connector)
    with_objects = check_bool(body, "retrieveObjectsAfterInstantiation")
    disabled = check_bool(body, "disabled")
    if connector.is_oauth2:
        code = provider_code(body)
    else:  # the shape is checked; a code for an element without OAuth 2.0 is not used
        check_provider_data(body)
        code = None
    new = NewInstance(
        org=account.organization_id,
        user_id=account.user_id,
        element_key=connector.key,
        name=name,
        token=new_token(),
        created_date=now_iso(runtime.settings.clock()),
        tags=tags,
        configuration=configuration,
        disabled=bool(disabled),
        objects=[o.to_json() for o in connector.objects] if with_objects else None,
    )
    with runtime.store.transaction() as conn:
        if code is not None:
            CODES.claim(conn, code, code_checker(runtime, configuration.get("oauth.api.key")))
        record = INSTANCES.insert(conn, new)
    return render(record, connector)


@router.post("/instances", **_ANSWER, openapi_extra=json_body(InstanceCreateBody))
async def create_instance(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    body = await json_object(request)
    org = account.organization_id
    with runtime.store.transaction() as conn:
        connector = connector_from_ref(
            body.get("element"), lambda k: resolve_connector(runtime.references, conn, org, k)
        )
    return _create(runtime, account, body, connector)


@router.post(
    "/elements/{keyOrId}/instances", **_ANSWER, openapi_extra=json_body(ElementInstanceCreateBody)
)
async def create_element_instance(
    keyOrId: str, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    with runtime.store.transaction() as conn:
        connector = require_connector_of(runtime.references, conn, account.organization_id, keyOrId)
    body = await json_object(request)
    check_same_element(body, connector)
    return _create(runtime, account, body, connector)


@router.get(
    "/instances",
    response_model_exclude_none=True,
    tags=["instances"],
    **page_route(list[Instance], nothing_found=True),
)
async def list_instances(
    runtime: RuntimeDep,
    account: AccountDep,
    page: PageDep,
    response: Response,
    tags_brackets: Annotated[list[str] | None, Query(alias="tags[]")] = None,
    tags: Annotated[list[str] | None, Query()] = None,
) -> Any:
    """The organization's instances by id; with tags, those carrying all of them.

    None (at all, or matching the tags): 404 `No instances found`, as the platform answers.
    """
    wanted = set(tags_brackets or []) | set(tags or [])
    org = account.organization_id
    with runtime.store.transaction() as conn:
        records = INSTANCES.list(conn, org)
        matching = [r for r in records if wanted.issubset(r.tags)]
        chunk = paginate(matching, page, response, lambda r: r.id, "No instances found")
        return [_rendered(runtime.references, conn, r) for r in chunk]


def _rendered(refs: References, conn: sqlite3.Connection, record: InstanceRecord) -> Any:
    """The instance as the API returns it, with its element (catalog or private)."""
    return render(record, resolve_connector(refs, conn, record.org, record.element_key))


def _missing(instance_id: int) -> ApiError:
    return ApiError(404, f"No instance with id {instance_id}")


@router.get("/instances/{id}", **_ANSWER)
async def get_instance(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    with runtime.store.transaction() as conn:
        record = INSTANCES.get(conn, account.organization_id, id)
        if record is None:
            raise _missing(id)
        return _rendered(runtime.references, conn, record)


async def _update(
    request: Request, runtime: Runtime, account: Account, instance_id: int, full: bool
) -> dict[str, Any]:
    with runtime.store.transaction() as conn:
        found = INSTANCES.get(conn, account.organization_id, instance_id)
    if found is None:
        raise _missing(instance_id)
    body = await json_object(request)
    with runtime.store.transaction() as conn:
        connector = require_connector_of(runtime.references, conn, found.org, found.element_key)
    change = apply_put if full else apply_patch
    with runtime.store.transaction() as conn:  # read-modify-write in one transaction
        current = INSTANCES.get(conn, account.organization_id, instance_id)
        if current is None:
            raise _missing(instance_id)
        updated = change(current, body, connector)
        INSTANCES.update(conn, updated)
    return render(updated, connector)


@router.patch("/instances/{id}", **_ANSWER, openapi_extra=json_body(InstanceUpdateBody))
async def patch_instance(
    id: int, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _update(request, runtime, account, id, full=False)


@router.put("/instances/{id}", **_ANSWER, openapi_extra=json_body(InstanceUpdateBody))
async def put_instance(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    return await _update(request, runtime, account, id, full=True)


@router.delete("/instances/{id}", response_model=Empty, tags=["instances"])
async def delete_instance(id: int, runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        if INSTANCES.get(conn, org, id) is None:
            raise _missing(id)
        runtime.references.deleting(conn, KIND, org, id)
        INSTANCES.delete(conn, org, id)
    return {}


def lookup(
    refs: References, conn: sqlite3.Connection, org: str, key: int | str
) -> dict[str, Any] | None:
    """The `instance` lookup hook: an instance of this organization, by id (int or digits)."""
    if isinstance(key, str):
        if not (key.isascii() and key.isdigit()):
            return None
        key = int(key)
    record = INSTANCES.get(conn, org, key)
    if record is None:
        return None
    return {"id": record.id, "name": record.name, "elementKey": record.element_key}


def element_users(
    refs: References, conn: sqlite3.Connection, org: str, key: int | str
) -> str | None:
    """Referrer of private elements (by key): one with instances cannot be deleted."""
    for record in INSTANCES.list(conn, org):
        if record.element_key == str(key):
            return f"Element '{key}' is used by instance {record.id} ('{record.name}')"
    return None
