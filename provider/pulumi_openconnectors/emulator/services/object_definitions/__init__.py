"""Common resources (object definitions) at organization level."""

from __future__ import annotations

from ...references import Lookup
from ..base import Service
from . import routes
from .schemas import DefinitionBody

SERVICE = Service(
    name="object definitions",
    routers=(routes.router,),
    tables=(routes.DEFINITIONS,),
    body_models=(DefinitionBody,),
    hooks=(Lookup(routes.KIND, routes.lookup),),
)
