"""The ``event.*`` configuration keys of an instance document and the ``events`` input they
stand for, both ways (plain dicts, no validation: :mod:`.rules` validates). Light: imported
by the spec, which the Pulumi program loads.

The keys and their values are those the platform's element guides document (each
``docs/elements/<element>/events.md`` of the public devportal, and the *Polling
Configuration* page of its event-management guide); what they leave open, and the reading
taken, is in ``docs/emulator.md`` (*Instance events*).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, TypedDict

ENABLED = "event.notification.enabled"
VENDOR_TYPE = "event.vendor.type"
CALLBACK_URL = "event.notification.callback.url"
SIGNATURE_KEY = "event.notification.signature.key"
OBJECTS = "event.objects"
REFRESH_INTERVAL = "event.poller.refresh_interval"
POLLER_CONFIGURATION = "event.poller.configuration"

EVENT_KEYS: dict[str, str] = {
    "enabled": ENABLED,
    "type": VENDOR_TYPE,
    "callback_url": CALLBACK_URL,
    "signature_key": SIGNATURE_KEY,
    "objects": OBJECTS,
    "poll_interval_minutes": REFRESH_INTERVAL,
    "poll_objects": POLLER_CONFIGURATION,
}
"""Each field of ``events`` and the configuration key it is sent as."""

FIELD_OF_KEY = {key: name for name, key in EVENT_KEYS.items()}

POLLING_ONLY = ("poll_interval_minutes", "poll_objects")

MASKED = "********"


class PollDatesArgs(TypedDict, total=False):
    """``datesConfiguration`` of a polled object."""

    updated_field: str
    updated_format: str
    updated_timezone: str
    created_field: str
    created_format: str
    created_timezone: str


class _PollObjectRequired(TypedDict):
    url: str


class PollObjectArgs(_PollObjectRequired, total=False):
    """One object of ``event.poller.configuration`` (``url`` required)."""

    id_field: str
    filter_by_current_date: bool
    filter_by_updated_date: bool
    created_check_tolerance: int
    page_size: int
    poll_delay: int
    dates: PollDatesArgs


class _EventsRequired(TypedDict):
    type: Literal["polling", "webhook"]


class InstanceEventsArgs(_EventsRequired, total=False):
    """The ``events`` input of a ConnectorInstance, for type checkers (a plain dict works)."""

    enabled: bool
    callback_url: str
    signature_key: str
    objects: list[str]
    poll_interval_minutes: int
    poll_objects: dict[str, PollObjectArgs]


# One object of ``event.poller.configuration``: our name -> the document's (camelCase) key.
_POLL_KEYS = {
    "url": "url",
    "id_field": "idField",
    "filter_by_current_date": "filterByCurrentDate",
    "filter_by_updated_date": "filterByUpdatedDate",
    "created_check_tolerance": "createdCheckTolerance",
    "page_size": "pageSize",
    "poll_delay": "pollDelay",
}
_DATE_KEYS = {
    "updated_field": "updatedDateField",
    "updated_format": "updatedDateFormat",
    "updated_timezone": "updatedDateTimezone",
    "created_field": "createdDateField",
    "created_format": "createdDateFormat",
    "created_timezone": "createdDateTimezone",
}


def _poll_document(objects: Mapping[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for name, spec in objects.items():
        entry = {_POLL_KEYS[k]: v for k, v in dict(spec).items() if k in _POLL_KEYS}
        dates = dict(spec).get("dates")
        if isinstance(dates, Mapping):
            entry["datesConfiguration"] = {
                _DATE_KEYS[k]: v for k, v in dates.items() if k in _DATE_KEYS
            }
        document[str(name)] = entry
    return document


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def event_configuration(events: Mapping[str, Any] | None) -> dict[str, str]:
    """The ``event.*`` configuration keys ``events`` (normalised, or as state holds it)
    stands for, values as the documented strings."""
    if not events:
        return {}
    keys: dict[str, str] = {}
    for name, value in events.items():
        key = EVENT_KEYS.get(name)
        if key is None or value is None:
            continue
        if name == "objects" and isinstance(value, list):
            keys[key] = ",".join(str(v) for v in value)
        elif name == "poll_objects" and isinstance(value, Mapping):
            keys[key] = json.dumps(_poll_document(value), separators=(",", ":"), sort_keys=True)
        else:
            keys[key] = _text(value)
    return keys


# -- reading back ------------------------------------------------------------------------


def _bool_back(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _int_back(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _poll_objects_back(value: Any) -> Any:
    document = value
    if isinstance(value, str):
        try:
            document = json.loads(value)
        except ValueError:
            return value
    if not isinstance(document, Mapping):
        return value
    objects: dict[str, Any] = {}
    for name, entry in document.items():
        if not isinstance(entry, Mapping):
            objects[str(name)] = entry
            continue
        back = {ours: entry[theirs] for ours, theirs in _POLL_KEYS.items() if theirs in entry}
        dates = entry.get("datesConfiguration")
        if isinstance(dates, Mapping):
            back["dates"] = {
                ours: dates[theirs] for ours, theirs in _DATE_KEYS.items() if theirs in dates
            }
        objects[str(name)] = back
    return objects


def _field_back(name: str, value: Any) -> Any:
    if name == "enabled":
        return _bool_back(value)
    if name == "type":
        return "webhook" if value == "webhooks" else value  # both spellings are documented
    if name == "objects":
        text = value if isinstance(value, str) else ",".join(map(str, value or []))
        return [part.strip() for part in text.split(",") if part.strip()]
    if name == "poll_interval_minutes":
        return _int_back(value)
    if name == "poll_objects":
        return _poll_objects_back(value)
    return value


def events_from_configuration(
    shown: Mapping[str, Any], desired: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """``events`` as an instance's configuration (``shown``) holds it: the fields ``desired``
    manages (all the instance shows when None, an import); a field whose key is gone is
    left out (drift), a masked value is taken as desired. None: no event key at all."""
    names = [n for n in EVENT_KEYS if desired is None or n in desired]
    back: dict[str, Any] = {}
    for name in names:
        value = shown.get(EVENT_KEYS[name])
        if value is None:
            continue
        if value == MASKED and desired is not None and name in desired:
            back[name] = desired[name]
            continue
        back[name] = _field_back(name, value)
    if desired is None and not back:
        return None
    return back


def same_events(old: Any, new: Any) -> bool:
    """Events compared by the configuration keys they stand for (engine numbers as floats)."""
    if old is None or new is None:
        return old is new
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return bool(old == new)
    return event_configuration(old) == event_configuration(new)
