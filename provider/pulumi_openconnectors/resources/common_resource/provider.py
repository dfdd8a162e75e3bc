"""The provider class of CommonResource (pickled by reference into each resource's state)."""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class CommonResourceProvider(SpecProvider):
    """CRUD of object definitions through the platform REST API."""

    spec = SPEC
