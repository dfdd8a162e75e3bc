"""Virtual data resources of the v2 model (`/vdrs`): a definition and its transformations per
connector in one document (export, import)."""

from __future__ import annotations

from ..base import Service
from . import routes
from .schemas import VdrBody, VdrDocumentBody

SERVICE = Service(
    name="vdrs",
    routers=(routes.router,),
    tables=(routes.VDRS,),
    body_models=(VdrBody, VdrDocumentBody),
)
