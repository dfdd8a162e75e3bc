"""Formula instances: ``/formulas/{id}/instances`` (updates are a full ``PUT``, as documented)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import FormulaInstance
from .transport import Transport, fill_path

MANY = "/formulas/{formulaId}/instances"
ONE = "/formulas/{formulaId}/instances/{id}"


class FormulaInstancesAPI(Transport):
    """Formula-instance CRUD."""

    def create_formula_instance(
        self, formula_id: int | str, body: Mapping[str, Any]
    ) -> FormulaInstance:
        path = fill_path(MANY, formulaId=formula_id)
        return self._call(FormulaInstance, "POST", path, template=MANY, json_body=dict(body))

    def get_formula_instance(
        self, formula_id: int | str, instance_id: int | str
    ) -> FormulaInstance:
        path = fill_path(ONE, formulaId=formula_id, id=instance_id)
        return self._call(FormulaInstance, "GET", path, template=ONE)

    def list_formula_instances(self, formula_id: int | str) -> list[FormulaInstance]:
        """The instances of one formula (all pages; "No … found" is empty)."""
        path = fill_path(MANY, formulaId=formula_id)
        items = self._get_list(path, template=MANY)
        return [self._parse(FormulaInstance, item, "GET", path) for item in items]

    def list_all_formula_instances(self) -> list[FormulaInstance]:
        """``GET /formulas/instances``: the organization's formula instances of every formula."""
        items = self._get_list("/formulas/instances")
        return [self._parse(FormulaInstance, i, "GET", "/formulas/instances") for i in items]

    def replace_formula_instance(
        self, formula_id: int | str, instance_id: int | str, body: Mapping[str, Any]
    ) -> FormulaInstance:
        path = fill_path(ONE, formulaId=formula_id, id=instance_id)
        return self._call(FormulaInstance, "PUT", path, template=ONE, json_body=dict(body))

    def delete_formula_instance(self, formula_id: int | str, instance_id: int | str) -> None:
        path = fill_path(ONE, formulaId=formula_id, id=instance_id)
        self._request("DELETE", path, template=ONE)
