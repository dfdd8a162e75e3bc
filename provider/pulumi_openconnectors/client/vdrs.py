"""Virtual data resources of the v2 model: ``/vdrs`` (list, ``POST``, ``/vdrs/{id}``),
``GET /vdrs/{name}/export`` (the whole document: definition and transformations) and
``PUT /vdrs/import`` (an upsert of that document, by name; the-doctor's upload)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import NotFoundError
from .models import VdrDocument, VdrSummary
from .pagination import every_item, every_page
from .paths import route
from .requestor import Area

ALL = "/vdrs"
ONE = "/vdrs/{id}"
EXPORT = "/vdrs/{objectName}/export"
IMPORT = "/vdrs/import"


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class VdrsAPI(Area):
    """VDR CRUD. The name is the key in the organization (``POST /vdrs`` of a taken name
    answers 409, ``PUT /vdrs/import`` replaces it); delete goes by the numeric id (the one an
    import or export answers, or the one the list gives)."""

    def find(self, name: str) -> VdrSummary | None:
        """The VDR of this name, by ``GET /vdrs?where=objectName in ('<name>')`` (as the-doctor
        reads them); a platform that ignores the filter is filtered here."""
        where = route(ALL)
        params = [("where", f"objectName in ({_quoted(name)})")]
        for item in every_page(self._api, where, params=params):
            found = self._api.parse(VdrSummary, item, "GET", where)
            if found.object_name == name:
                return found
        return None

    def create(self, document: Mapping[str, Any]) -> VdrSummary:
        """``POST /vdrs`` of the document's definition (``{objectName, fields, …}``): the
        transformations follow with :meth:`import_`."""
        definition = document.get("definition")
        body = {
            **(dict(definition) if isinstance(definition, Mapping) else {}),
            "objectName": document["vdrName"],
        }
        body.setdefault("fields", [])
        return self._api.call(VdrSummary, "POST", route(ALL), json_body=body)

    def export(self, name: str) -> VdrDocument:
        """The whole v2 document (404 when there is no VDR of this name)."""
        return self._api.call(VdrDocument, "GET", route(EXPORT, objectName=name))

    def import_(self, document: Mapping[str, Any]) -> VdrDocument:
        """``PUT /vdrs/import``: create or replace the VDR of the document's name with its
        definition and transformations. The answer is read as the document when it is one;
        any other answer (an empty body, a summary) is followed by an export."""
        where = route(IMPORT)
        data = self._api.request("PUT", where, json_body=dict(document))
        if isinstance(data, dict) and isinstance(data.get("definition"), dict):
            return self._api.parse(VdrDocument, data, "PUT", where)
        return self.export(str(document["vdrName"]))

    def get(self, ident: int) -> VdrSummary:
        """``GET /vdrs/{id}``: the summary (NotFoundError when there is none)."""
        return self._api.call(VdrSummary, "GET", route(ONE, id=ident))

    def delete(self, name: str) -> None:
        """``DELETE /vdrs/{id}`` of the VDR of this name, found by name first (NotFoundError
        when there is none): for a caller that does not know the id."""
        found = self.find(name)
        if found is None:
            raise NotFoundError(f"no VDR named {name!r}", http_status=404, method="GET", path=ALL)
        self.delete_id(found.id)

    def delete_id(self, ident: int) -> None:
        """``DELETE /vdrs/{id}``: one call (NotFoundError when there is none)."""
        self._api.request("DELETE", route(ONE, id=ident))

    # ``list`` last: mypy would read a later ``list[...]`` annotation as this method.
    def list(self) -> list[VdrSummary]:
        """Every VDR of the organization (``GET /vdrs``, all pages), as the list gives them."""
        where = route(ALL)
        return every_item(self._api, VdrSummary, where)
