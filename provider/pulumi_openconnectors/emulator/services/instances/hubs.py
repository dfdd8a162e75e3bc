"""Connector (hub) calls: `GET /hubs/{hub}/{object}` with `User …, Element <instance token>`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ...auth import hub_credentials
from ...catalog import require_connector_of
from ...deps import AuthorizationDep, RuntimeDep
from ...errors import ApiError
from ...schemas import error_responses
from ...settings import API_PREFIX
from .tables import INSTANCES, InstanceRecord

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405))


@router.get("/hubs/{hub}/{object}", response_model=list[dict[str, Any]], tags=["hubs"])
async def hub_objects(
    hub: str, object: str, runtime: RuntimeDep, authorization: AuthorizationDep
) -> list[dict[str, Any]]:
    def by_token(token: str) -> InstanceRecord | None:
        with runtime.store.transaction() as conn:
            return INSTANCES.by_token(conn, token)

    _, record = hub_credentials(runtime.settings.accounts, authorization, by_token)
    with runtime.store.transaction() as conn:
        connector = require_connector_of(runtime.references, conn, record.org, record.element_key)
    if hub != connector.hub:
        raise ApiError(404, f"The instance's element is not in the '{hub}' hub")
    found = connector.hub_object(object)
    if found is None:
        raise ApiError(404, f"Unknown object '{object}' in the '{hub}' hub")
    return [dict(r) for r in found.records]
