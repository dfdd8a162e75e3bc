"""The offline OAuth 2.0 flow: the `oauthUrl` call, the consent page and one-time codes.

A code is bound to the `apiKey` it was issued for; instance creation checks and burns it (in
the same transaction as the insert, see ``routes.py``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse

from ...catalog import all_connectors, require_connector
from ...deps import AccountDep, RuntimeDep
from ...errors import ApiError
from ...runtime import Runtime
from ...schemas import error_responses
from ...settings import ADMIN_PREFIX, API_PREFIX
from .schemas import OAuthUrl, OAuthUrlQuery
from .tables import CODES, CodeRecord

AUTHORIZE_PATH = f"{ADMIN_PREFIX}/oauth/authorize"

router = APIRouter(prefix=API_PREFIX, responses=error_responses(400, 401, 404, 405))
consent_router = APIRouter(responses=error_responses(400, 405, faults=False), tags=["emulator"])


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


def issue_code(runtime: Runtime, api_key: str) -> str:
    code = secrets.token_urlsafe(24)
    with runtime.store.transaction() as conn:
        CODES.add(conn, code, api_key, runtime.settings.clock())
    return code


def code_checker(runtime: Runtime, api_key: str | None) -> Callable[[CodeRecord | None], None]:
    """A check for `CodeTable.claim`: raises a 400 ApiError to refuse the code."""
    clock = runtime.settings.clock
    ttl = runtime.settings.oauth_code_ttl

    def check(record: CodeRecord | None) -> None:
        if record is None:
            raise ApiError(400, "providerData.code is not a known authorization code")
        if record.used:
            raise ApiError(400, "providerData.code has already been used")
        if clock() - record.issued_at > ttl:
            raise ApiError(400, "providerData.code has expired")
        if api_key is None or not secrets.compare_digest(record.api_key.encode(), api_key.encode()):
            raise ApiError(
                400,
                "providerData.code was issued for another oauth.api.key",
                provider_message="invalid_grant",
            )

    return check


_OAUTH2_ELEMENTS = [str(v) for c in all_connectors() if c.is_oauth2 for v in (c.key, c.id)]
Required = Annotated[str, Query(min_length=1)]


@router.get("/elements/{keyOrId}/oauth/url", response_model=OAuthUrl, tags=["elements"])
async def oauth_url(
    keyOrId: Annotated[
        str,
        Path(
            description="an OAuth 2.0 element of the catalog (key or id)",
            json_schema_extra={"enum": _OAUTH2_ELEMENTS},
        ),
    ],
    request: Request,
    account: AccountDep,
    query: Annotated[OAuthUrlQuery, Query()],
) -> dict[str, str]:
    """400 for an element of the catalog that does not use OAuth 2.0, 404 for an unknown one."""
    connector = require_connector(keyOrId)
    if not connector.is_oauth2:
        raise ApiError(400, f"Element '{connector.key}' does not use OAuth 2.0")
    root = f"{request.url.scheme}://{request.url.netloc}"
    state = query.state or connector.key
    url = authorize_url(root, query.apiKey, query.callbackUrl, state, query.scope)
    return {"element": connector.key, "oauthUrl": url}


@consent_router.get(
    AUTHORIZE_PATH,
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "redirect to redirect_uri with code (or error) and state"}},
)
async def authorize(
    runtime: RuntimeDep,
    client_id: Required,
    redirect_uri: Required,
    state: str | None = None,
    response_type: Literal["code"] | None = None,
    scope: str | None = None,
    deny: bool = False,
) -> RedirectResponse:
    """The provider's consent page, offline: approves at once (or denies with deny=true)."""
    extra: dict[str, Any] = {}
    if deny:
        extra["error"] = "access_denied"
    else:
        extra["code"] = issue_code(runtime, client_id)
    if state is not None:
        extra["state"] = state
    return RedirectResponse(with_query(redirect_uri, extra), status_code=302)
