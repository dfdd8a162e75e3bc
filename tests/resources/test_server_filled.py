"""Documented answers are not drift (issue #19, section 1), checked against the documents'
examples rather than the emulator: the outputs the provider derives from the platform's answer
to a create, compared with the program's inputs, show no change — at every nesting level —
while a key the program sets is still compared."""

from __future__ import annotations

import copy
from typing import Any

from pulumi_openconnectors.client.models import (
    Formula,
    FormulaInstance,
    ObjectDefinition,
    Transformation,
)
from pulumi_openconnectors.resources.common_resource.inputs import CommonResourceInputs
from pulumi_openconnectors.resources.common_resource.operations import (
    _outputs as definition_outputs,
)
from pulumi_openconnectors.resources.common_resource.spec import SPEC as DEFINITION
from pulumi_openconnectors.resources.formula.inputs import FormulaInputs
from pulumi_openconnectors.resources.formula.operations import FormulaOperations
from pulumi_openconnectors.resources.formula.spec import SPEC as FORMULA
from pulumi_openconnectors.resources.formula_instance.inputs import FormulaInstanceInputs
from pulumi_openconnectors.resources.formula_instance.operations import (
    FormulaInstanceOperations,
)
from pulumi_openconnectors.resources.formula_instance.spec import SPEC as FORMULA_INSTANCE
from pulumi_openconnectors.resources.transformation.inputs import TransformationInputs
from pulumi_openconnectors.resources.transformation.operations import (
    _outputs as transformation_outputs,
)
from pulumi_openconnectors.resources.transformation.spec import SPEC as TRANSFORMATION

# docs/legacy/formulas/use-cases.md (cloud-elements/devportal): the request example ...
FORMULA_REQUEST: dict[str, Any] = {
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
        {"name": "2-create-filter-step", "type": "filter", "properties": {"body": "x"}},
    ],
    "configuration": [
        {
            "name": "sfdcInstance",
            "description": "The SFDC CRM element instance",
            "type": "elementInstance",
            "key": "sfdc.instance.id",
        }
    ],
}
# ... and its "Example of Successful Response" (with what the UI's exports add on triggers:
# `"name": "trigger"`, `"active": true`; on variables `"required"`)
FORMULA_RESPONSE: dict[str, Any] = {
    "id": 190,
    "name": "SFDC Contact to HubSpot",
    "description": "When a contact is created in Salesforce, create the contact in HubSpot.",
    "userId": 9723,
    "accountId": 9834,
    "createdDate": "2015-09-21T22:31:40Z",
    "steps": [
        {
            "onSuccess": ["2-create-filter-step"],
            "onFailure": [],
            "id": 721,
            "name": "1-contact-filter-step",
            "formulaId": 190,
            "type": "filter",
            "properties": {"body": "return true;"},
        },
        {
            "onSuccess": [],
            "onFailure": [],
            "id": 722,
            "name": "2-create-filter-step",
            "formulaId": 190,
            "type": "filter",
            "properties": {"body": "x"},
        },
    ],
    "triggers": [
        {
            "id": 100,
            "type": "event",
            "formulaId": 190,
            "async": True,
            "name": "trigger",
            "active": True,
            "onSuccess": ["1-contact-filter-step"],
            "onFailure": [],
            "properties": {"elementInstanceId": "${sfdc.instance.id}"},
        }
    ],
    "singleThreaded": False,
    "active": True,
    "engine": "v1",
    "debugLoggingEnabled": True,
    "api": "POST /hubs/crm/contacts",
    "configuration": [
        {
            "id": 123,
            "key": "sfdc.instance.id",
            "name": "sfdcInstance",
            "type": "elementInstance",
            "description": "The SFDC CRM element instance",
            "required": True,
        }
    ],
}


def changes(spec: Any, outputs: dict[str, Any], inputs: Any) -> list[str]:
    replaces, updates = spec.diff(outputs, inputs.model_dump(exclude_none=True))
    return replaces + updates


