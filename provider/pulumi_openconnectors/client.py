"""Typed REST client of the SAP Open Connectors platform API (no Pulumi in here).

One ``requests.Session`` per client with a connection pool, JSON everywhere, (connect, read)
timeouts, and retries with full-jitter exponential backoff honouring ``Retry-After`` (policy in
:mod:`pulumi_openconnectors.retry`). Errors are :mod:`pulumi_openconnectors.errors`; every
message and log line goes through a :class:`~pulumi_openconnectors.redact.Redactor` that knows
the secrets, the tokens seen and the configuration values sent.

Logging: ``pulumi_openconnectors.client`` at DEBUG, one line per attempt with method, path (no
query string), status, attempt, duration and request id. Never headers, bodies or queries.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote, urlparse

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter

from . import auth
from .errors import (
    REQUEST_ID_HEADERS,
    ConfigurationError,
    TransportError,
    UnexpectedResponseError,
    error_from_response,
)
from .models import (
    CreateInstanceRequest,
    Element,
    Instance,
    OAuthUrl,
    UpdateInstanceRequest,
    configuration_values,
)
from .redact import Redactor
from .retry import (
    backoff_delay,
    is_idempotent,
    parse_retry_after,
    should_retry_status,
    should_retry_transport,
    transport_failure,
)

logger = logging.getLogger("pulumi_openconnectors.client")

POOL_MAXSIZE = 32
DEFAULT_CONNECT_TIMEOUT = 10.0


def _version() -> str:
    try:
        return importlib.metadata.version("pulumi-openconnectors")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


USER_AGENT = f"pulumi-openconnectors/{_version()}"


@dataclass(frozen=True, repr=False)
class ClientSettings:
    """How to reach Open Connectors. ``repr`` masks the secrets.

    ``base_url`` is e.g. ``https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2``
    (a trailing slash is removed). With ``bearer_token`` set, platform calls use
    ``Authorization: Bearer <token>`` and the user/organization secrets may be empty.
    ``connect_timeout`` defaults to ``min(timeout, 10)``.
    """

    base_url: str
    user_secret: str
    organization_secret: str
    bearer_token: str | None = None
    timeout: float = 30.0
    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    connect_timeout: float | None = None

    def __post_init__(self) -> None:
        base_url = (self.base_url or "").strip().rstrip("/")
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigurationError(
                "openconnectors:baseUrl (OPENCONNECTORS_BASE_URL) must be an http(s) URL such as "
                "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2, "
                f"got {self.base_url!r}."
            )
        object.__setattr__(self, "base_url", base_url)
        if not self.bearer_token:
            missing = [
                f"{key} ({env})"
                for value, key, env in (
                    (self.user_secret, "openconnectors:userSecret", "OPENCONNECTORS_USER_SECRET"),
                    (
                        self.organization_secret,
                        "openconnectors:organizationSecret",
                        "OPENCONNECTORS_ORGANIZATION_SECRET",
                    ),
                )
                if not value
            ]
            if missing:
                raise ConfigurationError(
                    "Open Connectors credentials are missing: set " + " and ".join(missing) + "."
                )
        if not self.timeout > 0:
            raise ConfigurationError(
                f"openconnectors:timeout must be a positive number of seconds, got {self.timeout}."
            )
        if self.connect_timeout is not None and not self.connect_timeout > 0:
            raise ConfigurationError(
                f"connect_timeout must be a positive number of seconds, got {self.connect_timeout}."
            )
        if self.max_retries < 0:
            raise ConfigurationError(
                f"openconnectors:maxRetries must be 0 or more, got {self.max_retries}."
            )
        if self.backoff_base < 0 or self.backoff_max < 0:
            raise ConfigurationError("backoff_base and backoff_max must not be negative.")

    @property
    def timeouts(self) -> tuple[float, float]:
        """(connect, read) timeouts in seconds, as ``requests`` takes them."""
        connect = self.connect_timeout
        if connect is None:
            connect = min(self.timeout, DEFAULT_CONNECT_TIMEOUT)
        return (connect, self.timeout)

    def secrets(self) -> list[str]:
        return [s for s in (self.user_secret, self.organization_secret, self.bearer_token) if s]

    def __repr__(self) -> str:
        def mask(value: str | None) -> str:
            return "None" if value is None else ("'***'" if value else "''")

        return (
            f"ClientSettings(base_url={self.base_url!r}, user_secret={mask(self.user_secret)}, "
            f"organization_secret={mask(self.organization_secret)}, "
            f"bearer_token={mask(self.bearer_token)}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries!r}, backoff_base={self.backoff_base!r}, "
            f"backoff_max={self.backoff_max!r}, connect_timeout={self.connect_timeout!r})"
        )

    __str__ = __repr__


Params = Sequence[tuple[str, str]]
M = TypeVar("M", bound=BaseModel)


class OpenConnectorsClient:
    """The platform API. Thread-safe: one instance may serve concurrent provider calls.

    ``session``: an existing ``requests.Session`` to use (the caller closes it); by default the
    client creates one with a pooled adapter and closes it in :meth:`close`.
    ``sleep`` and ``rng`` are injectable so tests need not wait.
    """

    def __init__(
        self,
        settings: ClientSettings,
        session: requests.Session | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        redactor: Redactor | None = None,
    ) -> None:
        self.settings = settings
        self._owns_session = session is None
        self.session = session if session is not None else self._new_session(settings.base_url)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.redactor = redactor or Redactor()
        self.redactor.add(*settings.secrets())
        self._lock = threading.Lock()
        self.stats: dict[str, int] = {}

    @staticmethod
    def _new_session(base_url: str) -> requests.Session:
        session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=POOL_MAXSIZE, max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        # The environment's proxy and CA-bundle settings, read once for the one base URL
        # instead of on every request (about a fifth of the client's CPU per call). With
        # trust_env off, a ~/.netrc entry can no longer replace the Authorization header.
        session.proxies.update(requests.utils.get_environ_proxies(base_url))
        bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        if bundle:
            session.verify = bundle
        session.trust_env = False
        return session

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._owns_session:
            self.session.close()

    def __enter__(self) -> OpenConnectorsClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OpenConnectorsClient({self.settings!r})"

    # -- elements ----------------------------------------------------------------------------

    def list_elements(self) -> list[Element]:
        """``GET /elements``: the connector catalog."""
        data = self._request("GET", "/elements")
        items = self._as_list(data, "GET", "/elements")
        return [self._parse(Element, item, "GET", "/elements") for item in items]

    def get_element(self, key_or_id: str | int) -> Element:
        """``GET /elements/{keyOrId}``; NotFoundError when the connector key is unknown."""
        path = _path("/elements/{keyOrId}", keyOrId=key_or_id)
        data = self._request("GET", path, template="/elements/{keyOrId}")
        return self._parse(Element, data, "GET", path)

    def get_oauth_url(
        self,
        element: str | int,
        api_key: str,
        api_secret: str,
        callback_url: str,
        state: str | None = None,
        scope: str | None = None,
        site_address: str | None = None,
    ) -> OAuthUrl:
        """``GET /elements/{keyOrId}/oauth/url``: where to send the user to grant access."""
        self.redactor.add(api_secret)
        params: list[tuple[str, str]] = [
            ("apiKey", api_key),
            ("apiSecret", api_secret),
            ("callbackUrl", callback_url),
        ]
        for name, value in (("state", state), ("scope", scope), ("siteAddress", site_address)):
            if value is not None:
                params.append((name, value))
        template = "/elements/{keyOrId}/oauth/url"
        path = _path(template, keyOrId=element)
        data = self._request("GET", path, template=template, params=params)
        return self._parse(OAuthUrl, data, "GET", path)

    # -- instances ---------------------------------------------------------------------------

    def create_instance(self, req: CreateInstanceRequest, via_element: bool = False) -> Instance:
        """``POST /instances`` (or ``POST /elements/{keyOrId}/instances`` with ``via_element``).

        Not retried once it may have taken effect: on a read timeout, a dropped connection or a
        5xx the error has ``ambiguous=True`` and the caller must look for the instance.
        """
        self.redactor.add(*req.secret_values())
        if via_element:
            template = "/elements/{keyOrId}/instances"
            path = _path(template, keyOrId=req.element_ref)
            body = req.to_body(include_element=False)
        else:
            template = path = "/instances"
            body = req.to_body()
        data = self._request("POST", path, template=template, json_body=body)
        return self._instance(data, "POST", path)

    def get_instance(self, instance_id: int | str) -> Instance:
        """``GET /instances/{id}`` (token included); NotFoundError when it does not exist."""
        path = _path("/instances/{id}", id=instance_id)
        data = self._request("GET", path, template="/instances/{id}")
        return self._instance(data, "GET", path)

    def list_instances(self, tags: Iterable[str] | None = None) -> list[Instance]:
        """``GET /instances[?tags[]=a&tags[]=b]``: with tags, the instances carrying all of them."""
        params = [("tags[]", tag) for tag in tags] if tags is not None else None
        data = self._request("GET", "/instances", params=params)
        items = self._as_list(data, "GET", "/instances")
        return [self._instance(item, "GET", "/instances") for item in items]

    def update_instance(self, instance_id: int | str, req: UpdateInstanceRequest) -> Instance:
        """``PATCH /instances/{id}``: sent tags replace all tags, configuration is merged."""
        self.redactor.add(*req.secret_values())
        path = _path("/instances/{id}", id=instance_id)
        data = self._request("PATCH", path, template="/instances/{id}", json_body=req.to_body())
        return self._instance(data, "PATCH", path)

    def replace_instance(
        self, instance_id: int | str, body: UpdateInstanceRequest | Mapping[str, Any]
    ) -> Instance:
        """``PUT /instances/{id}``: full update (configuration replaced whole)."""
        payload = body.to_body() if isinstance(body, UpdateInstanceRequest) else dict(body)
        self.redactor.add(*configuration_values(payload))
        path = _path("/instances/{id}", id=instance_id)
        data = self._request("PUT", path, template="/instances/{id}", json_body=payload)
        return self._instance(data, "PUT", path)

    def delete_instance(self, instance_id: int | str) -> None:
        """``DELETE /instances/{id}``; NotFoundError when it does not exist (the caller decides)."""
        path = _path("/instances/{id}", id=instance_id)
        self._request("DELETE", path, template="/instances/{id}")

    # -- connector (hub) calls ---------------------------------------------------------------

    def hub_get(
        self, token: str, hub: str, obj: str, params: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """``GET /hubs/{hub}/{object}`` with ``Authorization: User <u>, Element <token>``."""
        self.redactor.add(token)
        template = "/hubs/{hub}/{object}"
        path = _path(template, hub=hub, object=obj)
        data = self._request(
            "GET",
            path,
            template=template,
            params=list(params.items()) if params else None,
            element_token=token,
        )
        records = self._as_list(data, "GET", path)
        if not all(isinstance(r, dict) for r in records):
            raise self._unexpected("GET", path, 200, None, "a list of objects")
        return records

    # -- plumbing ----------------------------------------------------------------------------

    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] = self.stats.get(key, 0) + 1

    def _as_list(self, data: Any, method: str, path: str) -> list[Any]:
        if data is None:
            return []
        if isinstance(data, list):
            return data
        raise self._unexpected(method, path, 200, None, "a JSON list")

    def _instance(self, data: Any, method: str, path: str) -> Instance:
        instance = self._parse(Instance, data, method, path)
        self.redactor.add(instance.token_value())
        return instance

    def _parse(self, model: type[M], data: Any, method: str, path: str) -> M:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            fields = sorted({".".join(str(p) for p in e["loc"]) or "<root>" for e in exc.errors()})
            raise self._unexpected(
                method, path, 200, None, f"a valid {model.__name__} (bad: {', '.join(fields)})"
            ) from None

    def _unexpected(
        self, method: str, path: str, status: int, request_id: str | None, expected: str
    ) -> UnexpectedResponseError:
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
            self.redactor.redact(message),
            http_status=status,
            method=method,
            path=path,
            request_id=request_id,
            ambiguous=ambiguous,
        )

    def _headers(self, element_token: str | None, has_body: bool) -> dict[str, str]:
        s = self.settings
        headers = {
            "Authorization": auth.authorization(
                user_secret=s.user_secret,
                organization_secret=s.organization_secret,
                bearer_token=s.bearer_token,
                element_token=element_token,
            )
        }
        if has_body:
            headers["Content-Type"] = "application/json"
        return headers

    def _request(
        self,
        method: str,
        path: str,
        *,
        template: str | None = None,
        params: Params | None = None,
        json_body: Any = None,
        element_token: str | None = None,
    ) -> Any:
        """One API call with retries. Returns the parsed JSON body (None when empty)."""
        template = template or path
        key = f"{method} {template}"
        url = self.settings.base_url + path
        headers = self._headers(element_token, json_body is not None)
        data = None if json_body is None else json.dumps(json_body).encode("utf-8")
        attempts = self.settings.max_retries + 1
        for attempt in range(1, attempts + 1):
            self._count(key)
            started = time.monotonic()
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    timeout=self.settings.timeouts,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                reason, ambiguous = transport_failure(exc)
                self._log(method, path, f"error ({reason})", attempt, started, None)
                if attempt < attempts and should_retry_transport(method, ambiguous):
                    self._sleep(self._backoff(attempt))
                    continue
                raise self._transport_error(method, path, reason, ambiguous, attempt) from None

            request_id = _request_id(response)
            self._log(method, path, str(response.status_code), attempt, started, request_id)
            status = response.status_code
            if status < 300:
                return self._json(response, method, path, request_id)
            if attempt < attempts and should_retry_status(method, status):
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                response.close()
                self._sleep(retry_after if retry_after is not None else self._backoff(attempt))
                continue
            raise error_from_response(
                status=status,
                method=method,
                path=path,
                payload=response.content,
                headers=response.headers,
                redactor=self.redactor,
                attempts=attempt,
            )
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        return backoff_delay(attempt, s.backoff_base, s.backoff_max, self._rng.uniform)

    def _json(
        self, response: requests.Response, method: str, path: str, request_id: str | None
    ) -> Any:
        if not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            raise self._unexpected(method, path, response.status_code, request_id, "JSON") from None

    def _transport_error(
        self, method: str, path: str, reason: str, ambiguous: bool, attempts: int
    ) -> TransportError:
        where = f"{method} {path}"
        message = f"Could not reach Open Connectors at {self.settings.base_url} ({where}): {reason}"
        if attempts > 1:
            message += f", after {attempts} attempts"
        message += "."
        if ambiguous:
            if is_idempotent(method):
                message += " Retry later, or raise openconnectors:timeout if the service is slow."
            else:
                message += (
                    " The request was sent and may have taken effect: check whether it did "
                    "(e.g. `pulumi refresh`) before retrying."
                )
        else:
            message += (
                " Check openconnectors:baseUrl (OPENCONNECTORS_BASE_URL) and your network; the "
                "request was not sent."
            )
        return TransportError(
            self.redactor.redact(message), method=method, path=path, ambiguous=ambiguous
        )

    def _log(
        self,
        method: str,
        path: str,
        outcome: str,
        attempt: int,
        started: float,
        request_id: str | None,
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s",
                self.redactor.redact(
                    f"{method} {path} -> {outcome} attempt={attempt} "
                    f"duration_ms={(time.monotonic() - started) * 1000:.1f} "
                    f"request_id={request_id or '-'}"
                ),
            )


def _path(template: str, **values: str | int) -> str:
    """Fill a route template, each value quoted as one path segment."""
    return template.format(**{k: quote(str(v), safe="") for k, v in values.items()})


def _request_id(response: requests.Response) -> str | None:
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
