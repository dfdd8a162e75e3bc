"""The offline OAuth 2.0 flow: authorize URLs and one-time codes bound to an apiKey."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import ApiError
from .store import CodeRecord, Store

AUTHORIZE_PATH = "/_emulator/oauth/authorize"


def authorize_url(
    root_url: str,
    api_key: str,
    callback_url: str,
    state: str,
    scope: str | None = None,
) -> str:
    """The `oauthUrl` handed to clients: it points at the emulator's own authorize page."""
    params = {
        "client_id": api_key,
        "redirect_uri": callback_url,
        "state": state,
        "response_type": "code",
    }
    if scope:
        params["scope"] = scope
    return f"{root_url.rstrip('/')}{AUTHORIZE_PATH}?{urlencode(params)}"


def with_query(url: str, extra: dict[str, str]) -> str:
    """`url` with `extra` added to its query string (keeping what it already has)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(extra.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


class OAuthCodes:
    """Issues codes and checks them at instance creation."""

    def __init__(self, store: Store, clock: Callable[[], float], ttl_seconds: float) -> None:
        self._store = store
        self._clock = clock
        self._ttl = ttl_seconds

    def issue(self, api_key: str) -> str:
        code = secrets.token_urlsafe(24)
        self._store.add_code(code, api_key, self._clock())
        return code

    def checker(self, api_key: str | None) -> Callable[[CodeRecord | None], None]:
        """A check for `Store.create_instance`: raises a 400 ApiError to refuse the code."""

        def check(record: CodeRecord | None) -> None:
            if record is None:
                raise ApiError(400, "providerData.code is not a known authorization code")
            if record.used:
                raise ApiError(400, "providerData.code has already been used")
            if self._clock() - record.issued_at > self._ttl:
                raise ApiError(400, "providerData.code has expired")
            if api_key is None or not secrets.compare_digest(
                record.api_key.encode(), api_key.encode()
            ):
                raise ApiError(
                    400,
                    "providerData.code was issued for another oauth.api.key",
                    provider_message="invalid_grant",
                )

        return check
