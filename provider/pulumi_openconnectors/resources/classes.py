"""Every resource class, for type checkers and editors.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from .common_resource.resource import CommonResource as CommonResource
from .connector.resource import Connector as Connector
from .connector_extension.resource import ConnectorExtension as ConnectorExtension
from .connector_instance.resource import ConnectorInstance as ConnectorInstance
from .formula.resource import Formula as Formula
from .formula_instance.resource import FormulaInstance as FormulaInstance
from .transformation.resource import Transformation as Transformation
from .virtual_data_resource.resource import VirtualDataResource as VirtualDataResource
