"""Connector instances: CRUD, the offline OAuth 2.0 flow that creates them, and hub calls."""

from __future__ import annotations

from ...references import Lookup
from ..base import Service
from . import hubs, oauth, routes
from .schemas import InstanceCreateBody, InstanceUpdateBody
from .tables import CODES, INSTANCES

SERVICE = Service(
    name="instances",
    routers=(routes.router, oauth.router, hubs.router, oauth.consent_router),
    tables=(INSTANCES, CODES),
    body_models=(InstanceCreateBody, InstanceUpdateBody),
    hooks=(Lookup(routes.KIND, routes.lookup),),
)
