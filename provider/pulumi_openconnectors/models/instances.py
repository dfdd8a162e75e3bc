"""Moved to :mod:`pulumi_openconnectors.client.models.instances`; this name stays importable."""

from ..client.models.instances import (
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
    "Instance",
    "InstanceObject",
    "ObjectType",
    "UpdateInstanceRequest",
    "configuration_values",
]
