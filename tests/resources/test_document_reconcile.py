"""Lost answers on the new types' creates (issue #11): a create whose answer is lost leaves
exactly one object, the one in state — found by its ownership marker (the name and creation
time for formulas and formula instances, the key for common resources and transformations) —
and a create that could not have been made is posted again. Against the emulator over HTTP."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests
from pulumi.dynamic import Config, ConfigureRequest

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.resources.common_resource.provider import CommonResourceProvider
from pulumi_openconnectors.resources.formula.provider import FormulaProvider
from pulumi_openconnectors.resources.formula_instance.provider import FormulaInstanceProvider
from pulumi_openconnectors.resources.provider import SpecProvider
from pulumi_openconnectors.resources.transformation.provider import TransformationProvider

from .conftest import platform_headers

P = Any


def configured(cls: type[SpecProvider], emulator: Any) -> Any:
    provider = cls()
    provider.configure(
        ConfigureRequest(
            Config(
                {
                    "openconnectors:baseUrl": emulator.base_url,
                    "openconnectors:userSecret": emulator.user_secret,
                    "openconnectors:organizationSecret": emulator.organization_secret,
                    "openconnectors:maxRetries": "2",
                    "openconnectors:timeout": "5",
                },
                project_name="unit",
            )
        )
    )
    return provider


def listing(emulator: Any, path: str) -> Any:
    answer = requests.get(
        f"{emulator.base_url}{path}", headers=platform_headers(emulator), timeout=5
    )
    if answer.status_code == 404 and answer.json().get("message", "").startswith("No "):
        return []
    answer.raise_for_status()
    return answer.json()


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "REPOST_WAITS", (0.1,))


def lose(emulator: Any, path: str, action: str = "lose_response") -> None:
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": path, "action": action, "count": 1}]}
    )


FORMULA = {
    "name": "lost-answer",
    "active": True,
    "configuration": [{"key": "crm", "name": "CRM", "type": "value"}],
    "triggers": [{"type": "manual", "properties": {}, "onSuccess": [], "onFailure": []}],
    "steps": [],
    "extra": {},
}


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_formula(emulator: Any, action: str) -> None:
    provider = configured(FormulaProvider, emulator)
    lose(emulator, "/formulas", action)
    created = provider.create(dict(FORMULA))
    formulas = listing(emulator, "/formulas")
    assert [f["id"] for f in formulas] == [int(created.id)]
    expected_posts = 1 if action == "lose_response" else 2
    assert emulator.admin.stats()["requests"]["POST /formulas"] == expected_posts
    assert (created.outs or {})["late_create_possible"] is True


def test_formula_instance(emulator: Any) -> None:
    formula = configured(FormulaProvider, emulator).create(dict(FORMULA))
    provider = configured(FormulaInstanceProvider, emulator)
    lose(emulator, "/formulas/{id}/instances")
    inputs = {"formula_id": int(formula.id), "name": "prod", "configuration": {"crm": "x"}}
    created = provider.create(inputs)
    instances = listing(emulator, f"/formulas/{formula.id}/instances")
    assert [i["id"] for i in instances] == [int(created.id)]
    # an instance of the same name made earlier by someone else is not taken for ours
    time.sleep(2.5)  # more than the marker's one-second tolerance
    lose(emulator, "/formulas/{id}/instances")
    again = provider.create(inputs)
    instances = listing(emulator, f"/formulas/{formula.id}/instances")
    assert sorted(i["id"] for i in instances) == sorted([int(created.id), int(again.id)])


def test_common_resource_and_transformation(emulator: Any) -> None:
    definitions = configured(CommonResourceProvider, emulator)
    lose(emulator, "/organizations/objects/{objectName}/definitions")
    created = definitions.create(
        {"name": "lostContacts", "fields": [{"path": "id", "type": "string"}], "extra": {}}
    )
    assert created.id == "lostContacts"
    assert list(listing(emulator, "/organizations/objects/definitions")) == ["lostContacts"]

    transformations = configured(TransformationProvider, emulator)
    lose(emulator, "/organizations/elements/{keyOrId}/transformations/{objectName}", "drop")
    made = transformations.create(
        {
            "object_name": "lostContacts",
            "element_key": "closeio",
            "vendor_name": "contacts",
            "fields": [{"path": "id", "vendorPath": "id"}],
            "configuration": [],
            "extra": {},
        }
    )
    assert made.id == "element/closeio/lostContacts"
    assert list(listing(emulator, "/organizations/elements/closeio/transformations")) == [
        "lostContacts"
    ]


def test_a_delete_after_a_lost_answer_sweeps_late_copies(emulator: Any) -> None:
    formulas = configured(FormulaProvider, emulator)
    lose(emulator, "/formulas")
    formula = formulas.create(dict(FORMULA))
    late_formula = requests.post(  # the lost POST, landing a second time
        f"{emulator.base_url}/formulas",
        json={k: v for k, v in FORMULA.items() if k != "extra"},
        headers=platform_headers(emulator),
        timeout=5,
    )
    late_formula.raise_for_status()

    instances = configured(FormulaInstanceProvider, emulator)
    lose(emulator, "/formulas/{id}/instances")
    inputs = {"formula_id": int(formula.id), "name": "prod", "configuration": {"crm": "x"}}
    instance = instances.create(inputs)
    assert (instance.outs or {})["late_create_possible"] is True
    late_instance = requests.post(
        f"{emulator.base_url}/formulas/{formula.id}/instances",
        json={"name": "prod", "configuration": {"crm": "x"}},
        headers=platform_headers(emulator),
        timeout=5,
    )
    late_instance.raise_for_status()
    assert len(listing(emulator, f"/formulas/{formula.id}/instances")) == 2

    instances.delete(instance.id, instance.outs or {})
    assert listing(emulator, f"/formulas/{formula.id}/instances") == []
    assert len(listing(emulator, "/formulas")) == 2
    formulas.delete(formula.id, formula.outs or {})
    assert listing(emulator, "/formulas") == []
