"""Pydantic models of formulas (the OpenAPI document; handlers parse bodies themselves)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

VariableType = Literal["value", "elementInstance"]
TriggerType = Literal["event", "elementRequest", "scheduled", "manual"]
StepType = Literal[
    "amqpRequest",
    "elementRequest",
    "httpRequest",
    "filter",
    "script",
    "loop",
    "request",
    "retryFormulaExecution",
    "elementRequestStream",
    "formula",
    "notification",
]
_KEEP = ConfigDict(extra="allow")


class FormulaVariable(BaseModel):
    model_config = _KEEP

    id: int | None = Field(default=None, description="server-set")
    key: str = Field(min_length=1, description="the name used as ${config.<key>}")
    type: VariableType
    name: str | None = None
    description: str | None = None
    required: bool | None = Field(default=None, description="default true")


class FormulaTrigger(BaseModel):
    model_config = _KEEP

    id: int | None = Field(default=None, description="server-set")
    formulaId: int | None = Field(default=None, description="server-set")
    type: TriggerType
    properties: dict[str, Any] | None = Field(
        default=None, description="scheduled: `cron` (Quartz, at most every 15 minutes)"
    )
    onSuccess: list[str] | None = Field(default=None, description="names of steps")
    onFailure: list[str] | None = Field(default=None, description="names of steps")


class FormulaStep(BaseModel):
    model_config = _KEEP

    id: int | None = Field(default=None, description="server-set")
    formulaId: int | None = Field(default=None, description="server-set")
    name: str = Field(min_length=1, description="unique within the formula")
    type: StepType
    properties: dict[str, Any] | None = None
    onSuccess: list[str] | None = Field(default=None, description="names of steps")
    onFailure: list[str] | None = Field(default=None, description="names of steps")


class FormulaBody(BaseModel):
    """POST /formulas and PUT /formulas/{id}: the whole formula (unknown keys are kept)."""

    model_config = _KEEP

    name: str = Field(min_length=1)
    description: str | None = None
    active: bool | None = Field(default=None, description="default true")
    singleThreaded: bool | None = None
    engine: Literal["v1", "v3"] | None = None
    debugLoggingEnabled: bool | None = Field(default=None, description="false only with v3")
    configuration: list[FormulaVariable] | None = None
    triggers: list[FormulaTrigger] | None = None
    steps: list[FormulaStep] | None = None


class FormulaPatch(BaseModel):
    """PATCH /formulas/{id}: only these fields (null: back to the default)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1)
    description: str | None = None
    active: bool | None = None
    engine: Literal["v1", "v3"] | None = None
    debugLoggingEnabled: bool | None = None
    singleThreaded: bool | None = None


class Formula(FormulaBody):
    id: int
    userId: int
    accountId: int
    createdDate: str = Field(description="ISO 8601, UTC, to the second")
    active: bool
    configuration: list[FormulaVariable]
    triggers: list[FormulaTrigger]
    steps: list[FormulaStep]
