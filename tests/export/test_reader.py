"""What the export reads of custom connectors, extended connectors and v2 VDRs (no HTTP: a
client that answers from lists): each one's export, in a stable order, `--element` choosing
connectors, and an object that cannot be exported listed as skipped, with the reason."""

from __future__ import annotations

from typing import Any, cast

from pulumi_openconnectors.client import OpenConnectorsClient
from pulumi_openconnectors.client.models import (
    Element,
    PrivateElement,
    VdrDocument,
    VdrSummary,
)
from pulumi_openconnectors.errors import APIError, NotFoundError
from pulumi_openconnectors.export.reader import read_account


def _element(ident: int, key: str) -> PrivateElement:
    return PrivateElement.model_validate(
        {"id": ident, "key": key, "name": key, "private": True, "authentication": {"type": "basic"}}
    )


class Client:
    """list_private_elements/export_private_element, area(...).extended/
    export, list_vdrs/export_vdr; ``broken`` export
    answers 500, ``gone`` 404."""

    def __init__(self, broken: str = "", gone: str = "") -> None:
        self.broken, self.gone = broken, gone
        self.elements = [_element(3, "zeta"), _element(1, "alpha"), _element(2, "gamma")]
        self.exported: list[Any] = []

    def _check(self, name: str, path: str) -> None:
        if name == self.gone:
            raise NotFoundError("gone", http_status=404, method="GET", path=path)
        if name == self.broken:
            raise APIError(
                "boom", http_status=500, method="GET", path=path, api_message="Server error"
            )

    def list_private_elements(self) -> list[PrivateElement]:
        return list(self.elements)

    def export_private_element(self, ident: int) -> PrivateElement:
        element = next(e for e in self.elements if e.id == ident)
        self._check(element.key, f"/elements/{ident}/export")
        self.exported.append(ident)
        return element

    def area(self, _cls: type) -> Client:
        """``client.area(ConnectorExtensionAPI)``: this client answers its calls too."""
        return self

    def extended(self) -> list[Element]:
        return [
            Element.model_validate({"id": i, "key": k, "extended": True})
            for i, k in ((1, "sfdc"), (4032, "closeio"))
        ]

    def export(self, ident: int) -> PrivateElement:
        key = {1: "sfdc", 4032: "closeio"}[ident]
        self._check(key, f"/elements/{ident}/export")
        own = [] if key == "sfdc" else [{"id": 9, "path": "/hubs/crm/x", "method": "GET"}]
        return PrivateElement.model_validate({"id": ident, "key": key, "resources": own})

    def list_vdrs(self) -> list[VdrSummary]:
        return [VdrSummary.model_validate({"id": i, "objectName": n}) for i, n in enumerate("cab")]

    def export_vdr(self, name: str) -> VdrDocument:
        self._check(name, f"/vdrs/{name}/export")
        return VdrDocument.model_validate({"vdrVersion": "v2", "vdrName": name})


def read(client: Client, **kwargs: Any) -> Any:
    return read_account(cast(OpenConnectorsClient, client), kinds=("connectors", "vdrs"), **kwargs)


def keys(snap: Any, type_name: str) -> list[str]:
    """The keys of the objects of a type that stands alone, as read (its spec's ``export``)."""
    return [key for key, _document in snap.documents.get(type_name, [])]


def test_every_custom_connector_and_vdr_is_read_through_its_export_in_order() -> None:
    client = Client()
    snap = read(client)
    assert [e.key for e in snap.connectors] == ["alpha", "gamma", "zeta"]
    assert client.exported == [1, 2, 3]
    assert keys(snap, "VirtualDataResource") == ["a", "b", "c"]
    assert snap.instances == [] and snap.formulas == [] and snap.skipped == []
    # extended connectors: by key; one whose export holds no resource of its own is left out
    assert keys(snap, "ConnectorExtension") == ["closeio"]


def test_element_chooses_the_custom_connectors() -> None:
    snap = read(Client(), elements=["gamma", "sfdc"])
    assert [e.key for e in snap.connectors] == ["gamma"]
    assert keys(snap, "ConnectorExtension") == []
    assert keys(read(Client(), elements=["closeio"]), "ConnectorExtension") == ["closeio"]


def test_one_that_cannot_be_exported_is_skipped_with_the_reason() -> None:
    snap = read(Client(broken="gamma", gone="alpha"))
    assert [e.key for e in snap.connectors] == ["zeta"]  # alpha: deleted meanwhile
    assert snap.skipped == ["custom connector gamma: could not be exported (500 Server error)"]
    snap = read(Client(broken="closeio"))
    assert keys(snap, "ConnectorExtension") == []
    assert snap.skipped == ["extended connector closeio: could not be exported (500 Server error)"]
    snap = read(Client(broken="b"))
    assert keys(snap, "VirtualDataResource") == ["a", "c"]
    assert snap.skipped == ["virtual data resource b: could not be exported (500 Server error)"]
