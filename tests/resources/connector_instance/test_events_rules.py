"""`events=`: its rules (check failures naming the field) and the `event.*` keys it stands
for, both ways. No HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_openconnectors.resources.connector_instance.event_keys import (
    event_configuration,
    events_from_configuration,
    same_events,
)
from pulumi_openconnectors.resources.connector_instance.operations import InstanceOperations
from pulumi_openconnectors.resources.connector_instance.spec import SPEC

CALLBACK = "https://app.example/events"
BASE: dict[str, Any] = {
    "element_key": "closeio",
    "name": "crm",
    "configuration": {"username": "u", "password": "p"},
}
POLLING: dict[str, Any] = {
    "type": "polling",
    "callback_url": CALLBACK,
    "poll_interval_minutes": 15,
    "objects": ["contacts", "leads"],
}


def _check(events: Any, **changes: Any) -> tuple[dict[str, Any] | None, list[str]]:
    inputs, failures = InstanceOperations.check({**BASE, **changes, "events": events})
    return inputs, [reason for _, reason in failures]


def test_valid_polling_events_are_normalised() -> None:
    inputs, failures = _check({**POLLING, "poll_interval_minutes": 15.0})
    assert failures == []
    assert inputs is not None
    assert inputs["events"] == {**POLLING, "enabled": True}
    assert isinstance(inputs["events"]["poll_interval_minutes"], int)


@pytest.mark.parametrize(
    ("events", "changes", "expected"),
    [
        ({**POLLING, "poll_interval_minutes": 0}, {}, "events.poll_interval_minutes must be"),
        ({**POLLING, "poll_interval_minutes": 2.5}, {}, "events.poll_interval_minutes must be"),
        ({**POLLING, "poll_interval_minutes": "15"}, {}, "events.poll_interval_minutes must be"),
        ({**POLLING, "poll_interval_minutes": True}, {}, "events.poll_interval_minutes must be"),
        ({**POLLING, "callback_url": "http://app.example/e"}, {}, "events.callback_url must be"),
        ({**POLLING, "callback_url": "https://"}, {}, "events.callback_url must be an https"),
        ({**POLLING, "callback_url": None}, {}, "events.callback_url: enabled events need"),
        ({k: v for k, v in POLLING.items() if k != "callback_url"}, {}, "events.callback_url:"),
        ({k: v for k, v in POLLING.items() if k != "objects"}, {}, "events.poll_objects: polling"),
        ({**POLLING, "objects": []}, {}, "events.poll_objects: polling needs the objects"),
        ({**POLLING, "objects": ["a,b"]}, {}, "events.objects[0] must be an object name"),
        ({**POLLING, "objects": ["a", "a"]}, {}, "events.objects[1] duplicate"),
        ({**POLLING, "type": "push"}, {}, "events.type must be 'polling' or 'webhook'"),
        ({k: v for k, v in POLLING.items() if k != "type"}, {}, "events.type is required"),
        ({**POLLING, "interval": 5}, {}, "events.interval is not a known field"),
        ({**POLLING, "enabled": "yes"}, {}, "events.enabled must be true or false"),
        ({**POLLING, "signature_key": " "}, {}, "events.signature_key must not be empty"),
        (
            {**POLLING, "type": "webhook", "objects": ["contacts"]},
            {},
            "events.poll_interval_minutes: only for type 'polling'",
        ),
        (
            {**POLLING, "poll_objects": {"contacts": {"id_field": "id"}}},
            {},
            "events.poll_objects['contacts'].url is required",
        ),
        (
            {**POLLING, "poll_objects": {"contacts": {"url": "/x", "page_size": 0}}},
            {},
            "events.poll_objects['contacts'].page_size",
        ),
        ("polling", {}, "events must be a mapping"),
        (
            POLLING,
            {"configuration": {"username": "u", "password": "p", "event.objects": "x"}},
            "configuration['event.objects'] is also set by events.objects",
        ),
        (
            {"type": "webhook", "callback_url": CALLBACK},
            {
                "element_key": "brighttalk",
                "configuration": {"brighttalk.api.key": "k", "brighttalk.api.secret": "s"},
            },
            "events.type: 'brighttalk' documents polling events only",
        ),
        (
            {**POLLING},
            {
                "element_key": "hootsuite",
                "configuration": {
                    "oauth.api.key": "k",
                    "oauth.api.secret": "s",
                    "oauth.callback.url": "https://cb",
                },
            },
            "events.type: 'hootsuite' documents webhook events only",
        ),
    ],
)
def test_bad_events_fail_check_naming_the_field(
    events: Any, changes: dict[str, Any], expected: str
) -> None:
    inputs, failures = _check(events, **changes)
    assert inputs is None
    assert any(expected in reason for reason in failures), failures


def test_disabled_events_need_no_callback_nor_objects() -> None:
    """An instance read back with events off (as the platform shows every instance) checks."""
    inputs, failures = _check({"type": "polling", "enabled": False, "poll_interval_minutes": 15})
    assert failures == [] and inputs is not None


def test_webhook_events() -> None:
    events = {"type": "webhook", "callback_url": CALLBACK, "signature_key": "k-123"}
    inputs, failures = _check(events)
    assert failures == [] and inputs is not None
    assert event_configuration(inputs["events"]) == {
        "event.vendor.type": "webhook",
        "event.notification.enabled": "true",
        "event.notification.callback.url": CALLBACK,
        "event.notification.signature.key": "k-123",
    }


def test_the_documented_keys_both_ways() -> None:
    events = {
        **POLLING,
        "enabled": True,
        "poll_objects": {
            "contacts": {
                "url": "/hubs/crm/contacts?where=lastModifiedDate>='${date}'",
                "id_field": "id",
                "filter_by_updated_date": True,
                "page_size": 200,
                "dates": {"updated_field": "lastModifiedDate", "updated_format": "milliseconds"},
            }
        },
    }
    keys = event_configuration(events)
    assert keys["event.notification.enabled"] == "true"
    assert keys["event.vendor.type"] == "polling"
    assert keys["event.notification.callback.url"] == CALLBACK
    assert keys["event.poller.refresh_interval"] == "15"
    assert keys["event.objects"] == "contacts,leads"
    assert json.loads(keys["event.poller.configuration"]) == {
        "contacts": {
            "url": "/hubs/crm/contacts?where=lastModifiedDate>='${date}'",
            "idField": "id",
            "filterByUpdatedDate": True,
            "pageSize": 200,
            "datesConfiguration": {
                "updatedDateField": "lastModifiedDate",
                "updatedDateFormat": "milliseconds",
            },
        }
    }
    assert events_from_configuration(keys, events) == events
    assert events_from_configuration(keys, None) == events


def test_reading_back_takes_the_platform_forms() -> None:
    """Booleans and objects as the guides send them, `webhooks`, an interval as a number."""
    shown = {
        "event.notification.enabled": True,
        "event.vendor.type": "webhooks",
        "event.notification.callback.url": CALLBACK,
        "event.poller.refresh_interval": 15,
        "event.poller.configuration": {"a": {"url": "/x", "unknownKey": 1}},
        "event.notification.subscription.id": None,
        "username": "u",
    }
    back = events_from_configuration(shown, None)
    assert back == {
        "enabled": True,
        "type": "webhook",
        "callback_url": CALLBACK,
        "poll_interval_minutes": 15,
        "poll_objects": {"a": {"url": "/x"}},
    }


def test_reading_back_shows_drift_and_keeps_masked_values() -> None:
    desired = {**POLLING, "enabled": True, "signature_key": "s-1"}
    live = {**event_configuration(desired), "event.poller.refresh_interval": "30"}
    live["event.notification.signature.key"] = "********"
    del live["event.objects"]
    back = events_from_configuration(live, desired)
    assert back is not None
    assert back["poll_interval_minutes"] == 30 and back["signature_key"] == "s-1"
    assert "objects" not in back
    assert not same_events(back, desired)


def test_no_event_keys_reads_as_no_events() -> None:
    assert events_from_configuration({"username": "u"}, None) is None


def test_diff_compares_by_the_keys_sent() -> None:
    """The engine hands numbers back as floats; unset events are not managed."""
    old = {**POLLING, "enabled": True}
    assert same_events(old, {**old, "poll_interval_minutes": 15.0})
    assert not same_events(old, {**old, "poll_interval_minutes": 5})
    configuration = BASE["configuration"]
    olds = {**BASE, "events": old}
    assert SPEC.diff(olds, {**BASE, "events": {**old, "poll_interval_minutes": 15.0}}) == ([], [])
    assert SPEC.diff(olds, {**BASE, "events": {**old, "poll_interval_minutes": 5}}) == (
        [],
        ["events"],
    )
    assert SPEC.diff(olds, {**BASE, "configuration": configuration}) == ([], [])


def test_events_is_a_secret_output() -> None:
    assert "events" in SPEC.secret_names


def test_disabled_events_keep_what_the_platform_shows() -> None:
    """Responses list defaults (a webhook instance with a poller interval) while events are
    off: such events check, so an import of them does."""
    events = {"type": "webhook", "enabled": False, "poll_interval_minutes": 15, "poll_objects": {}}
    inputs, failures = _check(events)
    assert failures == [] and inputs is not None


def test_events_not_known_yet_skip_their_rules() -> None:
    """A preview: a value computed by another resource is not checked yet."""
    from pulumi_openconnectors.markers import UNKNOWN

    inputs, failures = _check({**POLLING, "callback_url": UNKNOWN})
    assert failures == [] and inputs is None
