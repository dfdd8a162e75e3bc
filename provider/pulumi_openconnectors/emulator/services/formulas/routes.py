"""Formula routes: POST/GET /formulas, GET/PUT/PATCH/DELETE /formulas/{id}."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.convertors import StringConvertor, register_url_convertor

from ...bodies import json_object, json_object_after
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind
from ...errors import ApiError, found
from ...pagination import PageDep, page_route, paginate
from ...references import References
from ...runtime import Runtime
from ...schemas import Empty, error_responses, json_body
from ...settings import API_PREFIX, Account
from ...times import now_iso
from .rules import apply_patch, assign_part_ids, changed_variables, check_formula
from .schemas import Formula, FormulaBody, FormulaPatch

KIND = "formula"
FORMULAS = DocumentKind(KIND, "formulas", first_id=10001)


class FormulaIdConvertor(StringConvertor):
    """`{id}` of /formulas/{id}: any segment but `instances` (GET /formulas/instances is the
    formula-instance list; another method on it is 405, not a formula id that is no integer)."""

    regex = "(?!instances$)[^/]+"


register_url_convertor("formula_id", FormulaIdConvertor())
_ID = "/formulas/{id:formula_id}"
_ANSWER: dict[str, Any] = {"response_model": Formula, "response_model_exclude_unset": True}

router = APIRouter(
    prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405, 409, 415), tags=["formulas"]
)


def _get(conn: sqlite3.Connection, org: str, formula_id: int) -> Document:
    return found(FORMULAS.get(conn, org, formula_id), f"No formula with id {formula_id}")


@router.post("/formulas", **_ANSWER, openapi_extra=json_body(FormulaBody))
async def create_formula(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    body = await json_object(request)
    formula = check_formula(body)
    org = account.organization_id
    with runtime.store.transaction() as conn:
        formula_id = FORMULAS.new_id(conn)
        assign_part_ids(conn, formula, formula_id, None)
        formula = {
            "id": formula_id,
            **formula,
            "userId": account.user_id,
            "accountId": account.account_id,
            "createdDate": now_iso(runtime.settings.clock()),
        }
        FORMULAS.insert(conn, Document(formula_id, org, None, formula))
    return formula


@router.get(
    "/formulas",
    response_model_exclude_unset=True,
    **page_route(list[Formula], nothing_found=True),
)
async def list_formulas(
    runtime: RuntimeDep, account: AccountDep, page: PageDep, response: Response
) -> Any:
    """The organization's formulas by id; none: 404 `No formulas found`."""
    with runtime.store.transaction() as conn:
        docs = FORMULAS.list(conn, account.organization_id)
    chunk = paginate(docs, page, response, lambda d: d.id, "No formulas found")
    return [d.body for d in chunk]


@router.get(_ID, **_ANSWER)
async def get_formula(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    with runtime.store.transaction() as conn:
        return _get(conn, account.organization_id, id).body


def _server_fields(old: dict[str, Any]) -> dict[str, Any]:
    return {k: old[k] for k in ("userId", "accountId", "createdDate") if k in old}


def _guard_variables(
    runtime: Runtime, conn: sqlite3.Connection, account: Account, old: Document, new: dict[str, Any]
) -> None:
    """A variable cannot go (or change type) while the formula has instances (documented)."""
    changed = changed_variables(old.body, new)
    if not changed:
        return
    users = runtime.references.users(conn, KIND, account.organization_id, old.id)
    if users is not None:
        raise ApiError(
            409,
            f"configuration variable '{changed[0]}' cannot be removed or retyped while the "
            f"formula has instances ({users})",
        )


@router.put(_ID, **_ANSWER, openapi_extra=json_body(FormulaBody))
async def put_formula(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    org = account.organization_id
    formula = check_formula(
        await json_object_after(request, runtime.store, lambda conn: _get(conn, org, id))
    )
    with runtime.store.transaction() as conn:
        old = _get(conn, org, id)
        _guard_variables(runtime, conn, account, old, formula)
        assign_part_ids(conn, formula, id, old.body)
        formula = {"id": id, **formula, **_server_fields(old.body)}
        FORMULAS.replace(conn, Document(id, old.org, None, formula))
    return formula


@router.patch(_ID, **_ANSWER, openapi_extra=json_body(FormulaPatch))
async def patch_formula(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    org = account.organization_id
    body = await json_object_after(request, runtime.store, lambda conn: _get(conn, org, id))
    with runtime.store.transaction() as conn:
        old = _get(conn, org, id)
        formula = apply_patch(old.body, body)
        FORMULAS.replace(conn, Document(id, old.org, None, formula))
    return formula


@router.delete(_ID, response_model=Empty)
async def delete_formula(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    """409 while the formula has instances (the documents: delete those first)."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        _get(conn, org, id)
        runtime.references.deleting(conn, KIND, org, id)
        FORMULAS.delete(conn, org, id)
    return {}


def lookup(refs: References, conn: sqlite3.Connection, org: str, key: int | str) -> Any:
    """The `formula` lookup hook: a formula of this organization by id."""
    if isinstance(key, str):
        return None
    doc = FORMULAS.get(conn, org, key)
    return None if doc is None else doc.body
