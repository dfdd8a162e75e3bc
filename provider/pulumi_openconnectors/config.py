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
| ``openconnectors:operationTimeout``      | ``OPENCONNECTORS_OPERATION_TIMEOUT``  |
| ``openconnectors:concurrency``           | ``OPENCONNECTORS_CONCURRENCY``        |

Stack config wins over the environment, group by group: the endpoint (``baseUrl``,
``region``) and the credentials (``userSecret``, ``organizationSecret``, ``bearerToken``) each
come whole from the stack config when it sets any of their keys, else whole from the
environment (so a ``region`` in the stack is never overridden by an ``OPENCONNECTORS_BASE_URL``
left in a shell); the other settings key by key. There is no silent default endpoint: with
neither ``baseUrl`` nor ``region`` set, resolution fails with a message saying what to set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from .client import ClientSettings
from .client.regions import base_url_for_region
from .errors import ConfigurationError

NAMESPACE = "openconnectors"

ConfigLookup = Callable[[str], Any]


@dataclass(frozen=True)
class SettingSource:
    """Where one setting comes from: its stack config key (``openconnectors:maxRetries``) and
    its environment variable, the key in upper snake case (``OPENCONNECTORS_MAX_RETRIES``)."""

    key: str

    @property
    def config_key(self) -> str:
        return f"{NAMESPACE}:{self.key}"

    @property
    def env(self) -> str:
        words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", self.key)
        return f"{NAMESPACE.upper()}_{words.upper()}"

    def how_to_set(self, secret: bool = False) -> str:
        flag = " --secret" if secret else ""
        return f"`pulumi config set{flag} {self.config_key} -- <value>` or export {self.env}"


BASE_URL = SettingSource("baseUrl")
REGION = SettingSource("region")
USER_SECRET = SettingSource("userSecret")
ORGANIZATION_SECRET = SettingSource("organizationSecret")
BEARER_TOKEN = SettingSource("bearerToken")
TIMEOUT = SettingSource("timeout")
MAX_RETRIES = SettingSource("maxRetries")
OPERATION_TIMEOUT = SettingSource("operationTimeout")
CONCURRENCY = SettingSource("concurrency")

ENDPOINT_GROUP = (BASE_URL, REGION)
CREDENTIALS_GROUP = (USER_SECRET, ORGANIZATION_SECRET, BEARER_TOKEN)
API_PATH = "/elements/api-v2"
DEFAULT_OPERATION_TIMEOUT = 120.0
DEFAULT_CONCURRENCY = 4
"""What the Python dynamic-provider host serves at a time on its own (see host_concurrency)."""
MAX_CONCURRENCY = 64


def _no_stack_config(_key: str) -> Any:
    return None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _lookup(source: SettingSource, config: ConfigLookup, env: Mapping[str, str]) -> str | None:
    """One setting: the stack config's value, else the environment's."""
    value = _clean(config(source.config_key))
    return value if value is not None else _clean(env.get(source.env))


def _lookup_group(
    group: tuple[SettingSource, ...], config: ConfigLookup, env: Mapping[str, str]
) -> dict[SettingSource, str | None]:
    """A group of settings, whole from the stack config if it sets any of them, else whole
    from the environment."""
    from_stack = {source: _clean(config(source.config_key)) for source in group}
    if any(value is not None for value in from_stack.values()):
        return from_stack
    return {source: _clean(env.get(source.env)) for source in group}


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


def _overridden(config: ConfigLookup, overrides: Mapping[str, str | None]) -> ConfigLookup:
    def lookup(key: str) -> Any:
        value = _clean(overrides.get(key))
        return value if value is not None else config(key)

    return lookup


def _validated_base_url(raw: str) -> str:
    example = (
        "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2 (or, for the "
        "emulator, http://127.0.0.1:<port>/elements/api-v2)"
    )
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigurationError(
            f"{BASE_URL.config_key} ({BASE_URL.env}) must be an http(s) URL such as "
            f"{example}, got {raw!r}."
        )
    url = raw.rstrip("/")
    if parsed.query or parsed.fragment or not parsed.path.rstrip("/").endswith(API_PATH):
        raise ConfigurationError(
            f"{BASE_URL.config_key} ({BASE_URL.env}) must be the platform API root, ending "
            f"with {API_PATH} and without a query, such as {example}; got {raw!r}."
        )
    return url


def resolve_settings(
    config: ConfigLookup = _no_stack_config,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str | None] | None = None,
) -> ClientSettings:
    """Build client settings from stack config (``config(key)``) and environment variables.

    ``overrides`` (config key -> value, e.g. a CLI's explicit arguments) win key by key over
    both. Raises ConfigurationError naming every missing setting and how to set it.
    """
    environ: Mapping[str, str] = os.environ if env is None else env
    given = {k: v for k, v in (overrides or {}).items() if _clean(v) is not None}
    endpoint = _lookup_group(ENDPOINT_GROUP, config, environ)
    credentials = _lookup_group(CREDENTIALS_GROUP, config, environ)
    for group in (endpoint, credentials):
        for source in group:
            if source.config_key in given:
                group[source] = _clean(given[source.config_key])
    config = _overridden(config, given)
    base_url, region = endpoint[BASE_URL], endpoint[REGION]
    user_secret = credentials[USER_SECRET]
    organization_secret = credentials[ORGANIZATION_SECRET]
    bearer_token = credentials[BEARER_TOKEN]

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
    operation_timeout = _number(
        OPERATION_TIMEOUT,
        _lookup(OPERATION_TIMEOUT, config, environ),
        DEFAULT_OPERATION_TIMEOUT,
        1.0,
        3600.0,
        False,
    )
    return ClientSettings(
        base_url=url,
        user_secret=user_secret or "",
        organization_secret=organization_secret or "",
        bearer_token=bearer_token,
        timeout=timeout,
        max_retries=int(retries),
        operation_timeout=operation_timeout,
    )


def resolve_concurrency(
    config: ConfigLookup = _no_stack_config, env: Mapping[str, str] | None = None
) -> int:
    """How many operations the provider process may run at once (``openconnectors:concurrency``,
    default 4). Needs no endpoint or credentials, so it is resolved on its own."""
    environ: Mapping[str, str] = os.environ if env is None else env
    raw = _lookup(CONCURRENCY, config, environ)
    if raw is not None and raw.isdigit() and int(raw) < DEFAULT_CONCURRENCY:
        raise ConfigurationError(
            f"{CONCURRENCY.config_key} ({CONCURRENCY.env}) must be between "
            f"{DEFAULT_CONCURRENCY} and {MAX_CONCURRENCY}, got {raw!r}: the provider host always "
            f"serves {DEFAULT_CONCURRENCY} calls at a time. To run fewer operations at once, use "
            "`pulumi up --parallel N`."
        )
    value = _number(
        CONCURRENCY, raw, DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, True
    )
    return int(value)
