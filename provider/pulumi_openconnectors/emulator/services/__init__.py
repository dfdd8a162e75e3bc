"""The API areas, one service each, on the shared store (``store.py``).

The app includes their routers in this order, the store creates, resets and counts their
tables, and their reference hooks make up the cross-area rules (``references.py``). A new area
is a new module or package here (its ``SERVICE``) plus one line in :data:`AREAS`.
"""

from __future__ import annotations

from importlib import import_module

from .base import Service

AREAS = (
    "elements",
    "private_elements",
    "element_resources",
    "instances",
    "formula_instances",  # before formulas: GET /formulas/instances, not /formulas/{id}
    "formulas",
    "object_definitions",
    "transformations",
    "vdrs",
)
"""The one list of the emulator's API areas (a module or package of this folder each)."""


SERVICES: tuple[Service, ...] = tuple(import_module(f"{__name__}.{area}").SERVICE for area in AREAS)
"""Each area's ``SERVICE``, in the order of :data:`AREAS`."""

__all__ = ["AREAS", "SERVICES", "Service"]
