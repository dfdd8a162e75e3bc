"""The connector catalog: `GET /elements` and `GET /elements/{keyOrId}` (fixed data)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..catalog import all_connectors, require_connector
from ..deps import AccountDep
from ..schemas import Element, error_responses
from ..settings import API_PREFIX
from .base import Service

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405))


@router.get("/elements", response_model=list[Element], tags=["elements"])
async def list_elements(account: AccountDep) -> list[dict[str, Any]]:
    return [c.element_json() for c in all_connectors()]


@router.get("/elements/{keyOrId}", response_model=Element, tags=["elements"])
async def get_element(keyOrId: str, account: AccountDep) -> dict[str, Any]:
    return require_connector(keyOrId).element_json()


SERVICE = Service(name="elements", routers=(router,))
