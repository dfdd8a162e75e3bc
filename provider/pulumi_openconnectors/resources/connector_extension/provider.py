"""The provider class of ConnectorExtension (pickled by reference into each resource's state).

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class ConnectorExtensionProvider(SpecProvider):
    """CRUD of ConnectorExtension through the platform REST API."""

    spec = SPEC
