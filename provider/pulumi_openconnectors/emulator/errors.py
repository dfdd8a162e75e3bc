"""The JSON error body and the exception handlers that make every error use it."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("pulumi_openconnectors.emulator")
T = TypeVar("T")

_REASONS = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    415: "Unsupported media type: the request body must be JSON",
    429: "Too many requests",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}


class ApiError(Exception):
    """Raise from a handler to answer with the JSON error body."""

    def __init__(
        self,
        status: int,
        message: str,
        provider_message: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.provider_message = provider_message
        self.headers = dict(headers or {})


def found(value: T | None, message: str) -> T:
    """What a look-up found; a 404 with ``message`` when it found nothing (None)."""
    if value is None:
        raise ApiError(404, message)
    return value


def reason(status: int) -> str:
    return _REASONS.get(status, f"HTTP {status}")


def request_id_of(request: Request) -> str:
    """The id the logging middleware gave this request (a fresh one if it has none)."""
    value = getattr(request.state, "request_id", None)
    return value if isinstance(value, str) else str(uuid.uuid4())


def error_body(
    request_id: str, message: str, provider_message: str | None = None
) -> dict[str, str]:
    body = {"requestId": request_id, "message": message}
    if provider_message is not None:
        body["providerMessage"] = provider_message
    return body


def error_response(
    request: Request,
    status: int,
    message: str,
    provider_message: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(request_id_of(request), message, provider_message),
        status_code=status,
        headers=dict(headers or {}),
    )


def _field_name(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "request"


def validation_message(errors: Sequence[Any]) -> str:
    """One readable sentence per error, each naming the field (never echoing its value)."""
    messages = []
    for err in errors:
        loc = err.get("loc", ()) if isinstance(err, Mapping) else ()
        msg = err.get("msg", "is invalid") if isinstance(err, Mapping) else "is invalid"
        messages.append(f"{_field_name(loc)}: {msg}")
    return "Invalid request: " + "; ".join(messages)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(request, exc.status, exc.message, exc.provider_message, exc.headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method any route serves on this path (routes are split by method)."""
    methods: set[str] = set()
    for route in getattr(request.app.state, "routes", []):
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404:
        message = f"No resource at {request.url.path}"
    elif status == 405:
        message = f"Method {request.method} is not allowed on {request.url.path}"
        allowed = _allowed_methods(request)
        if allowed:
            headers = {**(exc.headers or {}), "Allow": ", ".join(allowed)}
            return error_response(request, status, message, headers=headers)
    else:
        message = reason(status)
    return error_response(request, status, message, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(isinstance(e, Mapping) and e.get("type") == "json_invalid" for e in errors):
        return error_response(request, 415, reason(415))
    return error_response(request, 400, validation_message(errors))


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled %s in request %s", type(exc).__name__, request_id_of(request))
    return error_response(request, 500, reason(500))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
