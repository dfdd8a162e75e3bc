"""Errors raised by the Open Connectors client. One hierarchy::

    OpenConnectorsError                 base; ``.message``
    ├── ConfigurationError              settings missing or invalid (no HTTP involved)
    ├── OAuthCallbackError              the OAuth redirect carried ``error=`` or no ``code``
    ├── ProviderError                   a resource operation failed; says what to do next
    ├── TransportError                  connection refused/reset, DNS, TLS, timeout; ``.ambiguous``
    │   └── DeadlineExceededError       the operation's overall deadline passed (operationTimeout)
    └── APIError                        the API answered with an error status
        │                               ``.http_status .request_id .api_message
        │                                 .provider_message .method .path .ambiguous``
        ├── BadRequestError             400
        ├── AuthenticationError         401
        ├── PermissionDeniedError       403
        ├── NotFoundError               404
        ├── MethodNotAllowedError       405
        ├── ConflictError               409
        ├── UnsupportedMediaTypeError   415
        ├── RateLimitError              429; ``.retry_after``
        ├── ServerError                 5xx
        └── UnexpectedResponseError     a success status with a body that is not what the API
                                        documents (e.g. not JSON)

``ambiguous`` is True when the request may have taken effect although it failed (a POST that hit
a read timeout, a dropped connection or a 5xx): the caller must look before it retries.

:func:`error_from_response` is the one place that maps a status to a class and writes the
message. Messages say what to do and carry the request id. They never contain secrets: every
text is passed through the client's :class:`~pulumi_openconnectors.redact.Redactor` first, so
``str(exc)`` and ``repr(exc)`` are safe to log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .redact import Redactor
from .retry import IDEMPOTENT_METHODS, parse_retry_after

CREDENTIALS_HINT = (
    "Check openconnectors:userSecret and openconnectors:organizationSecret "
    "(or OPENCONNECTORS_USER_SECRET / OPENCONNECTORS_ORGANIZATION_SECRET)."
)
BASE_URL_HINT = (
    "Check openconnectors:baseUrl (or OPENCONNECTORS_BASE_URL); it ends with /elements/api-v2."
)
REQUEST_ID_HEADERS = ("Elements-Request-Id", "X-Request-Id", "Request-Id")


class OpenConnectorsError(Exception):
    """Base class of every error this package raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ConfigurationError(OpenConnectorsError):
    """A setting is missing or invalid; the message names the setting and how to set it."""


class ProviderError(OpenConnectorsError):
    """A ConnectorInstance operation failed; the message says what to do next."""


class OAuthCallbackError(OpenConnectorsError):
    """The OAuth 2.0 redirect carried an error (e.g. ``access_denied``) or no code."""

    def __init__(self, message: str, *, error: str | None = None) -> None:
        super().__init__(message)
        self.error = error


class TransportError(OpenConnectorsError):
    """No HTTP answer: connection refused or reset, DNS failure, timeout.

    ``ambiguous`` is True when the request may have reached the server (read timeout, connection
    dropped after sending) and False when it certainly did not (connect error, connect timeout).
    """

    def __init__(self, message: str, *, method: str, path: str, ambiguous: bool) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.ambiguous = ambiguous

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(method={self.method!r}, path={self.path!r}, "
            f"ambiguous={self.ambiguous!r}, message={self.message!r})"
        )


class DeadlineExceededError(TransportError):
    """The operation's overall deadline (``openconnectors:operationTimeout``) passed before an
    answer came; ``ambiguous`` as for the last attempt."""


