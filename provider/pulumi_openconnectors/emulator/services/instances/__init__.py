"""Connector instances: CRUD, the offline OAuth 2.0 flow that creates them, and hub calls."""

from __future__ import annotations

from ...catalog import ELEMENT
from ...references import Lookup, Referrer
from ..base import Service
from . import hubs, oauth, routes
from .schemas import ElementInstanceCreateBody, InstanceCreateBody, InstanceUpdateBody
from .tables import CODES, INSTANCES

SERVICE = Service(
    name="instances",
    routers=(routes.router, oauth.router, hubs.router, oauth.consent_router),
    tables=(INSTANCES, CODES),
    body_models=(InstanceCreateBody, ElementInstanceCreateBody, InstanceUpdateBody),
    hooks=(Lookup(routes.KIND, routes.lookup), Referrer(ELEMENT, routes.element_users)),
)
