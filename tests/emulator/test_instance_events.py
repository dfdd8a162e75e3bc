"""Instance events: the `event.*` configuration keys the element guides document, accepted,
checked and returned by the emulator (over real HTTP, without the client)."""

from __future__ import annotations

import json
from typing import Any

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import assert_error, brighttalk_body, call, closeio_body, create, ok

POLLING = {
    "event.notification.enabled": "true",
    "event.vendor.type": "polling",
    "event.notification.callback.url": "https://app.example/events",
    "event.poller.refresh_interval": "15",
    "event.objects": "contacts,leads",
}


def _closeio(**events: str) -> dict[str, Any]:
    return closeio_body(configuration={"username": "ada", "password": "pw", **events})


def test_polling_keys_are_stored_and_returned(emulator: EmulatorServer) -> None:
    created = create(emulator, _closeio(**POLLING))
    assert created["eventsEnabled"] is True
    shown = ok(call(emulator, "GET", f"/instances/{created['id']}"))
    assert {k: shown["configuration"][k] for k in POLLING} == POLLING


def test_the_documented_json_forms_are_stored_as_strings(emulator: EmulatorServer) -> None:
    """The guides send `event.notification.enabled` as a boolean and
    `event.poller.configuration` as an object; instances show both as strings."""
    poller = {"contacts": {"url": "/hubs/crm/contacts?where=x='${date}'", "idField": "id"}}
    body = closeio_body(
        configuration={
            "username": "ada",
            "password": "pw",
            "event.notification.enabled": True,
            "event.notification.callback.url": "https://app.example/events",
            "event.vendor.type": "polling",
            "event.poller.configuration": poller,
        }
    )
    created = create(emulator, body)
    shown = created["configuration"]
    assert shown["event.notification.enabled"] == "true"
    assert json.loads(shown["event.poller.configuration"]) == poller


def test_events_off_by_default(emulator: EmulatorServer) -> None:
    created = create(emulator, closeio_body())
    assert created["eventsEnabled"] is False
    assert not any(k.startswith("event.") for k in created["configuration"])


def test_patch_changes_the_interval_alone(emulator: EmulatorServer) -> None:
    created = create(emulator, _closeio(**POLLING))
    patched = ok(
        call(
            emulator,
            "PATCH",
            f"/instances/{created['id']}",
            {"configuration": {"event.poller.refresh_interval": "5"}},
        )
    )
    assert patched["configuration"]["event.poller.refresh_interval"] == "5"
    assert patched["configuration"]["event.objects"] == "contacts,leads"


def test_bad_event_values_are_refused_naming_the_key(emulator: EmulatorServer) -> None:
    cases = [
        ({**POLLING, "event.poller.refresh_interval": "0"}, "event.poller.refresh_interval"),
        ({**POLLING, "event.poller.refresh_interval": "1.5"}, "event.poller.refresh_interval"),
        ({**POLLING, "event.notification.enabled": "yes"}, "event.notification.enabled"),
        ({**POLLING, "event.vendor.type": "push"}, "event.vendor.type"),
        ({**POLLING, "event.notification.callback.url": ""}, "event.notification.callback.url"),
        ({**POLLING, "event.poller.configuration": "[1]"}, "event.poller.configuration"),
        ({**POLLING, "event.poller.configuration": '{"a": {}}'}, "needs a url"),
    ]
    for events, word in cases:
        response = call(emulator, "POST", "/instances", _closeio(**events))
        assert_error(response, 400, word)


def test_a_type_the_connector_does_not_document_is_refused(emulator: EmulatorServer) -> None:
    """brighttalk's events guide documents polling only."""
    body = brighttalk_body()
    body["configuration"].update(
        {
            "event.notification.enabled": "true",
            "event.vendor.type": "webhook",
            "event.notification.callback.url": "https://app.example/events",
        }
    )
    assert_error(call(emulator, "POST", "/instances", body), 400, "event.vendor.type", "polling")
    body["configuration"]["event.vendor.type"] = "polling"
    assert create(emulator, body)["eventsEnabled"] is True


def test_webhooks_is_read_as_webhook(emulator: EmulatorServer) -> None:
    """Some guides spell the type `webhooks`: accepted, and kept as sent."""
    created = create(
        emulator,
        _closeio(
            **{
                "event.notification.enabled": "true",
                "event.vendor.type": "webhooks",
                "event.notification.callback.url": "https://app.example/events",
            }
        ),
    )
    assert created["configuration"]["event.vendor.type"] == "webhooks"


def test_a_patch_that_breaks_the_events_is_refused(emulator: EmulatorServer) -> None:
    created = create(emulator, _closeio(**POLLING))
    response = call(
        emulator,
        "PATCH",
        f"/instances/{created['id']}",
        {"configuration": {"event.notification.callback.url": " "}},
    )
    assert_error(response, 400, "event.notification.callback.url")
    shown = ok(call(emulator, "GET", f"/instances/{created['id']}"))
    assert shown["configuration"]["event.notification.callback.url"].startswith("https://")
