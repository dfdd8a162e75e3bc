"""Admin API under /_emulator: reset, stats and the fault configuration (every area alike)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError

from .bodies import json_object
from .deps import AccountDep, RuntimeDep
from .errors import ApiError, validation_message
from .faults import FaultConfig
from .schemas import Empty, Stats, error_responses, json_body
from .settings import ADMIN_PREFIX

router = APIRouter(
    prefix=ADMIN_PREFIX,
    responses=error_responses(400, 401, 405, 415, faults=False),
    tags=["emulator"],
)


@router.post("/reset", response_model=Empty)
async def reset(runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    await runtime.reset_settled()
    return {}


@router.get("/stats", response_model=Stats)
async def stats(runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    return {
        "requests": runtime.stats.snapshot(),
        **runtime.store.counts(),
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
    body = await json_object(request)
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
