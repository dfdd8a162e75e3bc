"""An update keeps what the program does not manage (issue #19, section 2).

PUT /formulas/{id}, PUT /formulas/{id}/instances/{instanceId} and PUT of a transformation
replace the whole object: a field the program leaves unset (a formula's `singleThreaded`, a
formula instance's `settings` made in the UI, a transformation's `isLegacy`) would be wiped by
an update of another field. Each is set out of band here, then an update of something else
must leave it as it is (read, merge, write) — and so must an adoption."""

from __future__ import annotations

from typing import Any

import requests

from pulumi_openconnectors.resources.common_resource.provider import CommonResourceProvider
from pulumi_openconnectors.resources.formula.provider import FormulaProvider
from pulumi_openconnectors.resources.formula_instance.provider import FormulaInstanceProvider
from pulumi_openconnectors.resources.transformation.provider import TransformationProvider

from .conftest import platform_headers
from .test_document_reconcile import FORMULA, configured


def call(emulator: Any, method: str, path: str, body: Any = None) -> Any:
    answer = requests.request(
        method,
        f"{emulator.base_url}{path}",
        json=body,
        headers=platform_headers(emulator),
        timeout=5,
    )
    answer.raise_for_status()
    return answer.json()


def test_formula_update_keeps_unmanaged_flags(emulator: Any) -> None:
    provider = configured(FormulaProvider, emulator)
    created = provider.create(dict(FORMULA))
    path = f"/formulas/{created.id}"
    call(emulator, "PATCH", path, {"singleThreaded": True, "engine": "v3"})
    news = dict(FORMULA, description="changed")
    provider.update(created.id, dict(created.outs or {}), news)
    live = call(emulator, "GET", path)
    assert live["description"] == "changed"
    assert live["singleThreaded"] is True and live["engine"] == "v3"
    # a flag the program does set is written as the program says
    provider.update(created.id, dict(created.outs or {}), dict(news, single_threaded=False))
    assert call(emulator, "GET", path)["singleThreaded"] is False


def test_formula_adoption_keeps_unmanaged_flags(emulator: Any) -> None:
    provider = configured(FormulaProvider, emulator)
    created = provider.create(dict(FORMULA))
    call(emulator, "PATCH", f"/formulas/{created.id}", {"singleThreaded": True})
    provider.create(dict(FORMULA, description="adopted", adopt_formula_id=int(created.id)))
    live = call(emulator, "GET", f"/formulas/{created.id}")
    assert live["description"] == "adopted" and live["singleThreaded"] is True


def test_formula_instance_update_keeps_settings(emulator: Any) -> None:
    formula = configured(FormulaProvider, emulator).create(dict(FORMULA))
    provider = configured(FormulaInstanceProvider, emulator)
    inputs = {"formula_id": int(formula.id), "name": "prod", "configuration": {"crm": "x"}}
    created = provider.create(dict(inputs))
    path = f"/formulas/{formula.id}/instances/{created.id}"
    settings = {"notification.email": "ops@example.com", "notification.webhook.url": "x"}
    live = call(emulator, "GET", path)
    call(
        emulator,
        "PUT",
        path,
        {"name": "prod", "configuration": live["configuration"], "settings": settings},
    )
    provider.update(created.id, dict(created.outs or {}), dict(inputs, configuration={"crm": "y"}))
    live = call(emulator, "GET", path)
    assert live["configuration"] == {"crm": "y"}
    assert live["settings"] == settings


def test_transformation_update_keeps_is_legacy(emulator: Any) -> None:
    configured(CommonResourceProvider, emulator).create(
        {"name": "keptContacts", "fields": [{"path": "id", "type": "string"}], "extra": {}}
    )
    provider = configured(TransformationProvider, emulator)
    inputs = {
        "object_name": "keptContacts",
        "element_key": "closeio",
        "vendor_name": "contacts",
        "fields": [{"path": "id", "vendorPath": "id"}],
    }
    created = provider.create(dict(inputs))
    path = "/organizations/elements/closeio/transformations/keptContacts"
    live = call(emulator, "GET", path)
    call(
        emulator,
        "PUT",
        path,
        {"vendorName": "contacts", "fields": live["fields"], "isLegacy": True},
    )
    provider.update(created.id, dict(created.outs or {}), dict(inputs, vendor_name="leads"))
    live = call(emulator, "GET", path)
    assert live["vendorName"] == "leads" and live["isLegacy"] is True


SCRIPTED = dict(
    FORMULA,
    name="scripted",
    steps=[
        {
            "name": "first",
            "type": "script",
            "properties": {"body": "done({first: true});"},
            "onSuccess": ["second"],
        },
        {"name": "second", "type": "script", "properties": {"body": "done({second: true});"}},
    ],
)


def _bodyless(formula: dict[str, Any]) -> dict[str, Any]:
    """The formula as a program that leaves its step bodies and edges out declares it."""
    return dict(formula, steps=[{"name": s["name"], "type": s["type"]} for s in formula["steps"]])


def _bodies(emulator: Any, ident: str) -> dict[str, Any]:
    live = call(emulator, "GET", f"/formulas/{ident}")
    return {s["name"]: (s.get("properties"), s.get("onSuccess")) for s in live["steps"]}


def test_formula_adopted_without_step_bodies_keeps_them_on_update(emulator: Any) -> None:
    """A program that adopts a formula and leaves its steps' bodies out sees no diff (the
    server fills them in): neither the adoption nor a later update may wipe them."""
    provider = configured(FormulaProvider, emulator)
    created = provider.create(dict(SCRIPTED))
    kept = _bodies(emulator, created.id)
    assert kept["first"] == ({"body": "done({first: true});"}, ["second"])
    adopting = dict(_bodyless(SCRIPTED), description="adopted", adopt_formula_id=int(created.id))
    adopted = provider.create(adopting)  # a change (the description): a PUT
    assert call(emulator, "GET", f"/formulas/{created.id}")["description"] == "adopted"
    assert _bodies(emulator, created.id) == kept
    olds = dict(adopted.outs or {})
    diff = provider.diff(created.id, olds, dict(adopting, description="again"))
    assert diff.changes and diff.replaces in (None, [])
    provider.update(created.id, olds, dict(adopting, description="again"))
    assert call(emulator, "GET", f"/formulas/{created.id}")["description"] == "again"
    assert _bodies(emulator, created.id) == kept


def test_formula_update_drops_a_body_the_program_wrote_before(emulator: Any) -> None:
    """A body the program wrote and then leaves out is removed (that is the change), and a
    new step of another name takes nothing from the step it displaces."""
    provider = configured(FormulaProvider, emulator)
    created = provider.create(dict(SCRIPTED))
    olds = dict(created.outs or {})
    steps = [dict(SCRIPTED["steps"][0]), {"name": "second", "type": "script"}]
    provider.update(created.id, olds, dict(SCRIPTED, steps=steps))
    bodies = _bodies(emulator, created.id)
    assert bodies["first"][0] == {"body": "done({first: true});"}
    assert not bodies["second"][0]
    renamed = [{"name": "third", "type": "script"}, dict(SCRIPTED["steps"][1])]
    provider.update(created.id, olds, dict(SCRIPTED, steps=renamed))
    bodies = _bodies(emulator, created.id)
    assert not bodies["third"][0] and bodies["second"][0] == {"body": "done({second: true});"}
