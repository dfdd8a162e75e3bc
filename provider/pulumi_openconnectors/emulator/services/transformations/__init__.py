"""Transformations: per connector (`/organizations/elements/{keyOrId}/transformations`) and per
connector instance (`/instances/{id}/transformations`)."""

from __future__ import annotations

from ...references import Cascade
from ..base import Service
from . import routes
from .schemas import TransformationBody

SERVICE = Service(
    name="transformations",
    routers=(routes.router,),
    tables=(routes.TRANSFORMATIONS,),
    body_models=(TransformationBody,),
    hooks=(
        routes.TRANSFORMATIONS.referrer(routes.DEFINITION, routes.definition_users),
        Cascade(routes.INSTANCE, routes.drop_instance_transformations),
    ),
)
