"""The transport every API area shares: session, authorization, retries, parsing, errors.

One ``requests.Session`` per client with a connection pool, JSON everywhere, (connect, read)
timeouts, and retries with full-jitter exponential backoff honouring ``Retry-After`` (policy in
:mod:`pulumi_openconnectors.retry`); a 429 pauses every thread of the client, and one request
probes the limit before the others go (:mod:`.rate_gate`). Errors are
:mod:`pulumi_openconnectors.errors`; every message and log line goes through a
:class:`~pulumi_openconnectors.redact.Redactor` that knows the secrets, the tokens seen and the
configuration values sent.

Logging: ``pulumi_openconnectors.client`` at DEBUG, one line per attempt with method, path (no
query string), status, attempt, duration and request id. Never headers, bodies or queries.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter

from .. import auth, deadline
from ..errors import (
    REQUEST_ID_HEADERS,
    DeadlineExceededError,
    NotFoundError,
    TransportError,
    UnexpectedResponseError,
    error_from_response,
    is_nothing_found,
)
from ..redact import Redactor
from ..retry import (
    backoff_delay,
    is_idempotent,
    is_permanent,
    parse_retry_after,
    should_retry_status,
    should_retry_transport,
    transport_failure,
)
from .rate_gate import RateGate
from .settings import USER_AGENT, ClientSettings

logger = logging.getLogger("pulumi_openconnectors.client")

POOL_MAXSIZE = 64  # >= config.MAX_CONCURRENCY: one kept-alive connection per concurrent call
NEXT_PAGE_HEADER = "Elements-Next-Page-Token"
MAX_PAGES = 1000
HELD_BACK = ("held back by the API's rate limit (429), not sent", False)


Params = Sequence[tuple[str, str]]
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T", bound="Transport")


class Transport:
    """The plumbing of :class:`~pulumi_openconnectors.client.OpenConnectorsClient`. Thread-safe:
    one instance may serve concurrent provider calls.

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
        self._gate = RateGate()
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

    def __enter__(self: T) -> T:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.settings!r})"

    # -- plumbing ----------------------------------------------------------------------------

    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] = self.stats.get(key, 0) + 1

    def _get_list(
        self,
        path: str,
        *,
        template: str | None = None,
        params: Params | None = None,
        element_token: str | None = None,
    ) -> list[Any]:
        """A list GET, every page of it. THE place that reads "nothing found" as empty.

        The platform answers a list that finds nothing with 404 and a message like ``No
        instances found`` (and some lists with ``[]``): both are an empty list, while any other
        404 (an unknown route or parent object) stays an error. Pages are followed through the
        ``Elements-Next-Page-Token`` header (``nextPage=<token>``), at most ``MAX_PAGES``.
        """
        items: list[Any] = []
        page_params = list(params or [])
        for _ in range(MAX_PAGES):
            try:
                data, headers = self._exchange(
                    "GET",
                    path,
                    template=template,
                    params=page_params,
                    element_token=element_token,
                )
            except NotFoundError as exc:
                if is_nothing_found(exc):
                    return items
                raise
            items.extend(self._as_list(data, "GET", path))
            token = headers.get(NEXT_PAGE_HEADER)
            if not token:
                return items
            page_params = [*(params or []), ("nextPage", token)]
        raise self._unexpected("GET", path, 200, None, f"a list of at most {MAX_PAGES} pages")

    def _get_map(self, path: str, *, template: str | None = None) -> dict[str, dict[str, Any]]:
        """A GET answering a map of name -> object (object definitions, transformations).

        "Nothing found" (404 ``No … found``) is an empty map; entries whose value is not an
        object (the platform adds ``"level": "organization"`` next to the names) are skipped.
        """
        try:
            data = self._request("GET", path, template=template)
        except NotFoundError as exc:
            if is_nothing_found(exc):
                return {}
            raise
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self._unexpected("GET", path, 200, None, "a JSON object (name -> object)")
        return {str(k): v for k, v in data.items() if isinstance(v, dict)}

    def _as_list(self, data: Any, method: str, path: str) -> list[Any]:
        if data is None:
            return []
        if isinstance(data, list):
            return data
        raise self._unexpected(method, path, 200, None, "a JSON list")

    def _call(
        self,
        model: type[M],
        method: str,
        path: str,
        *,
        template: str | None = None,
        json_body: Any = None,
    ) -> M:
        """One API call (:meth:`_request`) whose answer is one ``model``, validated."""
        data = self._request(method, path, template=template, json_body=json_body)
        return self._parse(model, data, method, path)

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
        """One API call with retries, within the operation's deadline (:mod:`..deadline`).

        Returns the parsed JSON body (None when empty).
        """
        data, _headers = self._exchange(
            method,
            path,
            template=template,
            params=params,
            json_body=json_body,
            element_token=element_token,
        )
        return data

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        template: str | None = None,
        params: Params | None = None,
        json_body: Any = None,
        element_token: str | None = None,
    ) -> tuple[Any, Mapping[str, str]]:
        """:meth:`_request`, also returning the answer's headers."""
        template = template or path
        key = f"{method} {template}"
        url = self.settings.base_url + path
        headers = self._headers(element_token, json_body is not None)
        data = None if json_body is None else json.dumps(json_body).encode("utf-8")
        attempts = self.settings.max_retries + 1
        last: tuple[str, bool] | None = None  # (reason, ambiguous) of the last failed attempt
        slept_until = 0.0  # the end of this thread's own sleep after a 429
        for attempt in range(1, attempts + 1):
            left = deadline.remaining()
            if left is not None and left <= 0:
                raise self._deadline_error(method, path, attempt - 1, last)
            probe = self._gate.admit(left, slept_until)  # the client's shared 429 back-off
            if probe is None:
                raise self._deadline_error(method, path, attempt - 1, last or HELD_BACK)
            left = deadline.remaining()
            self._count(key)
            started = time.monotonic()
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    timeout=self._timeouts(left),
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                self._gate.no_answer(probe)
                reason, ambiguous = transport_failure(exc)
                last = (reason, ambiguous)
                self._log(method, path, f"error ({reason})", attempt, started, None)
                if (
                    attempt < attempts
                    and not is_permanent(exc)
                    and should_retry_transport(method, ambiguous)
                ):
                    self._wait(self._backoff(attempt), method, path, attempt, last)
                    continue
                raise self._transport_error(method, path, reason, ambiguous, attempt) from None

            request_id = _request_id(response)
            self._note_server_clock(response.headers.get("Date"))
            self._log(method, path, str(response.status_code), attempt, started, request_id)
            status = response.status_code
            wait = 0.0
            if status >= 300:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                wait = retry_after if retry_after is not None else self._backoff(attempt)
            self._gate.answered(probe, rate_limited=status == 429, retry_after=wait)
            if status < 300:
                return self._json(response, method, path, request_id), response.headers
            if attempt < attempts and should_retry_status(method, status):
                response.close()
                last = (f"answered {status}", status >= 500 and not is_idempotent(method))
                slept_until = time.monotonic() + wait
                self._wait(wait, method, path, attempt, last)
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

    def _note_server_clock(self, date_header: str | None) -> None:
        """Remember how far the server's clock (its ``Date`` header) is from ours."""
        if not date_header:
            return
        try:
            server = email.utils.parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError):
            return
        self._clock_offset = server - time.time()

    def server_time(self) -> float:
        """Now on the server's clock (epoch seconds), as far as its ``Date`` headers tell
        (second resolution; our own clock before any answer)."""
        return time.time() + getattr(self, "_clock_offset", 0.0)

    def _timeouts(self, left: float | None) -> tuple[float, float]:
        """(connect, read) for one attempt: the settings', cut short by the deadline."""
        connect, read = self.settings.timeouts
        if left is None:
            return (connect, read)
        return (max(0.001, min(connect, left)), max(0.001, min(read, left)))

    def _wait(
        self, seconds: float, method: str, path: str, attempts: int, last: tuple[str, bool]
    ) -> None:
        """Sleep before the next attempt, unless the deadline would pass first."""
        left = deadline.remaining()
        if left is not None and seconds >= left:
            raise self._deadline_error(method, path, attempts, last)
        self._sleep(seconds)

    def _deadline_error(
        self, method: str, path: str, attempts: int, last: tuple[str, bool] | None
    ) -> DeadlineExceededError:
        budget = deadline.budget() or 0.0
        reason, ambiguous = last if last is not None else ("not sent", False)
        message = (
            f"{method} {path}: no clear answer from Open Connectors at {self.settings.base_url} "
            f"within the operation deadline of {budget:g} s (openconnectors:operationTimeout); "
            f"{attempts} attempt{'s' if attempts != 1 else ''}, last: {reason}."
        )
        if ambiguous and not is_idempotent(method):
            message += " The request may have taken effect: look before retrying."
        return DeadlineExceededError(
            self.redactor.redact(message), method=method, path=path, ambiguous=ambiguous
        )

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


def fill_path(template: str, **values: str | int) -> str:
    """Fill a route template, each value quoted as one path segment; ``.`` and ``..`` as
    ``%2E`` and ``%2E%2E``, which an HTTP library does not remove from the path as it does
    dot segments (the call would reach another route)."""
    return template.format(**{k: _segment(str(v)) for k, v in values.items()})


def _segment(value: str) -> str:
    return "%2E" * len(value) if value in (".", "..") else quote(value, safe="")


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
