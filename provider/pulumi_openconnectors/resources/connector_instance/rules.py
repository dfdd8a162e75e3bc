"""Instance events (``events=``): the typed input and its rules, with failures that name the
field (``events.callback_url``, ``events.poll_interval_minutes``, ...). The keys they stand
for are in :mod:`.event_keys`; the reading of the documents in ``docs/emulator.md``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..values import not_blank
from .event_keys import FIELD_OF_KEY, POLLING_ONLY, event_configuration

DOCUMENTED_TYPES: dict[str, tuple[str, ...]] = {
    "hootsuite": ("webhook",),
    "brighttalk": ("polling",),
}
"""Connectors whose events guide documents one kind of events only (``hootsuite``: "supports
webhook events"; ``brighttalk``: polling only). Others: both, or undocumented (not refused)."""


def _whole(value: Any) -> Any:
    """A whole number as the engine may deliver it (``15.0``) -> ``15``; others unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _strict_bool(value: Any) -> Any:
    if value is not None and not isinstance(value, bool):
        raise ValueError(f"must be true or false, got {type(value).__name__}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class PollDates(_Strict):
    updated_field: str | None = None
    updated_format: str | None = None
    updated_timezone: str | None = None
    created_field: str | None = None
    created_format: str | None = None
    created_timezone: str | None = None


class PollObject(_Strict):
    url: str
    id_field: str | None = None
    filter_by_current_date: bool | None = None
    filter_by_updated_date: bool | None = None
    created_check_tolerance: int | None = Field(default=None, ge=0)
    page_size: int | None = Field(default=None, ge=1)
    poll_delay: int | None = Field(default=None, ge=0)
    dates: PollDates | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        not_blank(value)
        return value

    _flags = field_validator("filter_by_current_date", "filter_by_updated_date", mode="before")(
        _strict_bool
    )
    _numbers = field_validator("created_check_tolerance", "page_size", "poll_delay", mode="before")(
        _whole
    )


class InstanceEvents(_Strict):
    """``events`` after validation (rules naming ``events.<field>``)."""

    type: Literal["polling", "webhook"]
    enabled: bool = True
    callback_url: str | None = None
    signature_key: str | None = None
    objects: list[str] | None = None
    poll_interval_minutes: int | None = Field(default=None, ge=1)
    poll_objects: dict[str, PollObject] | None = None

    _enabled = field_validator("enabled", mode="before")(_strict_bool)

    @field_validator("poll_interval_minutes", mode="before")
    @classmethod
    def _interval(cls, value: Any) -> Any:
        value = _whole(value)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise ValueError(
                f"must be a whole number of minutes, at least 1 "
                f"(`event.poller.refresh_interval`), got {value!r}"
            )
        return value

    @field_validator("callback_url")
    @classmethod
    def _callback(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc:
            raise ValueError(
                f"must be an https:// URL where your app receives events, got {value!r}"
            )
        return value

    @field_validator("signature_key")
    @classmethod
    def _key(cls, value: str | None) -> str | None:
        if value is not None:
            not_blank(value)
        return value

    @field_validator("objects")
    @classmethod
    def _objects(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return value
        seen: set[str] = set()
        for index, name in enumerate(value):
            if not name.strip() or "," in name:
                raise ValueError(
                    f"[{index}] must be an object name (not empty, no ','), got {name!r}"
                )
            if name in seen:
                raise ValueError(f"[{index}] duplicate object {name!r}")
            seen.add(name)
        return value

    @field_validator("poll_objects")
    @classmethod
    def _poll_objects(cls, value: dict[str, PollObject] | None) -> dict[str, PollObject] | None:
        for name in value or {}:
            if not name.strip():
                raise ValueError("object names must not be empty")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> InstanceEvents:
        if not self.enabled:  # kept as the instance holds them (the platform shows defaults)
            return self
        if self.type != "polling":
            for name in POLLING_ONLY:
                if getattr(self, name) is not None:
                    raise ValueError(f".{name}: only for type 'polling' (type is {self.type!r})")
        if self.callback_url is None:
            raise ValueError(
                ".callback_url: enabled events need the https:// URL where your app "
                "receives them (`event.notification.callback.url`)"
            )
        if self.type == "polling" and not (self.objects or self.poll_objects):
            raise ValueError(
                ".poll_objects: polling needs the objects to poll: give "
                "events.objects (names) or events.poll_objects (name -> url, ...)"
            )
        return self


def normalised_events(value: Any) -> dict[str, Any]:
    """``events`` validated, as the plain dict the state keeps (unset fields left out)."""
    if not isinstance(value, Mapping):
        raise ValueError(f"must be a mapping (type, callback_url, ...), got {type(value).__name__}")
    try:
        model = InstanceEvents.model_validate(dict(value))
    except ValidationError as exc:
        raise ValueError("; events".join(_messages(exc))) from None
    dumped: dict[str, Any] = model.model_dump(exclude_none=True)
    return dumped


def _messages(exc: ValidationError) -> list[str]:
    """Each error as the rest of a message that starts with ``events`` (``.callback_url must
    be ...``, ``.poll_objects['contacts'].url is required``)."""
    messages = []
    for error in exc.errors():
        path = ""
        previous = ""
        for part in error["loc"]:
            if isinstance(part, int):
                path += f"[{part}]"
            elif previous == "poll_objects":
                path += f"[{part!r}]"
            else:
                path += f".{part}"
            previous = str(part)
        text = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "missing":
            text = "is required"
        elif error["type"] == "extra_forbidden":
            text = "is not a known field (see the ConnectorInstance reference)"
        elif error["type"] == "literal_error":
            text = f"must be 'polling' or 'webhook', got {error['input']!r}"
        messages.append(f"{path}{'' if text.startswith(('.', '[')) else ' '}{text}".strip())
    return messages


def configuration_clashes(configuration: Mapping[str, Any], events: Mapping[str, Any]) -> list[str]:
    """``configuration`` keys that ``events`` also sets: one message each, naming both."""
    return [
        f"configuration[{key!r}] is also set by events.{FIELD_OF_KEY[key]}: set it in one "
        "place (remove the key from configuration, or the field from events)"
        for key in event_configuration(events)
        if key in configuration
    ]


def type_problems(element_key: str | None, events: Mapping[str, Any]) -> list[str]:
    """``events.type`` a connector's guide does not document (only for those it knows)."""
    documented = DOCUMENTED_TYPES.get(element_key or "")
    kind = events.get("type")
    if documented is None or kind in documented:
        return []
    return [
        f"events.type: {element_key!r} documents {' and '.join(documented)} events only, "
        f"not {kind!r}"
    ]
