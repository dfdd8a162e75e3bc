"""Validation of FormulaInstance inputs."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..connector_instance.inputs import config_value
from ..operations import DocumentInputs
from ..values import not_blank, string_map, whole_number
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
        values = string_map(
            value, config_value, "a mapping of variable keys to values", "non-empty variable keys"
        )
        return {} if values is None else values
