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

    key: str = Field(pattern=r"\S", description="the name used as ${config.<key>}")
    type: VariableType
    name: str | None = None
    description: str | None = None
    required: bool | None = Field(default=None, description="default true")


class FormulaTrigger(BaseModel):
    model_config = _KEEP

    type: TriggerType
    properties: dict[str, Any] | None = Field(
        default=None, description="scheduled: `cron` (Quartz, at most every 15 minutes)"
    )
    onSuccess: list[str] | None = Field(default=None, description="names of steps")
    onFailure: list[str] | None = Field(default=None, description="names of steps")


class FormulaStep(BaseModel):
    model_config = _KEEP

    name: str = Field(pattern=r"\S", description="unique within the formula")
    type: StepType
    properties: dict[str, Any] | None = None
    onSuccess: list[str] | None = Field(default=None, description="names of steps")
    onFailure: list[str] | None = Field(default=None, description="names of steps")


class FormulaBody(BaseModel):
    """POST /formulas and PUT /formulas/{id}: the whole formula (unknown keys are kept; the
    server-set `id`, `userId`, `accountId`, `createdDate` and part ids are ignored).

    Beyond this schema: `onSuccess`/`onFailure` must name steps of the formula, step names
    are unique, a scheduled trigger needs `properties.cron` (Quartz, at most every 15 minutes,
    or `${config.key}`), `debugLoggingEnabled: false` needs `engine: "v3"`; a variable `key`
    twice is 409."""

    model_config = _KEEP

    name: str = Field(pattern=r"\S")
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

    name: str | None = Field(default=None, pattern=r"\S")
    description: str | None = None
    active: bool | None = None
    engine: Literal["v1", "v3"] | None = None
    debugLoggingEnabled: bool | None = None
    singleThreaded: bool | None = None


class AnsweredVariable(FormulaVariable):
    id: int


class AnsweredTrigger(FormulaTrigger):
    id: int
    formulaId: int


class AnsweredStep(FormulaStep):
    id: int
    formulaId: int


class Formula(FormulaBody):
    id: int
    name: str | None = Field(  # type: ignore[assignment]
        default=None, pattern=r"\S", description="absent once a PATCH set it to null"
    )
    userId: int
    accountId: int
    createdDate: str = Field(description="ISO 8601, UTC, to the second")
    active: bool
    configuration: list[AnsweredVariable]  # type: ignore[assignment]
    triggers: list[AnsweredTrigger]  # type: ignore[assignment]
    steps: list[AnsweredStep]  # type: ignore[assignment]
