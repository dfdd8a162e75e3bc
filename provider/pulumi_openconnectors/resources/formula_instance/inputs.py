"""Validation of FormulaInstance inputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field, field_validator

from ..connector_instance.inputs import config_value
from ..operations import DocumentInputs
from ..values import not_blank, whole_number
from .spec import SPEC


class FormulaInstanceInputs(DocumentInputs):
    spec = SPEC

    formula_id: int = Field(gt=0)
    name: str
    active: bool = True
    configuration: dict[str, str] = Field(default_factory=dict)
    settings: dict[str, Any] | None = None
    adopt_formula_instance_id: int | None = Field(default=None, gt=0)

    _integers = field_validator("formula_id", "adopt_formula_instance_id", mode="before")(
        whole_number
    )
    _names = field_validator("name")(not_blank)

    @field_validator("configuration", mode="before")
    @classmethod
    def _values(cls, value: Any) -> Any:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise ValueError(
                f"must be a mapping of variable keys to values, got {type(value).__name__}"
            )
        out: dict[str, str] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key.strip():
                raise ValueError("keys must be non-empty variable keys")
            try:
                out[key] = config_value(item)
            except ValueError as exc:
                raise ValueError(f"[{key!r}] {exc}") from None
        return out
