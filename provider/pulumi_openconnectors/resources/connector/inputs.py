"""Validation of Connector inputs (the documented rules across them: :mod:`.rules`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from ..values import not_blank
from .rules import check_key
from .spec import SPEC


class ConnectorInputs(DocumentInputs):
    spec = SPEC

    key: str
    name: str
    authentication: dict[str, Any]
    hub: str | None = None
    description: str | None = None
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    resources: list[dict[str, Any]] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt: bool = False

    _names = field_validator("name")(not_blank)

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        return check_key(value)
