"""The private-elements area (custom connectors): paths, verbs, bodies, and both readings of
what the documents leave open (an answer wrapped in a list; a `where` the server ignores)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.errors import ConflictError, NotFoundError

from .scripted_server import Answer, Seen, scripted_server

ELEMENT = {"id": 100001, "key": "acme", "name": "Acme", "private": True, "hooks": []}


def _client(base_url: str) -> OpenConnectorsClient:
    return OpenConnectorsClient(
        ClientSettings(base_url=base_url, user_secret="u", organization_secret="o", max_retries=0)
    )


@pytest.mark.parametrize("answer", [ELEMENT, [ELEMENT]])
def test_calls_and_an_answer_in_a_list_of_one(answer: Any) -> None:
    with scripted_server(lambda _r: Answer(200, answer)) as (url, seen):
        client = _client(url)
        assert client.create_private_element({"key": "acme"}).document() == ELEMENT
        assert client.get_private_element("acme").key == "acme"
        assert client.replace_private_element("acme", {"key": "acme"}).id == 100001
        assert client.export_private_element(100001).document()["hooks"] == []
    calls = [(s.method, s.path) for s in seen]
    assert calls == [
        ("POST", "/elements"),
        ("GET", "/elements/acme"),
        ("PUT", "/elements/acme"),
        ("GET", "/elements/100001/export"),
    ]
    assert seen[0].body == {"key": "acme"} and seen[2].body == {"key": "acme"}


def test_the_list_keeps_private_elements_when_where_is_ignored() -> None:
    catalog = {"id": 1, "key": "sfdc", "private": False}

    def script(_seen: Seen) -> Answer:
        return Answer(200, [catalog, ELEMENT])

    with scripted_server(script) as (url, seen):
        assert [e.key for e in _client(url).list_private_elements()] == ["acme"]
    assert ("where", "private='true'") in seen[0].query


def test_against_the_emulator(emulator: EmulatorServer) -> None:
    body = {
        "key": "acme",
        "name": "Acme",
        "authentication": {"type": "basic"},
        "configuration": [{"key": "username", "required": True}],
    }
    settings = ClientSettings(
        base_url=emulator.base_url,
        user_secret=emulator.user_secret,
        organization_secret=emulator.organization_secret,
        max_retries=0,
    )
    with OpenConnectorsClient(settings) as client:
        created = client.create_private_element(body)
        assert created.private is True and created.configuration[0]["key"] == "username"
        with pytest.raises(ConflictError):
            client.create_private_element(body)
        assert client.get_private_element(created.id).key == "acme"
        assert [e.key for e in client.list_private_elements()] == ["acme"]
        replaced = client.replace_private_element("acme", {**body, "name": "Acme 2"})
        assert replaced.name == "Acme 2"
        assert client.export_private_element(created.id).document()["name"] == "Acme 2"
        client.delete_private_element("acme")
        with pytest.raises(NotFoundError):
            client.get_private_element("acme")
