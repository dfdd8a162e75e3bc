"""Connector operations against the emulator over HTTP (no engine): a create whose answer is
lost leaves one element, a taken key says how to take it over, adoption, read (drift, gone),
an update that keeps what the program does not manage, delete."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.errors import ProviderError
from pulumi_openconnectors.resources.connector.provider import ConnectorProvider

from ..conftest import platform_headers
from ..test_document_reconcile import configured, lose

INPUTS: dict[str, Any] = {
    "key": "lost-acme",
    "name": "Acme",
    "authentication": {"type": "basic"},
    "configuration": [{"key": "username", "required": True}],
    "resources": [],
    "extra": {},
}


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "REPOST_WAITS", (0.1,))


def private_keys(emulator: Any) -> list[str]:
    answer = requests.get(
        f"{emulator.base_url}/elements",
        params={"where": "private='true'"},
        headers=platform_headers(emulator),
        timeout=5,
    )
    answer.raise_for_status()
    return [e["key"] for e in answer.json()]


def platform(emulator: Any, method: str, path: str, body: Any = None) -> Any:
    answer = requests.request(
        method,
        f"{emulator.base_url}{path}",
        json=body,
        headers=platform_headers(emulator),
        timeout=5,
    )
    answer.raise_for_status()
    return answer.json()


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_a_lost_answer_leaves_one_connector(emulator: Any, action: str) -> None:
    provider = configured(ConnectorProvider, emulator)
    lose(emulator, "/elements", action)
    created = provider.create(INPUTS)
    assert created.id == "lost-acme" and created.outs["connector_id"] > 0
    assert private_keys(emulator) == ["lost-acme"]


def test_taken_key_adopt_read_update_delete(emulator: Any) -> None:
    provider = configured(ConnectorProvider, emulator)
    platform(emulator, "POST", "/elements", {**INPUTS, "description": "by hand"})
    with pytest.raises(ProviderError, match="adopt=True"):
        provider.create(INPUTS)
    adopted = provider.create({**INPUTS, "adopt": True, "name": "Adopted"})
    assert adopted.outs["name"] == "Adopted"
    assert platform(emulator, "GET", "/elements/lost-acme")["description"] == "by hand"

    # drift shows on read; an update puts the program's document back, keeping the
    # description the program does not manage (read, merge, write)
    platform(emulator, "PUT", "/elements/lost-acme", {**INPUTS, "name": "Edited"})
    state = provider.read("lost-acme", adopted.outs)
    assert state.outs["name"] == "Edited" and state.outs["description"] is None
    platform(emulator, "PUT", "/elements/lost-acme", {**INPUTS, "description": "kept"})
    updated = provider.update("lost-acme", state.outs, {**INPUTS, "name": "Adopted"})
    assert updated.outs["name"] == "Adopted"
    assert platform(emulator, "GET", "/elements/lost-acme")["description"] == "kept"

    provider.delete("lost-acme", updated.outs)
    assert private_keys(emulator) == []
    assert provider.read("lost-acme", updated.outs).outs == {}
    provider.delete("lost-acme", updated.outs)  # already gone: deleted


def test_a_catalog_key_is_refused(emulator: Any) -> None:
    provider = configured(ConnectorProvider, emulator)
    with pytest.raises(ProviderError, match="catalog"):
        provider.create({**INPUTS, "key": "closeio"})
    with pytest.raises(ProviderError, match="catalog"):
        provider.create({**INPUTS, "key": "closeio", "adopt": True})
