"""Pydantic models of formula instances (the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FormulaRef(BaseModel):
    id: int
    name: str
    active: bool


class FormulaInstanceBody(BaseModel):
    """POST and PUT (a PUT replaces the whole instance)."""

    name: str = Field(min_length=1)
    active: bool | None = Field(default=None, description="default true")
    configuration: dict[str, Any] | None = Field(
        default=None,
        description="variable key -> value; an elementInstance variable's value is the id "
        "of a connector instance (integer or string of digits)",
    )
    settings: dict[str, Any] | None = Field(
        default=None,
        description="notification.email, notification.webhook.url, api, "
        "formula.instance.time.to.live",
    )


class FormulaInstance(BaseModel):
    id: int
    name: str
    active: bool
    formula: FormulaRef
    configuration: dict[str, Any]
    settings: dict[str, Any]
    createdDate: str
    updatedDate: str
