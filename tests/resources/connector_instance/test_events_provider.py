"""`events=` through the provider's methods (as the dynamic-provider host calls them), against
the emulator over real HTTP: create, update in place, refresh with drift, import, and the
check failures the engine gets."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider
from pulumi_openconnectors.resources.connector_instance.spec import SPEC

from ..conftest import instance_inputs, platform_headers, server_instances

CALLBACK = "https://app.example/events"
POLLING: dict[str, Any] = {
    "type": "polling",
    "callback_url": CALLBACK,
    "poll_interval_minutes": 15,
    "objects": ["contacts", "leads"],
}


def _checked(provider: ConnectorInstanceProvider, events: Any, **extra: Any) -> dict[str, Any]:
    result = provider.check({}, instance_inputs("Events CRM", "pw-events", events=events, **extra))
    assert not result.failures, [f.reason for f in result.failures]
    return dict(result.inputs)


def _shown(emulator: Any, instance_id: str) -> dict[str, Any]:
    r = requests.get(
        f"{emulator.base_url}/instances/{instance_id}",
        headers=platform_headers(emulator),
        timeout=5,
    )
    r.raise_for_status()
    configuration: dict[str, Any] = r.json()["configuration"]
    return configuration


def _patch(emulator: Any, instance_id: str, configuration: dict[str, str]) -> None:
    r = requests.patch(
        f"{emulator.base_url}/instances/{instance_id}",
        json={"configuration": configuration},
        headers=platform_headers(emulator),
        timeout=5,
    )
    r.raise_for_status()


def test_create_update_refresh_and_import(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    news = _checked(provider, POLLING)
    created = provider.create(news)
    outs = dict(created.outs or {})
    assert outs["events"] == {**POLLING, "enabled": True}
    assert outs["configuration"] == {"username": "u@example.com", "password": "pw-events"}
    shown = _shown(emulator, created.id)
    assert shown["event.vendor.type"] == "polling"
    assert shown["event.poller.refresh_interval"] == "15"
    assert shown["event.objects"] == "contacts,leads"
    assert shown["event.notification.callback.url"] == CALLBACK
    assert shown["event.notification.enabled"] == "true"

    # No change: no diff.
    assert not provider.diff(created.id, outs, news).changes

    # The interval changed: one PATCH carrying that key alone.
    changed = _checked(provider, {**POLLING, "poll_interval_minutes": 5})
    assert provider.diff(created.id, outs, changed).changes
    sent: list[Any] = []
    client = provider._ops().client
    original = client.update_instance

    def recording(instance_id: int, request: Any) -> Any:
        sent.append(request)
        return original(instance_id, request)

    client.update_instance = recording  # type: ignore[method-assign]
    try:
        emulator.admin.clear_stats()
        outs = dict(provider.update(created.id, outs, changed).outs or {})
    finally:
        client.update_instance = original  # type: ignore[method-assign]
    assert emulator.admin.stats()["requests"] == {"PATCH /instances/{id}": 1}
    assert [r.configuration for r in sent] == [{"event.poller.refresh_interval": "5"}]
    assert outs["events"]["poll_interval_minutes"] == 5
    assert _shown(emulator, created.id)["event.poller.refresh_interval"] == "5"

    # Changed out of band: refresh shows it, and the diff asks to put it back.
    _patch(emulator, created.id, {"event.poller.refresh_interval": "60"})
    read = provider.read(created.id, outs)
    assert read.outs["events"]["poll_interval_minutes"] == 60
    assert SPEC.diff(read.outs, changed) == ([], ["events"])

    # Import (read by id only): the event keys become `events`, not configuration.
    imported = provider.read(created.id, {}).outs
    assert imported["events"] == {
        **POLLING,
        "enabled": True,
        "poll_interval_minutes": 60,
    }
    assert not any(k.startswith("event.") for k in imported["configuration"])
    provider.delete(created.id, outs)


def test_dropping_a_field_sends_a_full_put_without_its_key(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    with_key = {**POLLING, "signature_key": "sig-one-two"}
    created = provider.create(_checked(provider, with_key))
    outs = dict(created.outs or {})
    assert _shown(emulator, created.id)["event.notification.signature.key"] == "sig-one-two"
    emulator.admin.clear_stats()
    outs = dict(provider.update(created.id, outs, _checked(provider, POLLING)).outs or {})
    assert "PUT /instances/{id}" in emulator.admin.stats()["requests"]
    shown = _shown(emulator, created.id)
    assert "event.notification.signature.key" not in shown
    assert shown["event.poller.refresh_interval"] == "15"
    assert shown["password"] == "********"
    assert "signature_key" not in outs["events"]


def test_instances_without_events_are_unchanged(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    """No `events` output for a program that does not use it (no new key in its state)."""
    created = provider.create(instance_inputs("Plain", "pw-plain"))
    outs = dict(created.outs or {})
    assert "events" not in outs
    assert "events" not in provider.read(created.id, outs).outs
    assert "events" not in provider.read(created.id, {}).outs


@pytest.mark.parametrize(
    ("events", "extra", "expected"),
    [
        ({**POLLING, "poll_interval_minutes": 0}, {}, "events.poll_interval_minutes"),
        ({**POLLING, "callback_url": "http://app.example/e"}, {}, "events.callback_url"),
        ({**POLLING, "objects": []}, {}, "events.poll_objects"),
        (
            POLLING,
            {"configuration": {"username": "u", "password": "p", "event.vendor.type": "x"}},
            "events.type",
        ),
    ],
)
def test_check_failures_name_the_field_and_nothing_is_created(
    provider: ConnectorInstanceProvider,
    emulator: Any,
    events: Any,
    extra: dict[str, Any],
    expected: str,
) -> None:
    result = provider.check({}, instance_inputs("Bad", "pw-bad", events=events, **extra))
    reasons = [f.reason for f in result.failures]
    assert any(expected in r for r in reasons), reasons
    assert server_instances(emulator) == []


def test_a_signature_key_is_masked_in_check_failures(provider: ConnectorInstanceProvider) -> None:
    """`events` is a secret input: its strings never appear in a failure's reason."""
    events = {**POLLING, "signature_key": "very-secret-signing-key", "poll_interval_minutes": 0}
    result = provider.check({}, instance_inputs("Bad", "pw-bad", events=events))
    assert result.failures
    assert not any("very-secret-signing-key" in f.reason for f in result.failures)


def test_raw_event_keys_without_a_type_are_imported_as_configuration(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    raw = {"username": "u", "password": "p", "event.notification.enabled": "false"}
    created = provider.create(instance_inputs("Raw", "pw-raw", configuration=raw))
    outs = dict(created.outs or {})
    assert outs["configuration"] == raw and "events" not in outs
    imported = provider.read(created.id, {}).outs
    assert "events" not in imported
    assert imported["configuration"]["event.notification.enabled"] == "false"
