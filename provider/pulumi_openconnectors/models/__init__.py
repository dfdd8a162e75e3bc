"""Pydantic models at the API boundary, one module per API area (see :mod:`.base`)."""

from __future__ import annotations

from .base import RequestModel, ResponseModel
from .elements import Element, ElementAuthentication, OAuthUrl
from .instances import (
    OBJECT_TYPES,
    CreateInstanceRequest,
    Instance,
    InstanceObject,
    ObjectType,
    UpdateInstanceRequest,
    configuration_values,
)

__all__ = [
    "OBJECT_TYPES",
    "CreateInstanceRequest",
    "Element",
    "ElementAuthentication",
    "Instance",
    "InstanceObject",
    "OAuthUrl",
    "ObjectType",
    "RequestModel",
    "ResponseModel",
    "UpdateInstanceRequest",
    "configuration_values",
]
