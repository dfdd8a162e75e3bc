"""Pydantic models at the API boundary, one module per API area (see :mod:`.base`)."""

from __future__ import annotations

from .base import RequestModel, ResponseModel
from .documents import (
    DefinitionField,
    DocumentModel,
    Formula,
    FormulaInstance,
    FormulaReference,
    ObjectDefinition,
    Transformation,
)
from .elements import Element, ElementAuthentication, OAuthUrl, PrivateElement
from .instances import (
    OBJECT_TYPES,
    CreateInstanceRequest,
    Instance,
    InstanceObject,
    ObjectType,
    UpdateInstanceRequest,
    configuration_values,
)
from .vdrs import VdrDocument, VdrSummary

__all__ = [
    "OBJECT_TYPES",
    "CreateInstanceRequest",
    "DefinitionField",
    "DocumentModel",
    "Element",
    "ElementAuthentication",
    "Formula",
    "FormulaInstance",
    "FormulaReference",
    "Instance",
    "InstanceObject",
    "OAuthUrl",
    "ObjectDefinition",
    "ObjectType",
    "PrivateElement",
    "RequestModel",
    "ResponseModel",
    "Transformation",
    "UpdateInstanceRequest",
    "VdrDocument",
    "VdrSummary",
    "configuration_values",
]
