"""Moved to :mod:`pulumi_openconnectors.client.models.documents`; this name stays importable."""

from ..client.models.documents import (
    DefinitionField,
    DocumentModel,
    Formula,
    FormulaInstance,
    FormulaReference,
    ObjectDefinition,
    Transformation,
)

__all__ = [
    "DefinitionField",
    "DocumentModel",
    "Formula",
    "FormulaInstance",
    "FormulaReference",
    "ObjectDefinition",
    "Transformation",
]
