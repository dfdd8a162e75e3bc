"""Formula templates: `/formulas` and `/formulas/{id}`."""

from __future__ import annotations

from ...references import Lookup
from ..base import Service
from . import routes
from .schemas import FormulaBody, FormulaPatch

SERVICE = Service(
    name="formulas",
    routers=(routes.router,),
    tables=(routes.FORMULAS,),
    body_models=(FormulaBody, FormulaPatch),
    hooks=(Lookup(routes.KIND, routes.lookup),),
)
