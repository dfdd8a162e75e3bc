"""The provider class of ConnectorInstance (pickled by reference into each resource's state)."""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class ConnectorInstanceProvider(SpecProvider):
    """CRUD of Open Connectors connector instances through the platform REST API."""

    spec = SPEC
