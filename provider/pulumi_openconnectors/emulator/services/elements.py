"""The connector catalog: `GET /elements` and `GET /elements/{keyOrId}` (fixed data)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from ..catalog import all_connectors, require_connector
from ..deps import AccountDep
from ..pagination import PageDep, page_responses, paginate
from ..schemas import Element, error_responses
from ..settings import API_PREFIX
from .base import Service

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405))


@router.get(
    "/elements",
    response_model=list[Element],
    tags=["elements"],
    responses=page_responses(nothing_found=False),
)
async def list_elements(
    account: AccountDep, page: PageDep, response: Response
) -> list[dict[str, Any]]:
    """The catalog, ordered by id (paginated like every array list)."""
    ordered = sorted(all_connectors(), key=lambda c: c.id)
    return [c.element_json() for c in paginate(ordered, page, response, lambda c: c.id, None)]


@router.get("/elements/{keyOrId}", response_model=Element, tags=["elements"])
async def get_element(keyOrId: str, account: AccountDep) -> dict[str, Any]:
    return require_connector(keyOrId).element_json()


SERVICE = Service(name="elements", routers=(router,))
