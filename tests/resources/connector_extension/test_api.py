"""ConnectorExtension's API area (resources/connector_extension/api.py) against scripted
answers, for the readings the documents leave open: a resources list with the catalog's
resources too (`ownerAccountId` 1) or the account's alone (no owner named), an answer in a
list of one, a list of extended elements that ignores `where`, an export with or without the
catalog's resources."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.errors import NotFoundError
from pulumi_openconnectors.resources.connector_extension.api import ConnectorExtensionAPI

from ...client.scripted_server import Answer, Seen, scripted_server

OWN = {"id": 9, "path": "/hubs/crm/x", "method": "get", "elementId": 4032, "ownerAccountId": 77}
SYSTEM = {"id": 1, "path": "/hubs/crm/contacts", "method": "GET", "ownerAccountId": 1}


def _api(base_url: str) -> ConnectorExtensionAPI:
    client = OpenConnectorsClient(
        ClientSettings(base_url=base_url, user_secret="u", organization_secret="o", max_retries=0)
    )
    return client.area(ConnectorExtensionAPI)


@pytest.mark.parametrize(
    "listed",
    [
        [SYSTEM, OWN],  # the catalog's and the account's (the emulator's reading)
        [{k: v for k, v in OWN.items() if k != "ownerAccountId"}],  # the account's alone
    ],
)
def test_own_keeps_the_account_s_resources_whichever_the_list(listed: list[Any]) -> None:
    with scripted_server(lambda _r: Answer(200, listed)) as (url, seen):
        extension = _api(url).extension("closeio")
    assert [r.id for r in extension.resources] == [9]
    assert extension.resources[0].route == ("GET", "/hubs/crm/x")
    assert extension.element_id == 4032 and extension.key == "closeio"
    assert (seen[0].method, seen[0].path) == ("GET", "/elements/closeio/resources")


def test_an_unknown_element_is_not_found() -> None:
    answer = Answer(404, {"requestId": "r", "message": "No element with that key or id"})
    with scripted_server(lambda _r: answer) as (url, _seen), pytest.raises(NotFoundError):
        _api(url).own("nothing")


@pytest.mark.parametrize("answered", [OWN, [OWN]])
def test_a_write_answered_with_the_resource_or_a_list_of_one(answered: Any) -> None:
    body = {"path": "/hubs/crm/x", "method": "GET"}
    with scripted_server(lambda _r: Answer(200, answered)) as (url, seen):
        client = _api(url)
        assert client.create("closeio", body).id == 9
        assert client.replace("closeio", 9, body).id == 9
    assert [(r.method, r.path) for r in seen] == [
        ("POST", "/elements/closeio/resources"),
        ("PUT", "/elements/closeio/resources/9"),
    ]
    assert seen[0].body == body


def test_extended_sends_the_doctors_where_and_filters_an_unfiltered_answer() -> None:
    listed = [
        {"id": 4032, "key": "closeio", "extended": True, "private": False},
        {"id": 1, "key": "sfdc", "extended": False},
        {"id": 100001, "key": "mine", "extended": True, "private": True},
    ]
    with scripted_server(lambda _r: Answer(200, listed)) as (url, seen):
        found = _api(url).extended()
    assert [e.key for e in found] == ["closeio"]
    assert seen[0].query == [("where", "extended='true'")]


@pytest.mark.parametrize("wrap", [False, True])
def test_the_export_asks_for_the_account_s_resources_and_drops_the_catalog_s(wrap: bool) -> None:
    exported: Any = {"id": 4032, "key": "closeio", "extended": True, "resources": [SYSTEM, OWN]}
    with scripted_server(lambda _r: Answer(200, [exported] if wrap else exported)) as (url, seen):
        element = _api(url).export(4032)
    assert element.key == "closeio" and [r["id"] for r in element.resources] == [9]
    assert seen[0].path == "/elements/4032/export"
    assert seen[0].query == [("extendedOnly", "true")]


def test_delete_names_the_resource_id_under_the_element_key() -> None:
    def script(_request: Seen) -> Answer:
        return Answer(200, {})

    with scripted_server(script) as (url, seen):
        _api(url).delete("closeio", 9)
    assert [(r.method, r.path) for r in seen] == [("DELETE", "/elements/closeio/resources/9")]
