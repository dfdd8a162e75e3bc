"""The provider class of Formula (pickled by reference into each resource's state)."""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class FormulaProvider(SpecProvider):
    """CRUD of formula templates through the platform REST API."""

    spec = SPEC
