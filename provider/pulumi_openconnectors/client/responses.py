"""Reading the API's answers: THE place that maps an HTTP status to an error class and writes
its message (:func:`error_from_response`), and where a success body is read as JSON and
validated into a model (:func:`json_body`, :func:`parse`); a body that is not what the API
documents is an :class:`~pulumi_openconnectors.errors.UnexpectedResponseError`.

Messages say what happened, what to do (:mod:`.advice`) and carry the request id. They never
contain secrets: every text passes the client's :class:`~.redact.Redactor` first, so
``str(exc)`` and ``repr(exc)`` are safe to log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from ..errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    MethodNotAllowedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    UnsupportedMediaTypeError,
)
from .advice import CLIENT_ADVICE, Advice
from .redact import Redactor
from .retry import IDEMPOTENT_METHODS, is_idempotent, parse_retry_after

M = TypeVar("M", bound=BaseModel)

REQUEST_ID_HEADERS = ("Elements-Request-Id", "X-Request-Id", "Request-Id")

STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    409: ConflictError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
}

NOTHING_FOUND = re.compile(r"^No (.*) found\.?$")
"""The platform's answer to a list that finds nothing (404 ``No instances found``)."""


def is_nothing_found(exc: APIError) -> bool:
    """A 404 that means "an empty list", not "no such route or object"."""
    return exc.http_status == 404 and bool(NOTHING_FOUND.match((exc.api_message or "").strip()))


def class_for_status(status: int) -> type[APIError]:
    """The exception class for an HTTP error status."""
    if status in STATUS_CLASSES:
        return STATUS_CLASSES[status]
    if 500 <= status <= 599:
        return ServerError
    return APIError


# -- error answers -------------------------------------------------------------------------

if TYPE_CHECKING:
    from typing import Required  # Python 3.11; annotations are not evaluated at run time


class ErrorAnswer(TypedDict, total=False):
    """The keyword arguments of :func:`error_from_response` but ``advice``: what was asked and
    what came back, for a wrapper that brings its own advice."""

    status: Required[int]
    method: Required[str]
    path: Required[str]
    payload: bytes | str | Mapping[str, Any] | None
    headers: Mapping[str, str] | None
    redactor: Redactor | None
    attempts: int


def error_from_response(
    *,
    status: int,
    method: str,
    path: str,
    payload: bytes | str | Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    redactor: Redactor | None = None,
    attempts: int = 1,
    advice: Advice = CLIENT_ADVICE,
) -> APIError:
    """Build the exception for an error answer. THE place that maps status to class.

    ``path`` is the request path relative to the base URL, without the query string.
    ``payload`` is the raw or parsed body; the documented error body is
    ``{"requestId": ..., "message": ..., "providerMessage": ...}``.
    """
    red = redactor or Redactor()
    method = method.upper()
    headers = headers or {}
    body = _parse_body(payload)
    request_id = _text(body.get("requestId")) if body else None
    if request_id is None:
        request_id = next(
            (v for h in REQUEST_ID_HEADERS if (v := _header(headers, h)) is not None), None
        )
    api_message = _text(body.get("message")) if body else None
    if api_message is None and body is None and payload:
        raw = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
        api_message = raw.strip()[:200] or None
    provider_message = _text(body.get("providerMessage")) if body else None
    api_message = red.redact(api_message) if api_message else None
    provider_message = red.redact(provider_message) if provider_message else None

    cls = class_for_status(status)
    ambiguous = status >= 500 and method not in IDEMPOTENT_METHODS
    retry_after = parse_retry_after(_header(headers, "Retry-After")) if status == 429 else None

    detail = api_message or "no message"
    if provider_message and provider_message != api_message:
        detail += f" (provider: {provider_message})"
    message = f"Open Connectors {_what(status)} ({status}) on {method} {path}: {detail}."
    if attempts > 1:
        message += f" Gave up after {attempts} attempts."
    message += " " + advice.for_status(status, method, path, ambiguous)
    if request_id:
        message += f" [requestId: {request_id}]"
    message = red.redact(message)

    kwargs: dict[str, Any] = {
        "http_status": status,
        "method": method,
        "path": path,
        "request_id": request_id,
        "api_message": api_message,
        "provider_message": provider_message,
        "ambiguous": ambiguous,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    return cls(message, **kwargs)


def request_id(response: requests.Response) -> str | None:
    """The request id: the error body's ``requestId``, else a request-id header."""
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and isinstance(body.get("requestId"), str):
            return str(body["requestId"])
    for header in REQUEST_ID_HEADERS:
        value = response.headers.get(header)
        if value:
            return value
    return None


def _what(status: int) -> str:
    return {
        400: "rejected the request as invalid",
        401: "rejected the credentials",
        403: "denied access",
        404: "found nothing",
        405: "does not allow this method",
        409: "reported a conflict",
        415: "rejected the body's media type",
        429: "is rate limiting",
    }.get(
        status,
        "failed with a server error"
        if status >= 500
        else ("answered a redirect" if 300 <= status <= 399 else "answered an error"),
    )


def _parse_body(payload: bytes | str | Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if payload is None or isinstance(payload, Mapping):
        return payload
    try:
        parsed = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    return parsed if isinstance(parsed, Mapping) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value)
    return text.strip() or None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return value
    return None


# -- success answers -----------------------------------------------------------------------


def json_body(
    response: requests.Response, method: str, path: str, request_id: str | None, red: Redactor
) -> Any:
    """The success answer's JSON body (None when empty)."""
    if not response.content.strip():
        return None
    try:
        return response.json()
    except ValueError:
        raise unexpected(method, path, response.status_code, request_id, "JSON", red) from None


def parse(model: type[M], data: Any, method: str, path: str, red: Redactor) -> M:
    """``data`` validated as one ``model``; an unexpected answer names the bad fields."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in e["loc"]) or "<root>" for e in exc.errors()})
        raise unexpected(
            method, path, 200, None, f"a valid {model.__name__} (bad: {', '.join(fields)})", red
        ) from None


def single(data: Any) -> Any:
    """An answer wrapped in a list of one is that one (some documented examples answer so);
    any other answer stays as it is."""
    if isinstance(data, list) and len(data) == 1:
        return data[0]
    return data


def as_list(data: Any, method: str, path: str, red: Redactor) -> list[Any]:
    """A body that must be a JSON list (empty: an empty list)."""
    if data is None:
        return []
    if isinstance(data, list):
        return data
    raise unexpected(method, path, 200, None, "a JSON list", red)


def unexpected(
    method: str, path: str, status: int, request_id: str | None, expected: str, red: Redactor
) -> UnexpectedResponseError:
    """A success status whose body is not ``expected``."""
    ambiguous = not is_idempotent(method)
    message = (
        f"Open Connectors answered {status} on {method} {path} but the body is not "
        f"{expected}. Check openconnectors:baseUrl (OPENCONNECTORS_BASE_URL): a proxy or a "
        "wrong endpoint may be answering."
    )
    if ambiguous:
        message += " The request took effect on the server; look before retrying."
    if request_id:
        message += f" [requestId: {request_id}]"
    return UnexpectedResponseError(
        red.redact(message),
        http_status=status,
        method=method,
        path=path,
        request_id=request_id,
        ambiguous=ambiguous,
    )
