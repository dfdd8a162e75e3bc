"""Formula templates: ``/formulas``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Formula
from .transport import Transport, fill_path

ONE = "/formulas/{id}"


class FormulasAPI(Transport):
    """Formula CRUD. ``PUT`` replaces a whole formula; ``PATCH`` changes only its name,
    description, active flag, engine and logging flags."""

    def create_formula(self, body: Mapping[str, Any]) -> Formula:
        """``POST /formulas``. Not retried once it may have taken effect (see instances)."""
        data = self._request("POST", "/formulas", json_body=dict(body))
        # One documented example answers the formula wrapped in a list: accept both.
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        return self._parse(Formula, data, "POST", "/formulas")

    def get_formula(self, formula_id: int | str) -> Formula:
        path = fill_path(ONE, id=formula_id)
        return self._call(Formula, "GET", path, template=ONE)

    def list_formulas(self) -> list[Formula]:
        """Every formula of the organization (all pages; "No formulas found" is empty)."""
        return [self._parse(Formula, f, "GET", "/formulas") for f in self._get_list("/formulas")]

    def replace_formula(self, formula_id: int | str, body: Mapping[str, Any]) -> Formula:
        path = fill_path(ONE, id=formula_id)
        return self._call(Formula, "PUT", path, template=ONE, json_body=dict(body))

    def update_formula(self, formula_id: int | str, body: Mapping[str, Any]) -> Formula:
        path = fill_path(ONE, id=formula_id)
        return self._call(Formula, "PATCH", path, template=ONE, json_body=dict(body))

    def delete_formula(self, formula_id: int | str) -> None:
        """``DELETE /formulas/{id}``; refused while the formula has instances."""
        self._request("DELETE", fill_path(ONE, id=formula_id), template=ONE)
