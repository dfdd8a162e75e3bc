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

:func:`pulumi_openconnectors.client.responses.error_from_response` is the one place that maps
a status to a class and writes the message. Messages say what to do and carry the request id.
They never contain secrets: every text is passed through the client's
:class:`~pulumi_openconnectors.client.redact.Redactor` first, so ``str(exc)`` and ``repr(exc)``
are safe to log.
"""

from __future__ import annotations

from typing import Any, ClassVar


class OpenConnectorsError(Exception):
    """Base class of every error this package raises."""

    _shown: ClassVar[tuple[str, ...]] = ()
    """The attributes ``repr`` names before the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        if not self._shown:
            return f"{type(self).__name__}({self.message!r})"
        named = ", ".join(f"{name}={getattr(self, name)!r}" for name in (*self._shown, "message"))
        return f"{type(self).__name__}({named})"


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

    _shown = ("method", "path", "ambiguous")

    def __init__(self, message: str, *, method: str, path: str, ambiguous: bool) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.ambiguous = ambiguous


class DeadlineExceededError(TransportError):
    """The operation's overall deadline (``openconnectors:operationTimeout``) passed before an
    answer came; ``ambiguous`` as for the last attempt."""


class APIError(OpenConnectorsError):
    """The API answered with an error status (or an undocumented answer)."""

    _shown = ("http_status", "method", "path", "request_id", "ambiguous")

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