class APIError(OpenConnectorsError):
    """The API answered with an error status (or an undocumented answer)."""

    def __init__(
        self,
        message: str,
        *,
        http_status: int,
        method: str,
        path: str,
        request_id: str | None = None,
        api_message: str | None = None,
        provider_message: str | None = None,
        ambiguous: bool = False,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.method = method
        self.path = path
        self.request_id = request_id
        self.api_message = api_message
        self.provider_message = provider_message
        self.ambiguous = ambiguous

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(http_status={self.http_status!r}, method={self.method!r}, "
            f"path={self.path!r}, request_id={self.request_id!r}, "
            f"ambiguous={self.ambiguous!r}, message={self.message!r})"
        )


class BadRequestError(APIError):
    """400: the request body or parameters are invalid."""


class AuthenticationError(APIError):
    """401: missing or wrong secrets or token."""


class PermissionDeniedError(APIError):
    """403: the credentials are valid but not allowed to do this."""


class NotFoundError(APIError):
    """404: unknown connector (element), instance or route."""


class MethodNotAllowedError(APIError):
    """405: the route exists but not with this method."""


class ConflictError(APIError):
    """409: the request conflicts with the current state."""


class UnsupportedMediaTypeError(APIError):
    """415: the body is not JSON."""


class RateLimitError(APIError):
    """429: too many requests; ``retry_after`` seconds when the server said so."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIError):
    """5xx: the service failed. For a non-idempotent call ``ambiguous`` is True."""


class UnexpectedResponseError(APIError):
    """A success status whose body is not what the API documents."""


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


_ELEMENT_PATH = re.compile(r"^/elements/(?P<key>[^/]+)")
_INSTANCE_PATH = re.compile(r"^/instances/(?P<id>[^/]+)")


def class_for_status(status: int) -> type[APIError]:
    """The exception class for an HTTP error status."""
    if status in STATUS_CLASSES:
        return STATUS_CLASSES[status]
    if 500 <= status <= 599:
        return ServerError
    return APIError


_FORMULA_INSTANCE_PATH = re.compile(r"^/formulas/(?P<formula>[^/]+)/instances(/(?P<id>[^/]+))?$")
_FORMULA_PATH = re.compile(r"^/formulas(/(?P<id>[^/]+))?$")
_DEFINITION_PATH = re.compile(r"^/organizations/objects/(?P<name>[^/]+)/definitions$")
_TRANSFORMATION_PATH = re.compile(
    r"^/(organizations/elements/(?P<key>[^/]+)|instances/(?P<instance>[^/]+))"
    r"/transformations(/(?P<name>[^/]+))?$"
)
_GONE = "(deleted outside Pulumi?) or belongs to another organization. Run `pulumi refresh` to "
_GONE += "drop it from the state; the next `pulumi up` creates it again."


def _invalid_hint(path: str) -> str:
    """What to check in a request the API refused as invalid (400), per kind of object."""
    if _FORMULA_INSTANCE_PATH.match(path):
        return (
            "Fix the formula instance: check its name and that its configuration gives each "
            "variable of the formula a value (an element instance variable: an instance id)."
        )
    if _FORMULA_PATH.match(path):
        return (
            "Fix the formula: check its variables (configuration), its trigger and its steps "
            "(types, unique step names, onSuccess/onFailure naming steps, a scheduled "
            "trigger's cron)."
        )
    if _DEFINITION_PATH.match(path):
        return "Fix the common resource: each field needs a path and a type, paths unique."
    if _TRANSFORMATION_PATH.match(path):
        return (
            "Fix the transformation: check vendor_name, that each field's path is a field of "
            "the common resource, and its configuration and script."
        )
    if path == "/instances" or _INSTANCE_PATH.match(path):
        return (
            "Fix the request: check the instance name, tags and the configuration keys (and "
            "for OAuth 2.0 connectors provider_data.code) that this connector requires."
        )
    return "Fix the request as the API message says."


def _not_found_hint(method: str, path: str) -> str:
    if method == "POST" and path == "/instances":
        # The route exists: what was not found is the connector named in the body.
        return (
            "The connector (element_key / element_id) is unknown to Open Connectors; "
            "GET /elements lists the available connectors."
        )
    transformation = _TRANSFORMATION_PATH.match(path)
    if transformation:
        owner = (
            f"connector {transformation.group('key')!r}"
            if transformation.group("key")
            else f"instance {transformation.group('instance')}"
        )
        name = transformation.group("name") or "this object"
        return (
            f"There is no transformation of {name!r} for {owner}, or the "
            f"{owner.split(' ')[0]} is unknown: check element_key / instance_id and the common "
            "resource's name. A transformation deleted outside Pulumi: run `pulumi refresh` "
            "to drop it from the state; the next `pulumi up` creates it again."
        )
    formula_instance = _FORMULA_INSTANCE_PATH.match(path)
    if formula_instance:
        if formula_instance.group("id"):
            return (
                f"Formula instance {formula_instance.group('id')} of formula "
                f"{formula_instance.group('formula')} does not exist {_GONE}"
            )
        return (
            f"Formula {formula_instance.group('formula')} does not exist {_GONE} Check formula_id."
        )
    formula = _FORMULA_PATH.match(path)
    if formula and formula.group("id"):
        return f"Formula {formula.group('id')} does not exist {_GONE}"
    definition = _DEFINITION_PATH.match(path)
    if definition:
        return f"Common resource {definition.group('name')!r} does not exist {_GONE}"
    element = _ELEMENT_PATH.match(path)
    if element:
        return (
            f"The connector key (element) {element.group('key')!r} is unknown to Open Connectors. "
            "Check element_key / element_id; GET /elements lists the available connectors."
        )
    instance = _INSTANCE_PATH.match(path)
    if instance:
        return (
            f"Instance {instance.group('id')} does not exist (deleted outside Pulumi?) or belongs "
            "to another organization. Run `pulumi refresh` to drop it from the state."
        )
    if path.startswith("/hubs/"):
        return (
            "The hub or object is not available for this connector instance; check the hub "
            "name and object name."
        )
    return f"The route does not exist. {BASE_URL_HINT}"


def _hint(status: int, method: str, path: str, ambiguous: bool) -> str:
    if status == 400:
        if path.endswith("/oauth/url"):
            return (
                "Check that the connector uses OAuth 2.0 and that the api key, api secret and "
                "callback URL are set."
            )
        return _invalid_hint(path)
    if status == 401:
        if path.startswith("/hubs/"):
            return (
                "Check the instance token (the instance may have been deleted) and "
                "openconnectors:userSecret (or OPENCONNECTORS_USER_SECRET)."
            )
        return CREDENTIALS_HINT
    if status == 403:
        return (
            "The credentials are valid but not allowed to do this; check the account's role, "
            "or use the organization that owns the resource."
        )
    if status == 404:
        return _not_found_hint(method, path)
    if status == 405:
        return f"The route does not accept {method}; this is a client bug or a wrong base URL. " + (
            BASE_URL_HINT
        )
    if status == 409:
        return "Refresh the state (`pulumi refresh`) and retry once the conflict is resolved."
    if status == 415:
        return (
            "The client sends JSON; check that no proxy between you and Open Connectors rewrites "
            "the Content-Type."
        )
    if status == 429:
        return (
            "Open Connectors is rate limiting this account; retry later or lower the parallelism "
            "(`pulumi up --parallel N`)."
        )
    if 500 <= status <= 599:
        if ambiguous:
            return (
                "The request may nevertheless have taken effect: check whether it did (e.g. "
                "`pulumi refresh`) before retrying."
            )
        return "This is a failure on the service side; retry later."
    if 300 <= status <= 399:
        return f"The API answered with a redirect, which it does not document. {BASE_URL_HINT}"
    return "See the API message above."


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


def error_from_response(
    *,
    status: int,
    method: str,
    path: str,
    payload: bytes | str | Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    redactor: Redactor | None = None,
    attempts: int = 1,
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

    parts = [f"Open Connectors {_what(status)} ({status}) on {method} {path}"]
    detail = api_message or "no message"
    if provider_message and provider_message != api_message:
        detail += f" (provider: {provider_message})"
    message = f"{parts[0]}: {detail}."
    if attempts > 1:
        message += f" Gave up after {attempts} attempts."
    message += " " + _hint(status, method, path, ambiguous)
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
