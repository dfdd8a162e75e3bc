"""Validation of Formula inputs: the shapes here, the documented rules in :mod:`.rules`."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..operations import Inputs
from ..values import not_blank, whole_number
from .spec import SERVER_KEYS

KNOWN_KEYS = (
    "name",
    "description",
    "active",
    "singleThreaded",
    "engine",
    "debugLoggingEnabled",
    "configuration",
    "triggers",
    "steps",
)


class FormulaInputs(Inputs):
    name: str
    description: str | None = None
    active: bool = True
    single_threaded: bool | None = None
    engine: str | None = None
    debug_logging_enabled: bool | None = None
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    triggers: list[dict[str, Any]] = Field(default_factory=list)
    steps: list[dict[str, Any]] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt_formula_id: int | None = Field(default=None, gt=0)

    _names = field_validator("name")(not_blank)
    _integers = field_validator("adopt_formula_id", mode="before")(whole_number)

    @field_validator("engine")
    @classmethod
    def _engine(cls, value: str | None) -> str | None:
        if value is not None and value not in ("v1", "v3"):
            raise ValueError(f"must be 'v1' or 'v3', got {value!r}")
        return value

    @field_validator("extra")
    @classmethod
    def _extra(cls, value: dict[str, Any]) -> dict[str, Any]:
        clash = sorted(set(value) & set(KNOWN_KEYS + SERVER_KEYS))
        if clash:
            raise ValueError(
                f"holds {', '.join(map(repr, clash))}: set those with their own inputs "
                "(server-set keys such as 'id' are not sent)"
            )
        return value

    def document(self) -> dict[str, Any]:
        """The formula JSON to send."""
        body: dict[str, Any] = dict(self.extra)
        body["name"] = self.name
        if self.description is not None:
            body["description"] = self.description
        body["active"] = self.active
        for key, value in (
            ("singleThreaded", self.single_threaded),
            ("engine", self.engine),
            ("debugLoggingEnabled", self.debug_logging_enabled),
        ):
            if value is not None:
                body[key] = value
        body["configuration"] = self.configuration
        body["triggers"] = self.triggers
        body["steps"] = self.steps
        return body
