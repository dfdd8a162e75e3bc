"""Instance rules: validation, updates and the response shape."""

from __future__ import annotations

import base64
import dataclasses
import json
import secrets
from collections.abc import Callable
from typing import Any

from ...bodies import check_bool
from ...catalog import Connector, find_connector, is_secret_key
from ...errors import ApiError
from .tables import InstanceRecord

MASK = "********"
MAX_NAME_LENGTH = 255


def new_token() -> str:
    """A random instance token: 44 base64 characters, like the ones in the API docs."""
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _bad(message: str) -> ApiError:
    return ApiError(400, message)


def check_name(value: Any) -> str:
    if value is None:
        raise _bad("name is required")
    if not isinstance(value, str):
        raise _bad("name must be a string")
    if not value.strip():
        raise _bad("name must not be empty")
    if len(value) > MAX_NAME_LENGTH:
        raise _bad(f"name must be at most {MAX_NAME_LENGTH} characters")
    return value


def check_tags(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise _bad("tags must be a list of strings")
    return list(value)


EVENTS_ENABLED = "event.notification.enabled"
EVENT_TYPE = "event.vendor.type"
EVENT_CALLBACK = "event.notification.callback.url"
REFRESH_INTERVAL = "event.poller.refresh_interval"
POLLER_CONFIGURATION = "event.poller.configuration"


def _documented_form(key: str, value: Any) -> Any:
    """The element guides send `event.notification.enabled` as a JSON boolean and
    `event.poller.configuration` as a JSON object; instances show both as strings."""
    if key == EVENTS_ENABLED and isinstance(value, bool):
        return "true" if value else "false"
    if key == POLLER_CONFIGURATION and isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return value


def check_configuration(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, dict):
        value = {k: _documented_form(k, v) for k, v in value.items()}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _bad("configuration must be an object whose values are strings")
    return dict(value)


def check_events(connector: Connector, configuration: dict[str, str]) -> None:
    """The `event.*` keys as the element guides document them (see docs/emulator.md)."""
    enabled = configuration.get(EVENTS_ENABLED)
    if enabled is not None and enabled not in ("true", "false"):
        raise _bad(f"{EVENTS_ENABLED} must be true or false")
    kind = configuration.get(EVENT_TYPE)
    if kind is not None:
        kind = "webhook" if kind == "webhooks" else kind
        if kind not in ("polling", "webhook"):
            raise _bad(f"{EVENT_TYPE} must be polling or webhook")
        if kind not in connector.event_types:
            raise _bad(
                f"{EVENT_TYPE} {kind} is not supported by element '{connector.key}' "
                f"(it supports {' and '.join(connector.event_types)} events)"
            )
    if enabled == "true" and not configuration.get(EVENT_CALLBACK, "").strip():
        raise _bad(f"{EVENT_CALLBACK} is required when events are enabled")
    interval = configuration.get(REFRESH_INTERVAL)
    if interval is not None and not (interval.isascii() and interval.isdigit() and int(interval)):
        raise _bad(f"{REFRESH_INTERVAL} must be a whole number of minutes, at least 1")
    poller = configuration.get(POLLER_CONFIGURATION)
    if poller is not None:
        _check_poller(poller)


def _check_poller(text: str) -> None:
    try:
        document = json.loads(text)
    except ValueError:
        raise _bad(f"{POLLER_CONFIGURATION} must be a JSON object") from None
    if not isinstance(document, dict):
        raise _bad(f"{POLLER_CONFIGURATION} must be a JSON object")
    for name, entry in document.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise _bad(f"{POLLER_CONFIGURATION}: resource '{name}' needs a url")


def check_required_config(connector: Connector, configuration: dict[str, str]) -> None:
    missing = [k for k in connector.required_config if not configuration.get(k, "").strip()]
    if missing:
        raise _bad(
            f"configuration is missing required keys for element '{connector.key}': "
            + ", ".join(missing)
        )


def _element_ref(ref: Any) -> tuple[str | None, int | None]:
    """The key and the id of a body's `element` ({"key": ...} or {"id": ...})."""
    if not isinstance(ref, dict):
        raise _bad("element is required: an object with 'key' or 'id'")
    key = ref.get("key")
    ident = ref.get("id")
    if key is None and ident is None:
        raise _bad("element is required: an object with 'key' or 'id'")
    if key is not None and not isinstance(key, str):
        raise _bad("element.key must be a string")
    if ident is not None and (not isinstance(ident, int) or isinstance(ident, bool)):
        raise _bad("element.id must be an integer")
    return key, ident


def connector_from_ref(
    ref: Any, find: Callable[[str | int], Connector | None] = find_connector
) -> Connector:
    """The connector named by a body's `element` ({"key": ...} or {"id": ...}); ``find``
    looks it up (the catalog, and the organization's private elements)."""
    key, ident = _element_ref(ref)
    connector = find(key if key is not None else ident)  # type: ignore[arg-type]
    if connector is None:
        raise ApiError(404, "No element with that key or id")
    if key is not None and ident is not None and connector.id != ident:
        raise _bad("element.key and element.id name different elements")
    return connector


def check_same_element(body: dict[str, Any], connector: Connector) -> None:
    """An `element` in an update or a nested create body must name the instance's element."""
    if body.get("element") is None:
        return
    try:
        key, ident = _element_ref(body["element"])
    except ApiError as exc:
        raise _bad("element does not match the instance's element") from exc
    if (key is not None and key != connector.key) or (ident is not None and ident != connector.id):
        raise _bad("element does not match the instance's element")


def check_provider_data(body: dict[str, Any]) -> str | None:
    """The `providerData.code` of a create body, if any; the shape is checked for every
    element, OAuth 2.0 or not (an object whose `code` is a string)."""
    data = body.get("providerData")
    if data is None:
        return None
    if not isinstance(data, dict):
        raise _bad("providerData must be an object")
    code = data.get("code")
    if code is not None and not isinstance(code, str):
        raise _bad("providerData.code must be a string")
    return code or None


def provider_code(body: dict[str, Any]) -> str:
    code = check_provider_data(body)
    if code is None:
        raise _bad("providerData.code is required for OAuth 2.0 elements")
    return code


def apply_patch(
    record: InstanceRecord, body: dict[str, Any], connector: Connector
) -> InstanceRecord:
    """PATCH: only the given fields change; configuration is merged key by key."""
    check_same_element(body, connector)
    name = record.name if body.get("name") is None else check_name(body["name"])
    tags = record.tags if body.get("tags") is None else check_tags(body["tags"])
    configuration = dict(record.configuration)
    if body.get("configuration") is not None:
        configuration.update(check_configuration(body["configuration"]))
        check_required_config(connector, configuration)
        check_events(connector, configuration)
    disabled = check_bool(body, "disabled")
    return _replace(
        record, name, tags, configuration, record.disabled if disabled is None else disabled
    )


def check_whole(
    body: dict[str, Any], connector: Connector
) -> tuple[str, list[str], dict[str, str]]:
    """The name, tags and configuration of a whole instance (a create, a PUT), checked in
    that order, the configuration against what the connector requires."""
    name = check_name(body.get("name"))
    tags = check_tags(body.get("tags"))
    configuration = check_configuration(body.get("configuration"))
    check_required_config(connector, configuration)
    check_events(connector, configuration)
    return name, tags, configuration


def apply_put(record: InstanceRecord, body: dict[str, Any], connector: Connector) -> InstanceRecord:
    """PUT: name, tags, configuration and disabled are replaced whole."""
    check_same_element(body, connector)
    name, tags, configuration = check_whole(body, connector)
    disabled = check_bool(body, "disabled")
    return _replace(record, name, tags, configuration, bool(disabled))


def _replace(
    record: InstanceRecord,
    name: str,
    tags: list[str],
    configuration: dict[str, str],
    disabled: bool,
) -> InstanceRecord:
    return dataclasses.replace(
        record, name=name, tags=tags, configuration=configuration, disabled=disabled
    )


def render(record: InstanceRecord, connector: Connector | None) -> dict[str, Any]:
    """The instance as the API returns it (secret configuration values masked); ``connector``
    is its element (looked up by the caller: the catalog or a private element)."""
    if connector is None:  # a private element cannot go while instances use it: corrupt data
        raise ApiError(500, "Instance refers to an unknown element")
    body: dict[str, Any] = {
        "id": record.id,
        "name": record.name,
        "createdDate": record.created_date,
        "token": record.token,
        "element": connector.element_json(),
        "elementId": connector.id,
        "tags": list(record.tags),
        "provisionInteractions": [],
        "valid": True,
        "disabled": record.disabled,
        "maxCacheSize": 0,
        "cacheTimeToLive": 0,
        "configuration": {
            k: (MASK if is_secret_key(connector, k) else v) for k, v in record.configuration.items()
        },
        "eventsEnabled": record.configuration.get(EVENTS_ENABLED) == "true",
        "traceLoggingEnabled": False,
        "cachingEnabled": False,
        "externalAuthentication": "none",
        "user": {"id": record.user_id},
    }
    if record.objects is not None:
        body["objects"] = [dict(o) for o in record.objects]
    return body
