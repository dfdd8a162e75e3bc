"""OAuth 2.0 helpers for programs and scripts: the authorize URL, and the code from a redirect.

Flow (seed 002): ``GET /elements/{key}/oauth/url`` gives the vendor's authorize URL; the user
grants access there; the vendor redirects to the callback URL with ``code`` and ``state`` (or
``error`` when the user denies); the code goes into ``providerData.code`` at create.

Settings: explicit arguments win, then - inside a Pulumi program - the stack config
(``openconnectors:baseUrl`` ...), then the environment (``OPENCONNECTORS_BASE_URL`` or
``OPENCONNECTORS_REGION``, ``OPENCONNECTORS_USER_SECRET``,
``OPENCONNECTORS_ORGANIZATION_SECRET``); anything missing is a ConfigurationError that names the
setting.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse, urlsplit, urlunsplit

import requests

from .client import ClientSettings, OpenConnectorsClient
from .config import resolve_settings
from .errors import OAuthCallbackError, TransportError
from .resources.advice import PULUMI_ADVICE


def _stack_config(key: str) -> Any:
    """A stack config value when running inside a Pulumi program (the SDK is loaded), else None.

    Never imports pulumi itself: scripts and the CLI stay light.
    """
    runtime_config = sys.modules.get("pulumi.runtime.config")
    if runtime_config is None:
        return None
    return runtime_config.get_config(key)


def settings_from_env(
    *,
    base_url: str | None = None,
    user_secret: str | None = None,
    organization_secret: str | None = None,
    region: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ClientSettings:
    """Client settings: explicit arguments, then stack config (in a Pulumi program), then
    environment variables."""
    explicit = {
        "openconnectors:baseUrl": base_url,
        "openconnectors:region": region,
        "openconnectors:userSecret": user_secret,
        "openconnectors:organizationSecret": organization_secret,
    }

    return resolve_settings(_stack_config, env, overrides=explicit)


def program_client(
    base_url: str | None, user_secret: str | None, organization_secret: str | None
) -> OpenConnectorsClient:
    """A client with these settings where given, else a program's (:func:`settings_from_env`),
    whose errors speak to a Pulumi user."""
    settings = settings_from_env(
        base_url=base_url, user_secret=user_secret, organization_secret=organization_secret
    )
    return OpenConnectorsClient(settings, advice=PULUMI_ADVICE)


def get_oauth_url(
    element_key: str,
    *,
    api_key: str,
    api_secret: str,
    callback_url: str,
    state: str | None = None,
    scope: str | None = None,
    site_address: str | None = None,
    base_url: str | None = None,
    user_secret: str | None = None,
    organization_secret: str | None = None,
) -> str:
    """The URL where the user authorizes the connector (``oauthUrl`` of the API's answer)."""
    with program_client(base_url, user_secret, organization_secret) as client:
        answer = client.get_oauth_url(
            element_key,
            api_key=api_key,
            api_secret=api_secret,
            callback_url=callback_url,
            state=state,
            scope=scope,
            site_address=site_address,
        )
    return answer.oauth_url


def parse_callback(url: str, expected_state: str | None = None) -> str:
    """The authorization grant ``code`` carried by the redirect to the callback URL.

    Raises OAuthCallbackError when the user denied (``error=access_denied``), when the redirect
    carries another error or no code, or when ``state`` differs from ``expected_state``.
    """
    query = parse_qs(urlparse(url).query)
    error = query["error"][0] if query.get("error") else None
    if error is not None:
        description = (query.get("error_description") or [""])[0]
        detail = f" ({description})" if description else ""
        if error == "access_denied":
            raise OAuthCallbackError(
                f"The user denied access at the provider (error=access_denied){detail}. "
                "Open the authorize URL again and grant access to get a code.",
                error=error,
            )
        raise OAuthCallbackError(
            f"The provider redirected with error={error}{detail} instead of a code. "
            "Check the OAuth app's api key, secret and callback URL, then retry.",
            error=error,
        )
    if expected_state is not None:
        state = query["state"][0] if query.get("state") else None
        if state != expected_state:
            raise OAuthCallbackError(
                "The redirect's state does not match the one sent (possible forged or stale "
                "redirect). Start the authorization again.",
                error="state_mismatch",
            )
    code = (query.get("code") or [""])[0]
    if not code:
        raise OAuthCallbackError(
            "The redirect carries no code. Make sure the callback URL registered with the "
            "provider is the one passed as callback_url, then authorize again.",
            error="no_code",
        )
    return code


def obtain_code_noninteractive(
    oauth_url: str, callback_url: str, *, deny: bool = False, timeout: float = 10.0
) -> str:
    """Follow the (emulator's) authorize URL one hop and return the code from the redirect.

    Does not follow the redirect to the callback: the code is read from ``Location``. With
    ``deny=True`` the emulator simulates a user who refuses (``error=access_denied``).
    """
    url = oauth_url
    if deny:
        parts = urlsplit(oauth_url)
        extra = urlencode({"deny": "true"})
        url = urlunsplit(parts._replace(query=f"{parts.query}&{extra}" if parts.query else extra))
    try:
        response = requests.get(url, allow_redirects=False, timeout=timeout)
    except requests.RequestException:
        parts = urlsplit(oauth_url)
        raise TransportError(
            f"Could not reach the authorize URL at {parts.scheme}://{parts.netloc}{parts.path}. "
            "Is the emulator running? (`python -m pulumi_openconnectors.emulator`)",
            method="GET",
            path=parts.path,
            ambiguous=False,
        ) from None
    location = response.headers.get("Location")
    response.close()
    if response.status_code not in (301, 302, 303, 307, 308) or not location:
        raise OAuthCallbackError(
            f"The authorize URL answered {response.status_code} instead of a redirect to the "
            "callback. Non-interactive codes work only with the emulator's authorize URL; with a "
            "real provider use `oauth catch`.",
            error="no_redirect",
        )
    target, expected = urlsplit(location), urlsplit(callback_url)
    if (target.scheme, target.netloc, target.path) != (
        expected.scheme,
        expected.netloc,
        expected.path,
    ):
        raise OAuthCallbackError(
            "The authorize URL redirected somewhere other than the callback URL "
            f"({target.scheme}://{target.netloc}{target.path}). Pass the callback URL used to "
            "get the authorize URL.",
            error="wrong_redirect",
        )
    return parse_callback(location)
