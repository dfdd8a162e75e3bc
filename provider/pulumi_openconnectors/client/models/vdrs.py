"""Virtual data resources of the v2 model (``/vdrs``): the summary the list, ``POST /vdrs``
and ``GET /vdrs/{id}`` answer, and the whole document ``GET /vdrs/{name}/export`` answers
and ``PUT /vdrs/import`` takes."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from .documents import DocumentModel


class VdrSummary(DocumentModel):
    """One VDR as ``GET /vdrs`` lists it: its id (what ``/vdrs/{id}`` takes) and name."""

    id: int
    object_name: str = Field(alias="objectName")
    description: str | None = None
    fields: list[dict[str, Any]] = Field(default_factory=list)


class VdrDocument(DocumentModel):
    """A v2 VDR's document: ``{vdrVersion, vdrName, definition: {fields}, transformation:
    {<connector key>: {...}}}``.

    ``id`` is the VDR's numeric id (what ``DELETE /vdrs/{id}`` takes) when the answer has it.
    Read tolerantly: the name may come as ``objectName`` only, and the transformations as
    ``transformations`` (the plural some documents use) — both are read as the keys above."""

    id: int | None = None
    vdr_name: str = Field(alias="vdrName")
    vdr_version: str | None = Field(default=None, alias="vdrVersion")
    definition: dict[str, Any] = Field(default_factory=dict)
    transformation: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _either_reading(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "vdrName" not in data and isinstance(data.get("objectName"), str):
            data["vdrName"] = data.pop("objectName")
        if "transformation" not in data and isinstance(data.get("transformations"), dict):
            data["transformation"] = data.pop("transformations")
        return data

    @property
    def field_paths(self) -> list[str]:
        fields = self.definition.get("fields")
        if not isinstance(fields, list):
            return []
        return [str(f["path"]) for f in fields if isinstance(f, dict) and "path" in f]
