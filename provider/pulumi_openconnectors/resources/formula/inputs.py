"""Validation of Formula inputs: the shapes here, the documented rules in :mod:`.rules`."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from ..values import not_blank, whole_number
from .spec import SPEC


class FormulaInputs(DocumentInputs):
    spec = SPEC

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
