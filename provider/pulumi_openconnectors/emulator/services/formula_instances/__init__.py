"""Formula instances: `/formulas/{id}/instances[/{instanceId}]` and `/formulas/instances`.

Listed before the formula service: `GET /formulas/instances` must be matched before
`GET /formulas/{id}`.
"""

from __future__ import annotations

from ..base import Service
from . import routes
from .rules import INSTANCE
from .schemas import FormulaInstanceBody

SERVICE = Service(
    name="formula instances",
    routers=(routes.router,),
    tables=(routes.INSTANCES,),
    body_models=(FormulaInstanceBody,),
    hooks=(
        routes.INSTANCES.referrer(routes.FORMULA, routes.formula_users),
        routes.INSTANCES.referrer(INSTANCE, routes.instance_users),
    ),
)
