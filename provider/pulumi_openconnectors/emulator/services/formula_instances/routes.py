"""Formula-instance routes under /formulas/{id}/instances, and GET /formulas/instances."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request, Response

from ...bodies import json_object_after
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind, Users, ref
from ...errors import ApiError, found
from ...pagination import PageDep, page_route, paginate
from ...references import References
from ...runtime import Runtime
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX
from ...times import now_iso
from .rules import INSTANCE, check_instance_body, instance_id
from .schemas import FormulaInstance, FormulaInstanceBody

FORMULA = "formula"  # the formula area's kind, in reference hooks
INSTANCES = DocumentKind("formulaInstance", "formulaInstances", first_id=20001)

router = APIRouter(
    prefix=API_PREFIX,
    responses=error_responses(400, 401, 404, 405, 409, 415),
    tags=["formula instances"],
)


def _formula(runtime: Runtime, conn: sqlite3.Connection, org: str, formula_id: int) -> Any:
    formula = runtime.references.find(conn, FORMULA, org, formula_id)
    return found(formula, f"No formula with id {formula_id}")


def _formula_id(doc: Document) -> int:
    return int(doc.body["formula"]["id"])


def _render(refs: References, conn: sqlite3.Connection, doc: Document) -> dict[str, Any]:
    formula = refs.find(conn, FORMULA, doc.org, _formula_id(doc)) or {}
    return {
        **doc.body,
        "formula": {
            "id": _formula_id(doc),
            "name": formula.get("name", ""),
            "active": formula.get("active", True),
        },
    }


def _instance(conn: sqlite3.Connection, org: str, formula_id: int, instance_id: int) -> Document:
    doc = INSTANCES.get(conn, org, instance_id)
    if doc is None or _formula_id(doc) != formula_id:
        raise ApiError(404, f"No instance {instance_id} of formula {formula_id}")
    return doc


def _look(
    runtime: Runtime, conn: sqlite3.Connection, org: str, formula_id: int, instance_id: int
) -> Document:
    """The instance of that formula: 404 when the formula, or that instance of it, is missing."""
    _formula(runtime, conn, org, formula_id)
    return _instance(conn, org, formula_id, instance_id)


def _refs(formula_id: int, uses: tuple[int, ...]) -> tuple[str, ...]:
    return (ref(FORMULA, formula_id), *(ref(INSTANCE, i) for i in uses))


@router.get(
    "/formulas/instances",
    **page_route(list[FormulaInstance], nothing_found=False),
)
async def list_all_instances(
    runtime: RuntimeDep,
    account: AccountDep,
    page: PageDep,
    response: Response,
    elementInstanceId: str | None = None,
) -> Any:
    """Every formula instance of the organization; with `elementInstanceId`, those whose
    configuration uses that connector instance. Nothing: 200 `[]` (as churros expects)."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        docs = INSTANCES.list(conn, org)
        if elementInstanceId is not None:
            wanted = instance_id(elementInstanceId.strip())
            docs = [d for d in docs if wanted is not None and ref(INSTANCE, wanted) in d.refs]
        chunk = paginate(docs, page, response, lambda d: d.id, None)
        return [_render(runtime.references, conn, d) for d in chunk]


@router.post(
    "/formulas/{id}/instances",
    response_model=FormulaInstance,
    openapi_extra=json_body(FormulaInstanceBody),
)
async def create_instance(
    id: int, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    org = account.organization_id
    body = await json_object_after(request, runtime.store, lambda c: _formula(runtime, c, org, id))
    with runtime.store.transaction() as conn:
        formula = _formula(runtime, conn, org, id)
        checked = check_instance_body(runtime.references, conn, org, formula, body)
        now = now_iso(runtime.settings.clock())
        instance_id = INSTANCES.new_id(conn)
        stored = {
            "id": instance_id,
            "name": checked.name,
            "active": checked.active,
            "formula": {"id": id},
            "configuration": checked.configuration,
            "settings": checked.settings,
            "createdDate": now,
            "updatedDate": now,
        }
        doc = INSTANCES.insert(
            conn, Document(instance_id, org, None, stored, _refs(id, checked.uses))
        )
        return _render(runtime.references, conn, doc)


@router.get(
    "/formulas/{id}/instances",
    **page_route(list[FormulaInstance], nothing_found=True),
)
async def list_instances(
    id: int, runtime: RuntimeDep, account: AccountDep, page: PageDep, response: Response
) -> Any:
    """The formula's instances; none: 404 `No formula instances found`."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        _formula(runtime, conn, org, id)
        docs = INSTANCES.list(conn, org, refers_to=ref(FORMULA, id))
        chunk = paginate(docs, page, response, lambda d: d.id, "No formula instances found")
        return [_render(runtime.references, conn, d) for d in chunk]


@router.get("/formulas/{id}/instances/{instanceId}", response_model=FormulaInstance)
async def get_instance(id: int, instanceId: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        return _render(runtime.references, conn, _look(runtime, conn, org, id, instanceId))


@router.put(
    "/formulas/{id}/instances/{instanceId}",
    response_model=FormulaInstance,
    openapi_extra=json_body(FormulaInstanceBody),
)
async def put_instance(
    id: int, instanceId: int, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    """A full update: absent `active` is true, absent `settings`/`configuration` empty."""
    org = account.organization_id
    body = await json_object_after(
        request, runtime.store, lambda c: _look(runtime, c, org, id, instanceId)
    )
    with runtime.store.transaction() as conn:
        formula = _formula(runtime, conn, org, id)
        old = _instance(conn, org, id, instanceId)
        checked = check_instance_body(runtime.references, conn, org, formula, body)
        stored = {
            **old.body,
            "name": checked.name,
            "active": checked.active,
            "configuration": checked.configuration,
            "settings": checked.settings,
            "updatedDate": now_iso(runtime.settings.clock()),
        }
        doc = INSTANCES.replace(conn, Document(old.id, org, None, stored, _refs(id, checked.uses)))
        return _render(runtime.references, conn, doc)


@router.delete("/formulas/{id}/instances/{instanceId}", response_model=Empty)
async def delete_instance(
    id: int, instanceId: int, runtime: RuntimeDep, account: AccountDep
) -> Any:
    org = account.organization_id
    with runtime.store.transaction() as conn:
        _look(runtime, conn, org, id, instanceId)
        INSTANCES.delete(conn, org, instanceId)
    return {}


def formula_users(users: Users) -> str:
    """Referrer of formulas: a formula with instances cannot be deleted."""
    return f"Formula {users.key} has {len(users.docs)} instance(s); delete them first"


def instance_users(users: Users) -> str:
    """Referrer of connector instances: one used by a formula instance cannot be deleted."""
    first = users.docs[0]
    formula = users.refs.find(users.conn, FORMULA, users.org, _formula_id(first)) or {}
    return (
        f"Instance {users.key} is used by formula instance {first.id} of formula "
        f"'{formula.get('name', _formula_id(first))}'; delete the formula instance first"
    )