def formula_outputs(request: dict[str, Any], response: dict[str, Any]) -> tuple[Any, Any]:
    inputs = FormulaInputs.model_validate(request)
    return FormulaOperations.outputs(inputs, Formula.model_validate(response), None, False), inputs


def test_documented_formula_answer_is_no_change() -> None:
    outputs, inputs = formula_outputs(FORMULA_REQUEST, FORMULA_RESPONSE)
    assert changes(FORMULA, outputs, inputs) == []


def test_a_filled_key_the_program_sets_is_compared() -> None:
    request = copy.deepcopy(FORMULA_REQUEST)
    request["triggers"][0]["async"] = False  # the program wants it off; the platform has it on
    outputs, inputs = formula_outputs(request, FORMULA_RESPONSE)
    assert changes(FORMULA, outputs, inputs) == ["triggers"]
    # and a key the platform does not fill, changed out of band, still is drift
    response = copy.deepcopy(FORMULA_RESPONSE)
    response["steps"][0]["properties"]["body"] = "return false;"
    outputs, inputs = formula_outputs(FORMULA_REQUEST, response)
    assert changes(FORMULA, outputs, inputs) == ["steps"]


def test_documented_formula_instance_answer_is_no_change() -> None:
    # the same page: request {"name", "configuration"} of POST /formulas/190/instances ...
    inputs = FormulaInstanceInputs.model_validate(
        {"formula_id": 190, "name": "Demo", "configuration": {"sfdc.instance.id": "123"}}
    )
    # ... and its documented answer, with the counters a GET shows
    answer = {
        "id": 100,
        "formula": {"id": 190, "active": True},
        "name": "Demo",
        "createdDate": "2015-09-15T18:09:32Z",
        "updatedDate": "2015-09-15T18:09:32Z",
        "active": True,
        "settings": {},
        "numberConsecutiveErrors": 0,
        "configuration": {"sfdc.instance.id": "123"},
    }
    outputs = FormulaInstanceOperations.outputs(
        inputs, FormulaInstance.model_validate(answer), None, False
    )
    assert changes(FORMULA_INSTANCE, outputs, inputs) == []


def test_definition_answer_is_no_change() -> None:
    inputs = CommonResourceInputs.model_validate(
        {"name": "contacts", "fields": [{"path": "email", "type": "string"}]}
    )
    answer = {
        "id": 7,
        "objectName": "contacts",
        "level": "organization",
        "createdDate": "2020-01-01T00:00:00Z",
        "vdrShared": False,
        "fields": [
            {
                "id": 81,
                "path": "email",
                "type": "string",
                "level": "organization",
                "displayName": "",
            }
        ],
    }
    outputs = definition_outputs(inputs, ObjectDefinition.model_validate(answer))
    assert changes(DEFINITION, outputs, inputs) == []


def test_transformation_answer_is_no_change() -> None:
    inputs = TransformationInputs.model_validate(
        {
            "object_name": "contacts",
            "element_key": "closeio",
            "vendor_name": "contacts",
            "fields": [{"path": "email", "vendorPath": "emails"}],
            "configuration": [{"type": "passThrough", "properties": {"fromVendor": False}}],
            "script": {"body": "done(transformedObject);"},
        }
    )
    answer = {
        "id": 5,
        "elementKey": "closeio",
        "objectName": "contacts",
        "vendorName": "contacts",
        "level": "organization",
        "startDate": "2020-01-01 00:00:00.0",
        "isLegacy": False,
        "fields": [
            {
                "path": "email",
                "vendorPath": "emails",
                "type": "string",
                "vendorType": "string",
                "level": "organization",
            }
        ],
        "configuration": [
            {"type": "passThrough", "properties": {"fromVendor": False}, "level": "organization"}
        ],
        "script": {
            "body": "done(transformedObject);",
            "mimeType": "application/javascript",
            "filterEmptyResponse": False,
            "level": "organization",
        },
    }
    outputs = transformation_outputs(inputs, Transformation.model_validate(answer))
    assert changes(TRANSFORMATION, outputs, inputs) == []
