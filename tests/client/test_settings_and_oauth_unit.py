"""ClientSettings validation and repr; OAuth helpers that need no server."""

from __future__ import annotations

import pytest

from pulumi_openconnectors.client import ClientSettings
from pulumi_openconnectors.errors import ConfigurationError, OAuthCallbackError
from pulumi_openconnectors.oauth import parse_callback, settings_from_env

ENV = {
    "OPENCONNECTORS_BASE_URL": "http://127.0.0.1:9/elements/api-v2/",
    "OPENCONNECTORS_USER_SECRET": "env-user-secret",
    "OPENCONNECTORS_ORGANIZATION_SECRET": "env-org-secret",
}


def settings(**kwargs: object) -> ClientSettings:
    base: dict[str, object] = {
        "base_url": "https://x.example/elements/api-v2/",
        "user_secret": "u-secret-1",
        "organization_secret": "o-secret-2",
    }
    base.update(kwargs)
    return ClientSettings(**base)  # type: ignore[arg-type]


def test_base_url_normalised_and_defaults() -> None:
    s = settings()
    assert s.base_url == "https://x.example/elements/api-v2"
    assert (s.timeout, s.max_retries, s.backoff_base, s.backoff_max) == (30.0, 4, 0.5, 20.0)
    assert s.timeouts == (10.0, 30.0)
    assert settings(timeout=2.0).timeouts == (2.0, 2.0)
    assert settings(connect_timeout=1.0).timeouts == (1.0, 30.0)


def test_repr_masks_secrets() -> None:
    s = settings(bearer_token="bearer-tok-3")
    for text in (repr(s), str(s)):
        assert "u-secret-1" not in text
        assert "o-secret-2" not in text
        assert "bearer-tok-3" not in text
        assert "https://x.example/elements/api-v2" in text


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"base_url": "ftp://x"}, "OPENCONNECTORS_BASE_URL"),
        ({"base_url": ""}, "OPENCONNECTORS_BASE_URL"),
        ({"user_secret": ""}, "OPENCONNECTORS_USER_SECRET"),
        ({"organization_secret": ""}, "OPENCONNECTORS_ORGANIZATION_SECRET"),
        ({"timeout": 0}, "timeout"),
        ({"max_retries": -1}, "maxRetries"),
    ],
)
def test_invalid_settings(kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        settings(**kwargs)
    assert needle in str(info.value)


def test_bearer_token_makes_secrets_optional() -> None:
    s = settings(user_secret="", organization_secret="", bearer_token="tok-123")
    assert s.bearer_token == "tok-123"


def test_settings_from_env_explicit_wins() -> None:
    s = settings_from_env(env=ENV)
    assert s.base_url == "http://127.0.0.1:9/elements/api-v2"
    assert s.user_secret == "env-user-secret"
    s = settings_from_env(base_url="http://h:1/elements/api-v2", user_secret="explicit", env=ENV)
    assert s.base_url == "http://h:1/elements/api-v2"
    assert s.user_secret == "explicit"
    assert s.organization_secret == "env-org-secret"


def test_settings_from_env_region() -> None:
    env = {k: v for k, v in ENV.items() if k != "OPENCONNECTORS_BASE_URL"}
    env["OPENCONNECTORS_REGION"] = "us2"
    s = settings_from_env(env=env)
    assert s.base_url == "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"


@pytest.mark.parametrize(
    "missing",
    ["OPENCONNECTORS_BASE_URL", "OPENCONNECTORS_USER_SECRET", "OPENCONNECTORS_ORGANIZATION_SECRET"],
)
def test_settings_from_env_missing_names_the_variable(missing: str) -> None:
    env = {k: v for k, v in ENV.items() if k != missing}
    with pytest.raises(ConfigurationError) as info:
        settings_from_env(env=env)
    assert missing in str(info.value)


def test_parse_callback_code() -> None:
    assert parse_callback("https://app/cb?code=abc123&state=hootsuite") == "abc123"
    assert parse_callback("https://app/cb?code=abc123&state=s1", expected_state="s1") == "abc123"


def test_parse_callback_denied() -> None:
    with pytest.raises(OAuthCallbackError) as info:
        parse_callback("https://app/cb?error=access_denied&state=hootsuite")
    assert info.value.error == "access_denied"
    assert "denied" in str(info.value)


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("https://app/cb?state=x", "no_code"),
        ("https://app/cb?code=&state=x", "no_code"),
        ("https://app/cb?error=invalid_scope&error_description=bad+scope", "invalid_scope"),
    ],
)
def test_parse_callback_other_failures(url: str, error: str) -> None:
    with pytest.raises(OAuthCallbackError) as info:
        parse_callback(url)
    assert info.value.error == error


def test_parse_callback_state_mismatch() -> None:
    with pytest.raises(OAuthCallbackError) as info:
        parse_callback("https://app/cb?code=abc&state=evil", expected_state="good")
    assert info.value.error == "state_mismatch"
