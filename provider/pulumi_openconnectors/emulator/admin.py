"""Admin API under /_emulator: reset, stats, fault configuration and the OAuth page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from .deps import AccountDep, RuntimeDep
from .errors import ApiError, validation_message
from .faults import FaultConfig
from .instances import parse_json_object
from .oauth import AUTHORIZE_PATH, with_query
from .schemas import Empty, ErrorBody, Stats, json_body
from .settings import ADMIN_PREFIX

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 405, 415)
}

router = APIRouter(prefix=ADMIN_PREFIX, responses=_ERRORS, tags=["emulator"])


@router.post("/reset", response_model=Empty)
async def reset(runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    runtime.reset()
    return {}


@router.get("/stats", response_model=Stats)
async def stats(runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    return {
        "requests": runtime.stats.snapshot(),
        "instances": runtime.store.count_instances(),
        "faultsFired": runtime.faults.fired(),
        "peakInFlight": runtime.stats.peak_in_flight(),
    }


@router.delete("/stats", response_model=Empty)
async def clear_stats(runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    """Zero the request counters and the in-flight peak; instances and faults stay."""
    runtime.stats.clear()
    return {}


@router.get("/faults", response_model=FaultConfig)
async def get_faults(runtime: RuntimeDep, account: AccountDep) -> FaultConfig:
    return runtime.faults.config()


@router.put("/faults", response_model=FaultConfig, openapi_extra=json_body(FaultConfig))
async def put_faults(request: Request, runtime: RuntimeDep, account: AccountDep) -> FaultConfig:
    body = parse_json_object(request.headers.get("content-type"), await request.body())
    try:
        config = FaultConfig.model_validate(body)
    except ValidationError as exc:
        raise ApiError(400, validation_message(exc.errors())) from None
    runtime.faults.configure(config)
    return runtime.faults.config()


@router.delete("/faults", response_model=FaultConfig)
async def clear_faults(runtime: RuntimeDep, account: AccountDep) -> FaultConfig:
    runtime.faults.clear()
    return runtime.faults.config()


@router.get(
    AUTHORIZE_PATH[len(ADMIN_PREFIX) :],
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "redirect to redirect_uri with code (or error) and state"}},
)
async def authorize(
    runtime: RuntimeDep,
    client_id: str | None = None,
    redirect_uri: str | None = None,
    state: str | None = None,
    response_type: str | None = None,
    scope: str | None = None,
    deny: bool = False,
) -> RedirectResponse:
    """The provider's consent page, offline: approves at once (or denies with deny=true)."""
    missing = [n for n, v in (("client_id", client_id), ("redirect_uri", redirect_uri)) if not v]
    if missing:
        raise ApiError(400, "Missing query parameters: " + ", ".join(missing))
    if response_type not in (None, "code"):
        raise ApiError(400, "response_type must be 'code'")
    assert client_id is not None and redirect_uri is not None
    extra: dict[str, str] = {}
    if deny:
        extra["error"] = "access_denied"
    else:
        extra["code"] = runtime.codes.issue(client_id)
    if state is not None:
        extra["state"] = state
    return RedirectResponse(with_query(redirect_uri, extra), status_code=302)
