"""check of the document-like types (formula, formula instance, common resource,
transformation): every documented rule refused with a message that names the place, before
anything is sent. The providers' check is called as the dynamic-provider host calls it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pulumi_openconnectors.markers import UNKNOWN
from pulumi_openconnectors.resources.common_resource.provider import CommonResourceProvider
from pulumi_openconnectors.resources.formula.provider import FormulaProvider
from pulumi_openconnectors.resources.formula_instance.provider import FormulaInstanceProvider
from pulumi_openconnectors.resources.transformation.provider import TransformationProvider

FORMULA: dict[str, Any] = {
    "name": "sync-contacts",
    "active": True,
    "configuration": [
        {"key": "crm", "name": "CRM", "type": "elementInstance"},
        {"key": "max.count", "name": "Max", "type": "value"},
    ],
    "triggers": [
        {
            "type": "event",
            "properties": {"elementInstanceId": "${config.crm}"},
            "onSuccess": ["is-contact"],
            "onFailure": [],
        }
    ],
    "steps": [
        {
            "name": "is-contact",
            "type": "filter",
            "properties": {"body": "done(trigger.event.objectType === 'Contact');"},
            "onSuccess": ["get-contact"],
            "onFailure": [],
        },
        {
            "name": "get-contact",
            "type": "elementRequest",
            "properties": {
                "elementInstanceId": "${config.crm}",
                "method": "GET",
                "api": "/hubs/crm/contacts/${trigger.event.objectId}",
                "query": {"limit": "${config.max.count}"},
            },
            "onSuccess": ["shape"],
            "onFailure": [],
        },
        {
            "name": "shape",
            "type": "script",
            "properties": {
                "body": "done({id: steps['get-contact'].response.body.id, n: config.max});"
            },
            "onSuccess": [],
            "onFailure": [],
        },
    ],
    "extra": {},
}


def _formula(**changes: Any) -> dict[str, Any]:
    props = copy.deepcopy(FORMULA)
    props.update(changes)
    return props


def _reasons(result: Any) -> list[str]:
    return [f.reason for f in result.failures]


def test_a_valid_formula_passes() -> None:
    result = FormulaProvider().check({}, _formula())
    assert result.failures == []
    assert result.inputs["steps"][2]["name"] == "shape"


def _with_step(index: int, **changes: Any) -> dict[str, Any]:
    props = _formula()
    props["steps"][index].update(changes)
    return props


FORMULA_CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "onSuccess names a missing step",
        _with_step(0, onSuccess=["nope"]),
        "steps[0].onSuccess names 'nope', which is not a step of this formula",
    ),
    (
        "unknown trigger type",
        {"triggers": [{"type": "webhook", "onSuccess": ["is-contact"]}]},
        "triggers[0].type must be one of event, elementRequest, scheduled, manual, got 'webhook'",
    ),
    (
        "schedule every 5 minutes",
        {
            "triggers": [
                {
                    "type": "scheduled",
                    "properties": {"cron": "0 0/5 * 1/1 * ? *"},
                    "onSuccess": ["is-contact"],
                }
            ]
        },
        "runs every 5 minute(s) at times (00:00 then 00:05); the minimum scheduled frequency is "
        "15 minutes",
    ),
    (
        "schedule every 30 seconds",
        {
            "triggers": [
                {
                    "type": "scheduled",
                    "properties": {"cron": "0/30 * * 1/1 * ? *"},
                    "onSuccess": ["is-contact"],
                }
            ]
        },
        "runs more than once a minute",
    ),
    (
        "variable referenced but not declared",
        _with_step(
            1, properties={"elementInstanceId": "${config.erp}", "method": "GET", "api": "/x"}
        ),
        "steps[1].properties.elementInstanceId refers to variable 'erp', which the formula does "
        "not declare",
    ),
    (
        "script uses an undeclared variable",
        _with_step(2, properties={"body": "done({x: config.missing});"}),
        "steps[2].properties.body refers to variable 'missing'",
    ),
    (
        "reference to a missing step",
        _with_step(2, properties={"body": "done(steps.ghost.response);"}),
        "refers to step 'ghost', which is not a step of this formula",
    ),
    (
        "duplicate step name",
        _with_step(2, name="is-contact"),
        "steps[2].name 'is-contact' is used by two steps",
    ),
    ("unknown step type", _with_step(1, type="java"), "steps[1].type must be one of"),
    (
        "unknown variable type",
        {
            "configuration": [
                {"key": "crm", "type": "secret"},
                {"key": "max.count", "type": "value"},
            ]
        },
        "configuration[0].type must be one of value, elementInstance, got 'secret'",
    ),
    ("engine", {"engine": "v2"}, "engine must be 'v1' or 'v3', got 'v2'"),
    ("empty name", {"name": " "}, "name must not be empty"),
    ("extra holding a known key", {"extra": {"steps": []}}, "extra holds 'steps'"),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in FORMULA_CASES],
    ids=[case[0] for case in FORMULA_CASES],
)
def test_formula_rules(changes: dict[str, Any], expected: str) -> None:
    props = changes if "steps" in changes and "name" in changes else _formula(**changes)
    reasons = _reasons(FormulaProvider().check({}, props))
    assert any(expected in r for r in reasons), reasons


def test_variable_shortcuts_and_a_cron_from_a_variable_are_accepted() -> None:
    props = _formula(
        triggers=[
            {
                "type": "scheduled",
                "properties": {"cron": "${config.max.count}"},
                "onSuccess": ["is-contact"],
            }
        ]
    )
    assert FormulaProvider().check({}, props).failures == []


def test_unknown_steps_in_a_preview_are_left_for_later() -> None:
    assert FormulaProvider().check({}, _formula(steps=UNKNOWN)).failures == []


def test_formula_instance_checks() -> None:
    provider = FormulaInstanceProvider()
    good = {"formula_id": 5, "name": "prod", "configuration": {"crm": 100001, "max.count": "3"}}
    result = provider.check({}, good)
    assert result.failures == []
    assert result.inputs["configuration"] == {"crm": "100001", "max.count": "3"}
    bad = provider.check({}, {**good, "formula_id": 0, "configuration": {"crm": None}})
    reasons = _reasons(bad)
    assert any(r.startswith("configuration['crm'] has no value") for r in reasons), reasons


def test_common_resource_checks() -> None:
    provider = CommonResourceProvider()
    good = {"name": "myContacts", "fields": [{"path": "id", "type": "string"}]}
    assert provider.check({}, good).failures == []
    cases = [
        ({"name": "my contacts"}, "name must be 1-255 letters"),
        ({"fields": [{"path": "id"}]}, "fields[0].type is required"),
        (
            {"fields": [{"path": "id", "type": "string"}, {"path": "id", "type": "number"}]},
            "fields[1].path 'id' is declared twice",
        ),
    ]
    for changes, expected in cases:
        reasons = _reasons(provider.check({}, {**good, **changes}))
        assert any(expected in r for r in reasons), (changes, reasons)


@pytest.mark.parametrize("name", [".", "..", "", "a/b", "a b", "a%2Fb"])
def test_a_common_resource_name_must_be_one_path_segment(name: str) -> None:
    """`.` and `..` would be normalised away by an HTTP library (the call then reaches another
    route and the user is told about the base URL): refused in check, naming the field."""
    good = {"name": "myContacts", "fields": [{"path": "id", "type": "string"}]}
    reasons = _reasons(CommonResourceProvider().check({}, {**good, "name": name}))
    assert len(reasons) == 1 and reasons[0].startswith("name must be 1-255 letters"), reasons
    assert "not '.' or '..'" in reasons[0]


@pytest.mark.parametrize("name", [".", ".."])
def test_a_transformation_object_name_must_be_one_path_segment(name: str) -> None:
    good = {
        "object_name": "myContacts",
        "element_key": "sfdc",
        "vendor_name": "Contact",
        "fields": [{"path": "id", "vendorPath": "Id"}],
    }
    reasons = _reasons(TransformationProvider().check({}, {**good, "object_name": name}))
    assert any(r.startswith("object_name must not be '.' or '..'") for r in reasons), reasons


def test_transformation_checks() -> None:
    provider = TransformationProvider()
    good = {
        "object_name": "myContacts",
        "element_key": "sfdc",
        "vendor_name": "Contact",
        "fields": [{"path": "id", "vendorPath": "Id"}, {"path": "address.city", "vendorPath": "C"}],
        "common_resource_fields": ["id", "address"],
    }
    assert provider.check({}, good).failures == []
    cases = [
        (
            {"fields": [{"path": "birthdate", "vendorPath": "Birthdate"}]},
            "fields[0].path 'birthdate' is not a field of common resource 'myContacts'",
        ),
        ({"instance_id": 100001}, "set exactly one of element_key, element_id"),
        ({"fields": [{"path": "id"}]}, "fields[0].vendorPath is required"),
        ({"vendor_name": ""}, "vendor_name must not be empty"),
    ]
    for changes, expected in cases:
        reasons = _reasons(provider.check({}, {**good, **changes}))
        assert any(expected in r for r in reasons), (changes, reasons)
    # the common resource's fields not known yet (it is being created): nothing to hold against
    assert provider.check({}, {**good, "common_resource_fields": UNKNOWN}).failures == []


def test_values_not_known_yet_as_the_sdk_hands_them_over() -> None:
    """The host passes a value not known yet (an output of a resource being updated, in a
    preview) as a ``pulumi.output.Unknown`` object, not only as the UNKNOWN string."""
    from pulumi.output import Unknown

    provider = FormulaInstanceProvider()
    news = {"formula_id": Unknown(), "name": "prod", "configuration": {"crm": Unknown()}}
    assert provider.check({}, news).failures == []
    olds = {"formula_id": 5, "name": "prod", "configuration": {"crm": "1"}}
    diff = provider.diff("9", olds, {**olds, "formula_id": Unknown()})
    assert diff.replaces == ["formula_id"]
