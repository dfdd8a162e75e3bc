"""Formula templates: ``/formulas``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import Formula
from .pagination import every_item
from .paths import route
from .requestor import Area
from .responses import single

ONE = "/formulas/{id}"


class FormulasAPI(Area):
    """Formula CRUD. ``PUT`` replaces a whole formula; ``PATCH`` changes only its name,
    description, active flag, engine and logging flags."""

    def create(self, body: Mapping[str, Any]) -> Formula:
        """``POST /formulas``. Not retried once it may have taken effect (see instances)."""
        where = route("/formulas")
        data = self._api.request("POST", where, json_body=dict(body))
        # One documented example answers the formula wrapped in a list: accept both.
        return self._api.parse(Formula, single(data), "POST", where)

    def get(self, formula_id: int | str) -> Formula:
        return self._api.call(Formula, "GET", route(ONE, id=formula_id))

    def replace(self, formula_id: int | str, body: Mapping[str, Any]) -> Formula:
        return self._api.call(Formula, "PUT", route(ONE, id=formula_id), json_body=dict(body))

    def update(self, formula_id: int | str, body: Mapping[str, Any]) -> Formula:
        return self._api.call(Formula, "PATCH", route(ONE, id=formula_id), json_body=dict(body))

    def delete(self, formula_id: int | str) -> None:
        """``DELETE /formulas/{id}``; refused while the formula has instances."""
        self._api.request("DELETE", route(ONE, id=formula_id))

    # ``list`` last: mypy would read a later ``list[...]`` annotation as this method.
    def list(self) -> list[Formula]:
        """Every formula of the organization (all pages; "No formulas found" is empty)."""
        where = route("/formulas")
        return every_item(self._api, Formula, where)
