"""Every resource type: its spec and its resource class, by name (docs, tests, export)."""

from __future__ import annotations

from .common_resource.spec import SPEC as COMMON_RESOURCE
from .connector_instance.spec import SPEC as CONNECTOR_INSTANCE
from .formula.spec import SPEC as FORMULA
from .formula_instance.spec import SPEC as FORMULA_INSTANCE
from .spec import ResourceSpec
from .transformation.spec import SPEC as TRANSFORMATION

SPECS: tuple[ResourceSpec, ...] = (
    CONNECTOR_INSTANCE,
    COMMON_RESOURCE,
    TRANSFORMATION,
    FORMULA,
    FORMULA_INSTANCE,
)

RESOURCE_CLASSES = {
    "ConnectorInstance": "pulumi_openconnectors.resources.connector_instance.resource",
    "CommonResource": "pulumi_openconnectors.resources.common_resource.resource",
    "Transformation": "pulumi_openconnectors.resources.transformation.resource",
    "Formula": "pulumi_openconnectors.resources.formula.resource",
    "FormulaInstance": "pulumi_openconnectors.resources.formula_instance.resource",
}
"""The module of each type's resource class (imported on demand: it imports pulumi)."""
