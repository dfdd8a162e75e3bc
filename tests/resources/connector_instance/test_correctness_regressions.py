"""Regressions of provider defects found by trying the project as a new user would (issue #10).

Each test failed before its fix. The provider's methods are called as the dynamic-provider host
calls them, against the emulator over real HTTP.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from pulumi_openconnectors.errors import ProviderError
from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider
from pulumi_openconnectors.markers import UNKNOWN

from ..conftest import configured_provider, instance_inputs, platform_headers, server_instances


def _inputs(**extra: Any) -> dict[str, Any]:
    return instance_inputs("Regression CRM", "pw-regression", **extra)


def _oauth_inputs(**extra: Any) -> dict[str, Any]:
    props: dict[str, Any] = {
        "element_key": "hootsuite",
        "name": "Social",
        "configuration": {
            "oauth.api.key": "k",
            "oauth.api.secret": "s",
            "oauth.callback.url": "http://127.0.0.1:9/cb",
        },
        "provider_data": {"code": "a-code"},
        "tags": [],
        "retrieve_objects": False,
    }
    props.update(extra)
    return props


def _patch(emulator: Any, instance_id: str, body: dict[str, Any]) -> None:
    answer = requests.patch(
        f"{emulator.base_url}/instances/{instance_id}",
        json=body,
        headers=platform_headers(emulator),
        timeout=5,
    )
    answer.raise_for_status()


def test_preview_with_unknown_configuration_and_a_known_code_passes(
    provider: ConnectorInstanceProvider,
) -> None:
    """configuration is another resource's output (unknown in a preview): the OAuth rule that
    needs it is left for later instead of failing with 'needs oauth.api.key…'."""
    result = provider.check({}, _oauth_inputs(configuration=UNKNOWN))
    assert result.failures == []
    partly_unknown = {"oauth.api.key": UNKNOWN, "oauth.api.secret": "s"}
    assert provider.check({}, _oauth_inputs(configuration=partly_unknown)).failures == []
    # once known, the rule applies again
    known = provider.check({}, _oauth_inputs(configuration={"oauth.api.key": "k"}))
    assert [f.reason.split(":")[0] for f in known.failures] == ["configuration"]


def test_rule_messages_keep_their_separator(provider: ConnectorInstanceProvider) -> None:
    both = provider.check({}, _inputs(element_id=4032))
    assert [f.reason for f in both.failures] == [
        "element_key: set exactly one of element_key or element_id"
    ]
    basic = provider.check({}, _inputs(configuration={"username": "u"}))
    [failure] = basic.failures
    assert failure.reason.startswith("configuration: a basic-auth instance needs both")


def test_refresh_accepts_what_the_api_holds_and_up_puts_it_back(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    """A duplicate tag added out of band: refresh shows it (twice, no ValidationError, also on
    the second refresh), and the next update restores the program's tags."""
    created = provider.create(_inputs(tags=["a"]))
    outs = created.outs or {}
    _patch(emulator, created.id, {"tags": ["a", "a", outs["ownership_tag"]]})
    first = provider.read(created.id, outs).outs or {}
    assert first["tags"] == ["a", "a"]
    second = provider.read(created.id, first).outs or {}
    assert second["tags"] == ["a", "a"]
    news = _inputs(tags=["a"])
    assert provider.diff(created.id, second, news).changes
    restored = provider.update(created.id, second, news).outs or {}
    assert restored["tags"] == ["a"]
    [server] = server_instances(emulator)
    assert sorted(server["tags"]) == sorted(["a", outs["ownership_tag"]])


def test_removing_a_configuration_key_keeps_an_out_of_band_disable(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    """The full PUT carries what the program does not manage (disabled unset) as it is."""
    created = provider.create(_inputs(configuration={"username": "u", "password": "p", "x": "1"}))
    _patch(emulator, created.id, {"disabled": True})
    news = _inputs(configuration={"username": "u", "password": "p"})
    provider.update(created.id, created.outs or {}, news)
    [server] = server_instances(emulator)
    assert "x" not in server["configuration"]
    assert server["disabled"] is True


def test_adoption_makes_the_configuration_the_programs(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    """Keys the program does not declare do not survive adoption unseen; an unmanaged
    ``disabled`` is kept."""
    existing = requests.post(
        f"{emulator.base_url}/instances",
        json={
            "element": {"key": "closeio"},
            "name": "made by hand",
            "configuration": {"username": "u", "password": "p", "legacy.key": "old"},
            "disabled": True,
        },
        headers=platform_headers(emulator),
        timeout=5,
    ).json()
    adopted = provider.create(
        _inputs(
            adopt_instance_id=existing["id"],
            configuration={"username": "u2", "password": "p2"},
        )
    )
    assert adopted.id == str(existing["id"])
    [server] = server_instances(emulator)
    assert set(server["configuration"]) == {"username", "password"}
    assert server["configuration"]["username"] == "u2"
    assert server["disabled"] is True
    assert server["name"] == "Regression CRM"


def test_https_to_a_plain_http_server_fails_fast_and_creates_nothing(emulator: Any) -> None:
    """The TLS handshake fails before anything is sent: no 'may have succeeded', no ~100 s
    reconciliation, no retries of a handshake that fails the same way every time."""
    https_url = emulator.base_url.replace("http://", "https://")
    provider = configured_provider(emulator, **{"openconnectors:baseUrl": https_url})
    started = time.monotonic()
    with pytest.raises(ProviderError) as info:
        provider.create(_inputs())
    elapsed = time.monotonic() - started
    message = str(info.value)
    assert "TLS handshake failed" in message
    assert "may have succeeded" not in message
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert server_instances(emulator) == []
    assert emulator.admin.stats()["requests"].get("POST /instances", 0) == 0


def test_every_operation_has_an_overall_deadline(emulator: Any) -> None:
    """Against an API that never answers, a delete ends at the operation deadline (not after
    every retry of every 30 s read timeout) and says so in one line."""
    provider = configured_provider(
        emulator,
        **{
            "openconnectors:timeout": "30",
            "openconnectors:maxRetries": "4",
            "openconnectors:operationTimeout": "3",
        },
    )
    created = provider.create(_inputs())
    emulator.admin.set_faults(
        {"rules": [{"method": "*", "path": "*", "action": "delay", "delayMs": 60000}]}
    )
    try:
        started = time.monotonic()
        with pytest.raises(Exception) as info:
            provider.delete(created.id, created.outs or {})
        elapsed = time.monotonic() - started
    finally:
        emulator.admin.clear_faults()
    message = str(info.value)
    assert "operation deadline of 3 s (openconnectors:operationTimeout)" in message
    assert "\n" not in message
    assert elapsed < 8, f"took {elapsed:.1f} s"
