"""The connector catalog: `GET /elements` and `GET /elements/{keyOrId}` (fixed data, and the
organization's private elements through the `element` hooks)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ..catalog import ELEMENT, EXTENSION, Connector, all_connectors, find_connector
from ..deps import AccountDep, RuntimeDep
from ..errors import ApiError
from ..pagination import PageDep, page_route, paginate
from ..schemas import Element, error_responses
from ..settings import API_PREFIX
from .base import Service

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405))


@router.get(
    "/elements",
    tags=["elements"],
    **page_route(list[Element], nothing_found=False),
)
async def list_elements(
    account: AccountDep,
    runtime: RuntimeDep,
    page: PageDep,
    response: Response,
    where: Annotated[
        str | None,
        Query(description="field='value' and field in ('a', 'b') joined by AND: private='true'"),
    ] = None,
) -> list[dict[str, Any]]:
    """The catalog and the organization's private elements, ordered by id (paginated like
    every array list), those matching `where`."""
    org = account.organization_id
    with runtime.store.transaction() as conn:
        private = runtime.references.list(conn, ELEMENT, org)
        catalog = [_as_seen(runtime, conn, org, c) for c in all_connectors()]
    elements = catalog + private
    chosen = sorted((e for e in elements if matches_where(where, e)), key=lambda e: e["id"])
    return paginate(chosen, page, response, lambda e: int(e["id"]), None)


@router.get("/elements/{keyOrId}", response_model=Element, tags=["elements"])
async def get_element(keyOrId: str, account: AccountDep, runtime: RuntimeDep) -> dict[str, Any]:
    connector = find_connector(keyOrId)
    with runtime.store.transaction() as conn:
        if connector is not None:
            return _as_seen(runtime, conn, account.organization_id, connector)
        element = runtime.references.find(conn, ELEMENT, account.organization_id, keyOrId)
    if element is None:
        raise ApiError(404, "No element with that key or id")
    return element


def _as_seen(runtime: Any, conn: Any, org: str, connector: Connector) -> dict[str, Any]:
    """A catalog element as the organization sees it: extended (`extended`, its resources and
    the account's own) once the account added resources to it (the `elementExtension` hook)."""
    element = connector.element_json()
    extension = runtime.references.find(conn, EXTENSION, org, connector.key)
    return element if extension is None else {**element, **extension}


_EQUALS = re.compile(r"^\s*(\w+)\s*=\s*'([^']*)'\s*$")
_IN = re.compile(r"^\s*(\w+)\s+in\s*\(([^)]*)\)\s*$", re.IGNORECASE)


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def matches_where(where: str | None, element: dict[str, Any]) -> bool:
    """Whether an element passes a `where` expression of the forms the platform's own tools
    send: `field='value'` and `field in ('a', 'b')`, joined by AND (400 for anything else)."""
    if where is None or not where.strip():
        return True
    for clause in re.split(r"\s+and\s+", where.strip(), flags=re.IGNORECASE):
        equals = _EQUALS.match(clause)
        within = _IN.match(clause)
        if equals is not None:
            field, value = equals.groups()
            if _text(element.get(field)) != value:
                return False
        elif within is not None:
            field = within.group(1)
            values = {v.strip().strip("'") for v in within.group(2).split(",")}
            if _text(element.get(field)) not in values:
                return False
        else:
            raise ApiError(
                400,
                f"where: cannot read {clause.strip()!r} (the emulator reads field='value' and "
                "field in ('a', 'b'), joined by AND)",
            )
    return True


SERVICE = Service(name="elements", routers=(router,))
