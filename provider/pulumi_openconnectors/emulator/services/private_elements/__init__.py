"""Private elements (custom connectors) of an account: create, replace, delete and export
(`/elements`); the catalog's `GET /elements` and `GET /elements/{keyOrId}` list and read them
through the `element` hooks, and connector instances of them are created as of any element."""

from __future__ import annotations

from ...catalog import ELEMENT
from ...references import Listing, Lookup
from ..base import Service
from . import routes
from .schemas import ElementBody

SERVICE = Service(
    name="private elements",
    routers=(routes.router,),
    tables=(routes.ELEMENTS,),
    body_models=(ElementBody,),
    hooks=(Lookup(ELEMENT, routes.lookup), Listing(ELEMENT, routes.listing)),
)
