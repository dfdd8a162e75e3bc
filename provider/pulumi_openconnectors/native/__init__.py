"""The typed resources of the provider plugin (pulumi-resource-openconnectors).

    import pulumi_openconnectors.native as oc

    oc.ConnectorInstance("crm", element_key="closeio", ...)

See docs/plugin.md.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from .common_resource import CommonResource as CommonResource
from .connector import Connector as Connector
from .connector_extension import ConnectorExtension as ConnectorExtension
from .connector_instance import ConnectorInstance as ConnectorInstance
from .formula import Formula as Formula
from .formula_instance import FormulaInstance as FormulaInstance
from .provider import Provider as Provider
from .transformation import Transformation as Transformation
from .virtual_data_resource import VirtualDataResource as VirtualDataResource

__all__ = [
    "CommonResource",
    "Connector",
    "ConnectorExtension",
    "ConnectorInstance",
    "Formula",
    "FormulaInstance",
    "Provider",
    "Transformation",
    "VirtualDataResource",
]
