"""The document-like objects of the platform (formulas, formula instances, object definitions,
transformations): validated at the boundary for the fields the provider relies on, and kept
whole — every key the API returns, known or not — as :meth:`DocumentModel.document`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from .base import ResponseModel


class DocumentModel(ResponseModel):
    """A response whose whole JSON document matters (unknown keys included)."""

    def document(self) -> dict[str, Any]:
        """The object as the API returned it (its JSON keys, unknown ones included)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class Formula(DocumentModel):
    """A formula template (``/formulas``)."""

    id: int
    name: str
    description: str | None = None
    active: bool | None = None
    created_date: datetime | None = Field(default=None, alias="createdDate")
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    triggers: list[dict[str, Any]] = Field(default_factory=list)
    steps: list[dict[str, Any]] = Field(default_factory=list)


class FormulaReference(ResponseModel):
    """The ``formula`` of a formula instance."""

    id: int
    name: str | None = None
    active: bool | None = None


class FormulaInstance(DocumentModel):
    """A formula instance (``/formulas/{id}/instances``)."""

    id: int
    name: str
    active: bool | None = None
    formula: FormulaReference | None = None
    configuration: dict[str, Any] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    created_date: datetime | None = Field(default=None, alias="createdDate")


class DefinitionField(ResponseModel):
    """One field of an object definition: ``{"path": "address.city", "type": "string"}``."""

    path: str
    type: str | None = None


class ObjectDefinition(DocumentModel):
    """A common resource: an organization's object definition (its fields)."""

    fields: list[DefinitionField] = Field(default_factory=list)
    level: str | None = None


class Transformation(DocumentModel):
    """A connector's (or one instance's) mapping of a vendor object onto a common resource."""

    vendor_name: str | None = Field(default=None, alias="vendorName")
    object_name: str | None = Field(default=None, alias="objectName")
    level: str | None = None
    fields: list[dict[str, Any]] = Field(default_factory=list)
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    script: dict[str, Any] | None = None
    is_legacy: bool | None = Field(default=None, alias="isLegacy")
