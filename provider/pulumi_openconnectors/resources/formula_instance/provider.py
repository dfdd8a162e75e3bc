"""The provider class of FormulaInstance (pickled by reference into each resource's state)."""

from __future__ import annotations

from ..provider import SpecProvider
from .spec import SPEC


class FormulaInstanceProvider(SpecProvider):
    """CRUD of formula instances through the platform REST API."""

    spec = SPEC
