"""Pydantic models of transformations (the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_KEEP = ConfigDict(extra="allow")
Level = Literal["organization", "instance"]


class TransformationConfig(BaseModel):
    model_config = _KEEP

    type: str = Field(min_length=1, description="passThrough, inherit, remove, transformDate, ...")
    properties: dict[str, Any] | None = None


class TransformationField(BaseModel):
    model_config = _KEEP

    path: str = Field(min_length=1, description="a field of the object definition")
    vendorPath: str = Field(min_length=1)
    type: str | None = None
    vendorType: str | None = None
    configuration: list[TransformationConfig] | None = None


class TransformationScript(BaseModel):
    model_config = _KEEP

    body: str | None = None


class TransformationBody(BaseModel):
    """POST and PUT (other keys are kept). The object definition must exist first."""

    model_config = _KEEP

    vendorName: str = Field(min_length=1)
    fields: list[TransformationField] | None = None
    configuration: list[TransformationConfig] | None = None
    script: TransformationScript | None = None
    isLegacy: bool | None = None


class AnsweredField(TransformationField):
    level: Level


class Transformation(TransformationBody):
    objectName: str
    level: Level
    startDate: str = Field(description="like the documents' example: 2017-04-24 21:05:05.511290")
    fields: list[AnsweredField] | None = None  # type: ignore[assignment]
