"""CommonResource, Transformation, Formula and FormulaInstance through the real engine against
the emulator: create, no-op preview, in-place update, replace, refresh after an out-of-band
change and delete, adoption, destroy (issue #11)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

DEFINITIONS = "/organizations/objects/{}/definitions"
ORG_TRANSFORMATION = "/organizations/elements/{}/transformations/{}"

MAPPING = """
import pulumi
import pulumi_openconnectors as oc

contacts = oc.CommonResource(
    "contacts",
    name="e2eContacts",
    fields=FIELDS,
)
oc.Transformation(
    "closeio-contacts",
    element_key=ELEMENT,
    vendor_name="contacts",
    common_resource=contacts,
    fields=MAPPED,
)
ADOPTED
pulumi.export("paths", contacts.field_paths)
"""


def mapping_program(
    fields: list[str], mapped: list[str], element: str = "closeio", adopted: str = ""
) -> str:
    return (
        MAPPING.replace("FIELDS", json.dumps([{"path": f, "type": "string"} for f in fields]))
        .replace("MAPPED", json.dumps([{"path": f, "vendorPath": f.upper()} for f in mapped]))
        .replace("ELEMENT", json.dumps(element))
        .replace("ADOPTED", adopted)
    )


def paths(definition: dict[str, Any] | None) -> list[str]:
    assert definition is not None
    return [f["path"] for f in definition["fields"]]


def assert_positions_in_program(stack: Any, types: set[str]) -> None:
    """Each resource's source position in state is the program's line that made it (not this
    package's resource class), and nothing of the package is in its stack trace."""
    found = {r["type"].rsplit(":", 1)[1]: r for r in stack.resources()}
    assert types <= set(found), found.keys()
    for name in types:
        entry = found[name]
        assert entry["sourcePosition"].startswith("project:///__main__.py#"), (name, entry)
        assert "pulumi_openconnectors" not in json.dumps(entry.get("stackTrace")), (name, entry)


def test_common_resource_and_transformation_lifecycle(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    stack = stack_factory(mapping_program(["id", "email"], ["id"])).init()
    configure_emulator(stack, emulator)

    stack.up()
    assert_positions_in_program(stack, {"CommonResource", "Transformation"})
    assert paths(api.get(DEFINITIONS.format("e2eContacts"))) == ["id", "email"]
    transformation = api.get(ORG_TRANSFORMATION.format("closeio", "e2eContacts"))
    assert transformation is not None and transformation["vendorName"] == "contacts"
    assert stack.outputs()["paths"] == ["id", "email"]
    stack.preview("--expect-no-changes")

    # in place: a new field, mapped
    stack.write_program(mapping_program(["id", "email", "phone"], ["id", "phone"]))
    before = api.requests_by_route()
    preview = stack.preview()
    assert "replace" not in preview.stdout and "2 to update" in preview.stdout
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert changed.get("PUT /organizations/objects/{objectName}/definitions") == 1
    assert not any(route.startswith(("POST", "DELETE")) for route in changed), changed
    assert paths(api.get(DEFINITIONS.format("e2eContacts"))) == ["id", "email", "phone"]
    stack.preview("--expect-no-changes")

    # drift: changed out of band -> refresh shows it, up puts it back
    api.ok("PUT", DEFINITIONS.format("e2eContacts"), {"fields": [{"path": "id", "type": "string"}]})
    stack.refresh()
    [state] = stack.resources(":CommonResource")
    assert state["outputs"]["field_paths"] == ["id"], "refresh shows the drift"
    stack.up()
    assert paths(api.get(DEFINITIONS.format("e2eContacts"))) == ["id", "email", "phone"]

    # deleted out of band -> refresh drops it, up creates it again
    api.ok("DELETE", ORG_TRANSFORMATION.format("closeio", "e2eContacts"))
    stack.refresh()
    stack.up()
    assert api.get(ORG_TRANSFORMATION.format("closeio", "e2eContacts")) is not None

    # replace: the transformation moves to another connector
    stack.write_program(mapping_program(["id", "email", "phone"], ["id", "phone"], "sfdc"))
    assert "replace" in stack.preview().stdout
    stack.up()
    assert api.get(ORG_TRANSFORMATION.format("closeio", "e2eContacts")) is None
    assert api.get(ORG_TRANSFORMATION.format("sfdc", "e2eContacts")) is not None

    # adoption of a definition made by hand: no create, made the program's
    api.ok("POST", DEFINITIONS.format("handMade"), {"fields": [{"path": "x", "type": "number"}]})
    adopted = (
        'oc.CommonResource("hand", name="handMade", adopt=True,\n'
        '    fields=[{"path": "x", "type": "number"}, {"path": "y", "type": "string"}])'
    )
    stack.write_program(mapping_program(["id", "email", "phone"], ["id", "phone"], "sfdc", adopted))
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert "POST /organizations/objects/{objectName}/definitions" not in changed, changed
    assert paths(api.get(DEFINITIONS.format("handMade"))) == ["x", "y"]
    stack.preview("--expect-no-changes")

    stack.destroy()
    assert api.get(DEFINITIONS.format("e2eContacts")) is None
    assert api.get(DEFINITIONS.format("handMade")) is None
    assert api.get(ORG_TRANSFORMATION.format("sfdc", "e2eContacts")) is None


FORMULAS = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
crm = oc.ConnectorInstance("crm", element_key="closeio",
    configuration={"username": "u@example.com", "password": cfg.require_secret("pw")})
flow = oc.Formula(
    "flow",
    name="e2e-flow",
    configuration=[{"key": "crm", "name": "CRM", "type": "elementInstance"}],
    triggers=[{"type": "manual", "properties": {}, "onSuccess": ["first"], "onFailure": []}],
    steps=[
        {"name": "first", "type": "script", "properties": {"body": BODY},
         "onSuccess": ["read"], "onFailure": []},
        {"name": "read", "type": "elementRequest",
         "properties": {"elementInstanceId": "${config.crm}", "method": "GET",
                        "api": "/hubs/crm/contacts"},
         "onSuccess": [], "onFailure": []},
    ],
)
OTHER
run = oc.FormulaInstance("run", formula_id=FORMULA_ID, name=RUN_NAME,
    configuration={"crm": crm.instance_id})
pulumi.export("formula", flow.formula_id)
pulumi.export("instance", run.formula_instance_id)
pulumi.export("crm", crm.instance_id)
"""

OTHER_FORMULA = """
other = oc.Formula("other", name="e2e-other",
    configuration=[{"key": "crm", "name": "CRM", "type": "elementInstance"}],
    triggers=[{"type": "manual", "properties": {}, "onSuccess": [], "onFailure": []}])
"""


def formulas_program(
    body: str = "done({ok: true});",
    run_name: str = "e2e-run",
    other: bool = False,
    on_other: bool = False,
) -> str:
    return (
        FORMULAS.replace("BODY", json.dumps(body))
        .replace("RUN_NAME", json.dumps(run_name))
        .replace("OTHER", OTHER_FORMULA if other else "")
        .replace("FORMULA_ID", "other.formula_id" if on_other else "flow.formula_id")
    )


def test_formula_and_formula_instance_lifecycle(stack_factory: Any, emulator: Any) -> None:
    api = Platform(emulator)
    stack = stack_factory(formulas_program()).init()
    configure_emulator(stack, emulator)
    stack.config("pw", "pw-formula-e2e", secret=True)

    stack.up()
    assert_positions_in_program(stack, {"ConnectorInstance", "Formula", "FormulaInstance"})
    out = stack.outputs()
    formula = api.get(f"/formulas/{out['formula']}")
    assert formula is not None and [s["name"] for s in formula["steps"]] == ["first", "read"]
    run = api.get(f"/formulas/{out['formula']}/instances/{out['instance']}")
    assert run is not None and str(run["configuration"]["crm"]) == str(out["crm"])
    stack.preview("--expect-no-changes")

    # one step changed: the formula is updated in place (PUT, after a GET that keeps the flags
    # the program does not manage), nothing else moves
    stack.write_program(formulas_program(body="done({ok: false});"))
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert changed == {"GET /formulas/{id}": 1, "PUT /formulas/{id}": 1}, changed
    formula = api.get(f"/formulas/{out['formula']}")
    assert formula is not None
    assert formula["steps"][0]["properties"]["body"] == "done({ok: false});"
    assert stack.outputs()["formula"] == out["formula"]

    # the formula instance renamed in place
    stack.write_program(formulas_program(body="done({ok: false});", run_name="renamed"))
    stack.up()
    run = api.get(f"/formulas/{out['formula']}/instances/{out['instance']}")
    assert run is not None and run["name"] == "renamed"

    # drift on the formula: refresh shows it, up puts it back
    api.ok("PATCH", f"/formulas/{out['formula']}", {"description": "edited in the UI"})
    stack.refresh()
    assert "edited in the UI" in json.dumps(stack.export()["deployment"]["resources"])
    stack.up()
    formula = api.get(f"/formulas/{out['formula']}")
    assert formula is not None and not formula.get("description")

    # the formula instance deleted out of band: refresh drops it, up makes it again
    api.ok("DELETE", f"/formulas/{out['formula']}/instances/{out['instance']}")
    stack.refresh()
    stack.up()
    recreated = stack.outputs()["instance"]
    assert recreated != out["instance"]
    assert api.get(f"/formulas/{out['formula']}/instances/{recreated}") is not None

    # replace: the formula instance moves to another formula template
    stack.write_program(
        formulas_program(body="done({ok: false});", run_name="renamed", other=True, on_other=True)
    )
    assert "replace" in stack.preview().stdout
    stack.up()
    out2 = stack.outputs()
    assert api.get(f"/formulas/{out['formula']}/instances/{recreated}") is None
    assert api.listing(f"/formulas/{out['formula']}/instances") == []

    # adoption of a formula made by hand: no POST /formulas
    made = api.ok(
        "POST",
        "/formulas",
        {"name": "by-hand", "triggers": [{"type": "manual", "onSuccess": [], "onFailure": []}]},
    )
    stack.write_program(
        formulas_program(body="done({ok: false});", run_name="renamed", other=True, on_other=True)
        + f'\noc.Formula("by-hand", name="by-hand", adopt_formula_id={made["id"]},\n'
        + '    triggers=[{"type": "manual", "onSuccess": [], "onFailure": []}],\n'
        + '    description="now managed")\n'
    )
    before = api.requests_by_route()
    stack.up()
    changed = delta(before, api.requests_by_route())
    assert "POST /formulas" not in changed, changed
    adopted = api.get(f"/formulas/{made['id']}")
    assert adopted is not None and adopted["description"] == "now managed"

    # destroy in dependency order: formula instances before their formula and the connector
    # instance they use (the emulator refuses the other order with 409)
    stack.destroy()
    assert api.listing("/formulas") == []
    assert api.get(f"/instances/{out2['crm']}") is None


def test_a_formula_that_breaks_a_documented_rule_is_refused_before_anything_is_sent(
    stack_factory: Any, emulator: Any
) -> None:
    program = formulas_program().replace('"onSuccess": ["read"]', '"onSuccess": ["missing"]')
    stack = stack_factory(program).init()
    configure_emulator(stack, emulator)
    stack.config("pw", "pw-formula-e2e", secret=True)
    result = stack.preview(check=False)
    assert result.returncode != 0
    assert "steps[0].onSuccess names 'missing', which is not a step of this formula" in (
        result.stdout + result.stderr
    )
    requests = Platform(emulator).requests_by_route()
    assert not any(route.startswith("POST") for route in requests), requests
