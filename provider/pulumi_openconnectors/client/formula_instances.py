"""Formula instances: ``/formulas/{id}/instances`` (updates are a full ``PUT``, as documented)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import FormulaInstance
from .pagination import every_item
from .paths import route
from .requestor import Area

MANY = "/formulas/{formulaId}/instances"
ONE = "/formulas/{formulaId}/instances/{id}"


class FormulaInstancesAPI(Area):
    """Formula-instance CRUD."""

    def create(self, formula_id: int | str, body: Mapping[str, Any]) -> FormulaInstance:
        where = route(MANY, formulaId=formula_id)
        return self._api.call(FormulaInstance, "POST", where, json_body=dict(body))

    def get(self, formula_id: int | str, instance_id: int | str) -> FormulaInstance:
        where = route(ONE, formulaId=formula_id, id=instance_id)
        return self._api.call(FormulaInstance, "GET", where)

    def replace(
        self, formula_id: int | str, instance_id: int | str, body: Mapping[str, Any]
    ) -> FormulaInstance:
        where = route(ONE, formulaId=formula_id, id=instance_id)
        return self._api.call(FormulaInstance, "PUT", where, json_body=dict(body))

    def delete(self, formula_id: int | str, instance_id: int | str) -> None:
        self._api.request("DELETE", route(ONE, formulaId=formula_id, id=instance_id))

    def list_all(self) -> list[FormulaInstance]:
        """``GET /formulas/instances``: the organization's formula instances of every formula."""
        where = route("/formulas/instances")
        return every_item(self._api, FormulaInstance, where)

    # ``list`` last: mypy would read a later ``list[...]`` annotation as this method.
    def list(self, formula_id: int | str) -> list[FormulaInstance]:
        """The instances of one formula (all pages; "No … found" is empty)."""
        where = route(MANY, formulaId=formula_id)
        return every_item(self._api, FormulaInstance, where)
