"""The provider class of Transformation (pickled by reference into each resource's state)."""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class TransformationProvider(SpecProvider):
    """CRUD of transformations through the platform REST API."""

    spec = SPEC
