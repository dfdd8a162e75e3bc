"""The API areas, one service each, on the shared store (``store.py``).

The app includes their routers in this order, the store creates, resets and counts their
tables, and their reference hooks make up the cross-area rules (``references.py``). A new area
is a new module or package here plus one line below.
"""

from __future__ import annotations

from . import (
    element_resources,
    elements,
    formula_instances,
    formulas,
    instances,
    object_definitions,
    private_elements,
    transformations,
    vdrs,
)
from .base import Service

SERVICES: tuple[Service, ...] = (
    elements.SERVICE,
    private_elements.SERVICE,
    element_resources.SERVICE,
    instances.SERVICE,
    formula_instances.SERVICE,  # before formulas: GET /formulas/instances, not /formulas/{id}
    formulas.SERVICE,
    object_definitions.SERVICE,
    transformations.SERVICE,
    vdrs.SERVICE,
)

__all__ = ["SERVICES", "Service"]
