"""Pydantic models of object definitions (the OpenAPI document)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_KEEP = ConfigDict(extra="allow")


class DefinitionField(BaseModel):
    model_config = _KEEP

    path: str = Field(min_length=1, description="dot notation for nesting: address.street")
    type: str = Field(min_length=1, description="string, number, boolean, date, ...")


class DefinitionBody(BaseModel):
    """POST and PUT of /organizations/objects/{objectName}/definitions (other keys kept)."""

    model_config = _KEEP

    fields: list[DefinitionField] = Field(description="paths are unique")


class Definition(DefinitionBody):
    level: Literal["organization"]


class DefinitionEntry(BaseModel):
    fields: list[DefinitionField]
    level: Literal["organization"]
