"""Pydantic models of v2 VDRs (the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..object_definitions.schemas import DefinitionField

_KEEP = ConfigDict(extra="allow")


class VdrField(DefinitionField):
    """A field of a VDR's definition: ``{path, type}``, as an object definition's."""


class VdrBody(BaseModel):
    """POST /vdrs and PUT /vdrs/{id}: the definition (other keys kept)."""

    model_config = _KEEP

    objectName: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,255}$")
    description: str | None = None
    fields: list[VdrField] = Field(default_factory=list, description="paths are unique")


class Vdr(VdrBody):
    id: int


class VdrTransformation(BaseModel):
    model_config = _KEEP

    vendorName: str = Field(pattern=r"\S")
    fields: list[dict[str, Any]] | None = Field(
        default=None, description="{path, vendorPath, ...}; path: a field of the definition"
    )
    configuration: list[dict[str, Any]] | None = None
    script: dict[str, Any] | None = None


class VdrDefinition(BaseModel):
    model_config = _KEEP

    fields: list[VdrField] = Field(default_factory=list)


class VdrDocumentBody(BaseModel):
    """PUT /vdrs/import (an upsert by `vdrName`) and the answer of GET /vdrs/{name}/export."""

    model_config = _KEEP

    vdrVersion: Literal["v2"] = "v2"
    vdrName: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,255}$")
    definition: VdrDefinition = Field(default_factory=VdrDefinition)
    transformation: dict[str, VdrTransformation] = Field(
        default_factory=dict, description="per connector key"
    )


class VdrDocument(VdrDocumentBody):
    id: int
