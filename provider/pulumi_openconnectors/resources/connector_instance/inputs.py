"""Validation of ConnectorInstance inputs (the `check` step), with failures that name the field.

Property names are the Python ones users write (``element_key``, ``configuration``, ...).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ...markers import OWNERSHIP_TAG_PREFIX
from ..operations import Inputs, unknown_fields
from ..values import not_blank, string_map, whole_number
from .rules import normalised_events

NAME_MAX = 255
TAG_MAX = 255
ELEMENT_KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
OAUTH2_KEYS = ("oauth.api.key", "oauth.api.secret", "oauth.callback.url")
BASIC_KEYS = ("username", "password")


def config_value(value: Any) -> str:
    """A configuration value as the string the API documents (configuration is a map of
    strings): ``True``/``False`` become ``"true"``/``"false"``; a whole number becomes its
    digits (``8080``, which the engine delivers as ``8080.0``, becomes ``"8080"``); another
    number its shortest decimal form (``1.5`` becomes ``"1.5"``). Anything else (``None``, a
    list, a map) is refused.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"must be a string or a finite number, got {value!r}")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value
    if value is None:
        raise ValueError("has no value (None); remove the key or give it a string")
    raise ValueError(f"must be a string (or a number or boolean), got {type(value).__name__}")


class InstanceInputs(Inputs):
    """The inputs of a ConnectorInstance after validation and normalisation."""

    element_key: str | None = None
    element_id: int | None = Field(default=None, gt=0)
    name: str
    configuration: dict[str, str] = Field(default_factory=dict)
    events: dict[str, Any] | None = None
    provider_data: dict[str, str] | None = None
    tags: list[str] = Field(default_factory=list)
    retrieve_objects: bool = False
    disabled: bool | None = None
    adopt_instance_id: int | None = Field(default=None, gt=0)

    @field_validator("element_key")
    @classmethod
    def _element_key(cls, value: str | None) -> str | None:
        if value is not None and not ELEMENT_KEY_PATTERN.match(value):
            raise ValueError(
                "must be a connector key such as 'hootsuite' or 'sfdc' "
                "(letters, digits, '.', '_' or '-')"
            )
        return value

    _integers = field_validator("element_id", "adopt_instance_id", mode="before")(whole_number)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        not_blank(value)
        if len(value) > NAME_MAX:
            raise ValueError(f"must be at most {NAME_MAX} characters, got {len(value)}")
        return value

    @field_validator("configuration", "provider_data", mode="before")
    @classmethod
    def _string_map(cls, value: Any) -> Any:
        return string_map(value, config_value, "a mapping of strings", "non-empty strings")

    @field_validator("events", mode="before")
    @classmethod
    def _events(cls, value: Any) -> Any:
        return None if value is None else normalised_events(value)

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str) or not isinstance(value, list):
            raise ValueError(f"must be a list of strings, got {type(value).__name__}")
        seen: set[str] = set()
        for index, tag in enumerate(value):
            if not isinstance(tag, str):
                raise ValueError(f"[{index}] must be a string, got {type(tag).__name__}")
            if not tag.strip():
                raise ValueError(f"[{index}] must not be empty")
            if len(tag) > TAG_MAX:
                raise ValueError(f"[{index}] must be at most {TAG_MAX} characters")
            if tag.startswith(OWNERSHIP_TAG_PREFIX):
                raise ValueError(
                    f"[{index}] tags starting with {OWNERSHIP_TAG_PREFIX!r} are reserved "
                    "for the provider's ownership tag"
                )
            if tag in seen:
                raise ValueError(f"[{index}] duplicate tag {tag!r}")
            seen.add(tag)
        return value

    @field_validator("retrieve_objects", "disabled", mode="before")
    @classmethod
    def _boolean(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, bool):
            raise ValueError(f"must be true or false, got {type(value).__name__}")
        return value

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> InstanceInputs:
        unknown = unknown_fields(info)
        element_known = not {"element_key", "element_id"} & unknown
        if element_known and (self.element_key is None) == (self.element_id is None):
            raise ValueError("element_key: set exactly one of element_key or element_id")
        code = (self.provider_data or {}).get("code")
        oauth_known = not {"configuration", "adopt_instance_id"} & unknown
        if oauth_known and code is not None and self.adopt_instance_id is None:
            missing = [k for k in OAUTH2_KEYS if not self.configuration.get(k)]
            if missing:
                raise ValueError(
                    "configuration: an OAuth 2.0 instance (provider_data.code is set) needs "
                    + ", ".join(repr(k) for k in missing)
                )
        if "configuration" not in unknown and any(k in self.configuration for k in BASIC_KEYS):
            missing = [k for k in BASIC_KEYS if not self.configuration.get(k)]
            if missing:
                raise ValueError(
                    "configuration: a basic-auth instance needs both 'username' and 'password'; "
                    "missing or empty: " + ", ".join(repr(k) for k in missing)
                )
        return self

    def element_ref(self) -> str:
        """The connector as the API's {keyOrId} path segment."""
        return self.element_key if self.element_key is not None else str(self.element_id)
