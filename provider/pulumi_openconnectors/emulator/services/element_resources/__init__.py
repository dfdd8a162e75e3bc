"""An account's own resources on a catalog element (an extended connector, built with the
Element Builder's "My Resources"): `/elements/{keyOrId}/resources` and
`/elements/{keyOrId}/resources/{id}`. The catalog's routes show an extended element through
the `elementExtension` hook (`extended: true`, its resources), and the export route exports it."""

from __future__ import annotations

from ...catalog import EXTENSION
from ...references import Lookup
from ..base import Service
from . import routes
from .schemas import ResourceBody

SERVICE = Service(
    name="element resources",
    routers=(routes.router,),
    tables=(routes.RESOURCES,),
    body_models=(ResourceBody,),
    hooks=(Lookup(EXTENSION, routes.extension),),
)
