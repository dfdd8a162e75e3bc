"""Keys the platform fills in are never drift (issue #19, section 1).

The platform answers a document with keys the program did not send: on each formula trigger
`async: true`, `name: "trigger"`, `onFailure: []` (the documented response of POST /formulas,
formulas exported from the UI), `singleThreaded: false` on the formula, `level` on the fields of
a definition and a transformation, a transformation script's `mimeType` and
`filterEmptyResponse`. The emulator answers like that; one program of every type, written as
the documents' request examples are (none of those keys), then: a clean
`preview --expect-no-changes`, and `refresh` + `up` that write nothing.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

# The request example of docs/legacy/formulas/use-cases.md (cloud-elements/devportal), as is.
DOCUMENTED_FORMULA = {
    "name": "SFDC Contact to HubSpot",
    "description": "When a contact is created in Salesforce, create the contact in HubSpot.",
    "triggers": [
        {
            "type": "event",
            "properties": {"elementInstanceId": "${sfdc.instance.id}"},
            "onSuccess": ["1-contact-filter-step"],
        }
    ],
    "steps": [
        {
            "name": "1-contact-filter-step",
            "type": "filter",
            "onSuccess": ["2-create-filter-step"],
            "properties": {"body": "return true;"},
        },
        {
            "name": "2-create-filter-step",
            "type": "filter",
            "properties": {"body": "return true;"},
        },
    ],
    "configuration": [
        {
            "name": "sfdcInstance",
            "description": "The SFDC CRM element instance",
            "type": "elementInstance",
            "key": "sfdc.instance.id",
        },
        {"name": "limit", "type": "value", "key": "limit"},
    ],
}

PROGRAM = """
import json
import pulumi
import pulumi_openconnectors as oc

crm = oc.ConnectorInstance(
    "crm",
    element_key="closeio",
    configuration={"username": "u", "password": "p"},
)
formula = oc.Formula("flow", **json.loads(FORMULA))
oc.FormulaInstance(
    "flow-instance",
    formula_id=formula.formula_id,
    configuration={"sfdc.instance.id": crm.instance_id, "limit": "5"},
)
contacts = oc.CommonResource(
    "contacts",
    name="filledContacts",
    fields=[{"path": "email", "type": "string"}, {"path": "name", "type": "string"}],
)
oc.Transformation(
    "closeio-contacts",
    element_key="closeio",
    vendor_name="contacts",
    common_resource=contacts,
    fields=[{"path": "email", "vendorPath": "emails"}],
    configuration=[{"type": "passThrough", "properties": {"fromVendor": False}}],
    script={"body": "done(transformedObject);"},
)
pulumi.export("formula", formula.formula_id)
"""

WRITES = ("POST", "PUT", "PATCH", "DELETE")


def writes(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {r: n for r, n in delta(before, after).items() if r.split(" ", 1)[0] in WRITES}


def test_keys_the_platform_fills_in_are_not_drift(stack_factory: Any, emulator: Any) -> None:
    formula_inputs = {k: v for k, v in DOCUMENTED_FORMULA.items() if k != "name"}
    program = PROGRAM.replace("FORMULA", repr(json.dumps(formula_inputs)))
    stack = stack_factory(program).init()
    configure_emulator(stack, emulator)
    stack.up()
    platform = Platform(emulator)

    # The emulator answers as the documents show: the filled keys are there.
    formula = platform.ok("GET", f"/formulas/{stack.outputs()['formula']}")
    trigger = formula["triggers"][0]
    assert trigger["async"] is True and trigger["name"] == "trigger"
    assert trigger["onFailure"] == [] and "formulaId" in trigger
    assert formula["singleThreaded"] is False
    assert formula["steps"][1]["onSuccess"] == []
    definition = platform.ok("GET", "/organizations/objects/filledContacts/definitions")
    assert {f["level"] for f in definition["fields"]} == {"organization"}
    mapping = platform.ok("GET", "/organizations/elements/closeio/transformations/filledContacts")
    assert mapping["script"]["mimeType"] == "application/javascript"
    assert mapping["isLegacy"] is False
    assert mapping["configuration"][0]["level"] == "organization"

    stack.preview("--expect-no-changes")
    before = platform.requests_by_route()
    stack.refresh()
    stack.up("--expect-no-changes")
    assert writes(before, platform.requests_by_route()) == {}
    stack.preview("--expect-no-changes")

    # A filled key the program does set is compared as any other: changed out of band, it is
    # drift that `up` puts back.
    wants_async = copy.deepcopy(formula_inputs)
    wants_async["triggers"][0]["async"] = True
    program_async = PROGRAM.replace("FORMULA", repr(json.dumps(wants_async)))
    stack.write_program(program_async)
    stack.up()
    stack.preview("--expect-no-changes")
    changed = dict(formula)
    changed["triggers"] = [dict(trigger, **{"async": False})]
    platform.ok("PUT", f"/formulas/{formula['id']}", changed)
    stack.refresh()
    assert "~" in stack.preview().stdout
    stack.up()
    assert platform.ok("GET", f"/formulas/{formula['id']}")["triggers"][0]["async"] is True
