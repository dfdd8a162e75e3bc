"""Provider settings: stack configuration first, then environment variables, else a clear error.

| stack config key                         | environment variable                  |
|------------------------------------------|---------------------------------------|
| ``openconnectors:baseUrl``               | ``OPENCONNECTORS_BASE_URL``           |
| ``openconnectors:region``                | ``OPENCONNECTORS_REGION``             |
| ``openconnectors:userSecret`` (secret)   | ``OPENCONNECTORS_USER_SECRET``        |
| ``openconnectors:organizationSecret``    | ``OPENCONNECTORS_ORGANIZATION_SECRET``|
| ``openconnectors:bearerToken`` (secret)  | ``OPENCONNECTORS_BEARER_TOKEN``       |
| ``openconnectors:timeout``               | ``OPENCONNECTORS_TIMEOUT``            |
| ``openconnectors:maxRetries``            | ``OPENCONNECTORS_MAX_RETRIES``        |

Explicit stack config wins over the environment. There is no silent default endpoint: with
neither ``baseUrl`` nor ``region`` set, resolution fails with a message saying what to set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from .client import ClientSettings
from .errors import ConfigurationError
from .regions import base_url_for_region

NAMESPACE = "openconnectors"

ConfigLookup = Callable[[str], Any]


@dataclass(frozen=True)
class SettingSource:
    """Where one setting comes from: its stack config key and its environment variable."""

    key: str
    env: str

    @property
    def config_key(self) -> str:
        return f"{NAMESPACE}:{self.key}"

    def how_to_set(self, secret: bool = False) -> str:
        flag = " --secret" if secret else ""
        return f"`pulumi config set{flag} {self.config_key} <value>` or export {self.env}"


BASE_URL = SettingSource("baseUrl", "OPENCONNECTORS_BASE_URL")
REGION = SettingSource("region", "OPENCONNECTORS_REGION")
USER_SECRET = SettingSource("userSecret", "OPENCONNECTORS_USER_SECRET")
ORGANIZATION_SECRET = SettingSource("organizationSecret", "OPENCONNECTORS_ORGANIZATION_SECRET")
BEARER_TOKEN = SettingSource("bearerToken", "OPENCONNECTORS_BEARER_TOKEN")
TIMEOUT = SettingSource("timeout", "OPENCONNECTORS_TIMEOUT")
MAX_RETRIES = SettingSource("maxRetries", "OPENCONNECTORS_MAX_RETRIES")


def _no_stack_config(_key: str) -> Any:
    return None


def _lookup(source: SettingSource, config: ConfigLookup, env: Mapping[str, str]) -> str | None:
    value = config(source.config_key)
    if value is None or value == "":
        value = env.get(source.env)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(
    source: SettingSource,
    raw: str | None,
    default: float,
    minimum: float,
    maximum: float,
    integer: bool,
) -> float:
    if raw is None:
        return default
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        kind = "a whole number" if integer else "a number of seconds"
        raise ConfigurationError(
            f"{source.config_key} ({source.env}) must be {kind}, got {raw!r}."
        ) from None
    if not minimum <= value <= maximum:
        raise ConfigurationError(
            f"{source.config_key} ({source.env}) must be between {minimum:g} and {maximum:g}, "
            f"got {raw!r}."
        )
    return value


def _validated_base_url(raw: str) -> str:
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigurationError(
            f"{BASE_URL.config_key} ({BASE_URL.env}) must be an http(s) URL such as "
            "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2, "
            f"got {raw!r}."
        )
    return raw.rstrip("/")


def resolve_settings(
    config: ConfigLookup = _no_stack_config,
    env: Mapping[str, str] | None = None,
) -> ClientSettings:
    """Build client settings from stack config (``config(key)``) and environment variables.

    Raises ConfigurationError naming every missing setting and how to set it.
    """
    environ: Mapping[str, str] = os.environ if env is None else env
    base_url = _lookup(BASE_URL, config, environ)
    region = _lookup(REGION, config, environ)
    user_secret = _lookup(USER_SECRET, config, environ)
    organization_secret = _lookup(ORGANIZATION_SECRET, config, environ)
    bearer_token = _lookup(BEARER_TOKEN, config, environ)

    missing: list[str] = []
    if base_url is None and region is None:
        missing.append(
            f"the API endpoint: {BASE_URL.how_to_set()} "
            f"(or a region: {REGION.how_to_set()}, e.g. us2 or eu10)"
        )
    if bearer_token is None:
        if user_secret is None:
            missing.append(f"the user secret: {USER_SECRET.how_to_set(secret=True)}")
        if organization_secret is None:
            missing.append(
                f"the organization secret: {ORGANIZATION_SECRET.how_to_set(secret=True)}"
            )
    if missing:
        raise ConfigurationError(
            "Open Connectors provider is not configured. Set "
            + "; and ".join(missing)
            + ". For the local emulator, run `make up` or see README.md#configuration."
        )

    url = (
        _validated_base_url(base_url) if base_url is not None else base_url_for_region(region or "")
    )
    timeout = _number(TIMEOUT, _lookup(TIMEOUT, config, environ), 30.0, 0.1, 600.0, False)
    retries = _number(MAX_RETRIES, _lookup(MAX_RETRIES, config, environ), 4, 0, 20, True)
    return ClientSettings(
        base_url=url,
        user_secret=user_secret or "",
        organization_secret=organization_secret or "",
        bearer_token=bearer_token,
        timeout=timeout,
        max_retries=int(retries),
    )
