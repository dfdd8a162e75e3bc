"""ConnectorExtension operations against the emulator over HTTP (no engine): a create whose
answer is lost leaves each resource once, resources already added say how to take them over,
adoption, read (drift, gone), an update that sends only what differs, a delete that leaves the
connector and its own resources, an instance of the extended connector."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.errors import ProviderError
from pulumi_openconnectors.resources.connector_extension.provider import (
    ConnectorExtensionProvider,
)

from ..conftest import platform_headers
from ..test_document_reconcile import configured

RESOURCES = "/elements/closeio/resources"
EXPENSES: dict[str, Any] = {"path": "/hubs/crm/expenses", "method": "GET", "vendorPath": "/e"}
CREATE: dict[str, Any] = {"path": "/hubs/crm/expenses", "method": "POST", "vendorPath": "/e"}
INPUTS: dict[str, Any] = {"element_key": "closeio", "resources": [EXPENSES, CREATE]}


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "REPOST_WAITS", (0.1,))


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


def listed(emulator: Any) -> list[dict[str, Any]]:
    return list(platform(emulator, "GET", RESOURCES))


def own_routes(emulator: Any) -> list[str]:
    return [f"{r['method']} {r['path']}" for r in listed(emulator) if r["ownerAccountId"] != 1]


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_a_lost_answer_leaves_each_resource_once(emulator: Any, action: str) -> None:
    provider = configured(ConnectorExtensionProvider, emulator)
    # the first POST's answer is lost (lose_response: it ran; drop: it never ran)
    rule = {"method": "POST", "path": RESOURCES, "action": action, "count": 1}
    emulator.admin.set_faults({"rules": [rule]})
    created = provider.create(INPUTS)
    assert created.id == "closeio" and created.outs["element_id"] == 4032
    assert created.outs["resources"] == [EXPENSES, CREATE]
    assert own_routes(emulator) == ["GET /hubs/crm/expenses", "POST /hubs/crm/expenses"]


def test_added_already_adopt_read_update_delete(emulator: Any) -> None:
    provider = configured(ConnectorExtensionProvider, emulator)
    system = [r for r in listed(emulator) if r["ownerAccountId"] == 1]
    by_hand = platform(emulator, "POST", RESOURCES, {**EXPENSES, "description": "by hand"})
    with pytest.raises(ProviderError, match=r"adopt=True.*") as refused:
        provider.create(INPUTS)
    assert "GET /hubs/crm/expenses" in str(refused.value)
    adopted = provider.create({**INPUTS, "adopt": True})
    assert adopted.outs["resources"] == [EXPENSES, CREATE]
    kept = [r for r in listed(emulator) if r["ownerAccountId"] != 1]
    assert kept[0]["id"] == by_hand["id"]  # taken over and put right, not recreated

    # drift: a change, a deletion and an addition out of band show on read
    platform(emulator, "PUT", f"{RESOURCES}/{by_hand['id']}", {**EXPENSES, "vendorPath": "/x"})
    platform(emulator, "DELETE", f"{RESOURCES}/{kept[1]['id']}")
    platform(emulator, "POST", RESOURCES, {"path": "/hubs/crm/stray", "method": "GET"})
    state = provider.read("closeio", adopted.outs)
    assert state.outs["resources"] == [
        {**EXPENSES, "vendorPath": "/x"},
        {"path": "/hubs/crm/stray", "method": "GET"},
    ]
    # an update puts the program's resources back: PUT one, POST one, DELETE one
    before = emulator.admin.stats()["requests"]
    updated = provider.update("closeio", state.outs, INPUTS)
    after = emulator.admin.stats()["requests"]
    assert updated.outs["resources"] == [EXPENSES, CREATE]
    sent = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    assert {k: v for k, v in sent.items() if v and not k.startswith("GET")} == {
        "PUT /elements/{keyOrId}/resources/{id}": 1,
        "POST /elements/{keyOrId}/resources": 1,
        "DELETE /elements/{keyOrId}/resources/{id}": 1,
    }
    assert own_routes(emulator) == ["GET /hubs/crm/expenses", "POST /hubs/crm/expenses"]

    provider.delete("closeio", updated.outs)
    assert own_routes(emulator) == []
    assert listed(emulator) == system  # the connector's own resources stay
    assert platform(emulator, "GET", "/elements/closeio")["extended"] is False
    assert provider.read("closeio", updated.outs).outs == {}
    provider.delete("closeio", updated.outs)  # already gone: deleted


def test_adopting_nothing_and_an_unknown_connector_say_so(emulator: Any) -> None:
    provider = configured(ConnectorExtensionProvider, emulator)
    with pytest.raises(ProviderError, match="no resources to the connector 'closeio'"):
        provider.create({**INPUTS, "adopt": True})
    with pytest.raises(ProviderError, match="nothing"):
        provider.create({**INPUTS, "element_key": "nothing"})


def test_an_instance_of_the_extended_connector_still_works(emulator: Any) -> None:
    provider = configured(ConnectorExtensionProvider, emulator)
    provider.create(INPUTS)
    instance = platform(
        emulator,
        "POST",
        "/instances",
        {
            "element": {"key": "closeio"},
            "name": "crm",
            "configuration": {"username": "u", "password": "p"},
        },
    )
    assert instance["element"]["key"] == "closeio" and instance["token"]
    provider.delete("closeio", {})
    assert platform(emulator, "GET", f"/instances/{instance['id']}")["id"] == instance["id"]
