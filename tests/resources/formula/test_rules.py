"""Every documented formula rule (resources/formula/rules.py), on plain documents: trigger,
step and variable types, unique step names and variable keys, ``onSuccess``/``onFailure``
naming steps of the formula, ``${config.x}`` / ``${steps.x}`` references (and ``config.x`` /
``steps.x`` in JavaScript steps), and the 15-minute schedule. Each refusal names its place.

The gaps between a schedule's firings are in test_schedule_gaps.py; the same rules through the
provider's check are in tests/resources/test_document_checks.py."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pulumi_openconnectors.resources.formula.rules import (
    MIN_SCHEDULE_MINUTES,
    SCRIPT_STEP_TYPES,
    STEP_TYPES,
    TRIGGER_TYPES,
    VARIABLE_TYPES,
    cron_problem,
    formula_problems,
    reference_problems,
)

VALID: dict[str, Any] = {
    "configuration": [
        {"key": "crm", "type": "elementInstance"},
        {"key": "max.count", "type": "value"},
    ],
    "triggers": [
        {
            "type": "event",
            "properties": {"elementInstanceId": "${config.crm}"},
            "onSuccess": ["fetch"],
            "onFailure": [],
        }
    ],
    "steps": [
        {
            "name": "fetch",
            "type": "elementRequest",
            "properties": {
                "elementInstanceId": "${config.crm}",
                "query": {"limit": "${config.max.count}"},
            },
            "onSuccess": ["shape"],
            "onFailure": ["tell"],
        },
        {
            "name": "shape",
            "type": "script",
            "properties": {"body": "done({id: steps['fetch'].response.body.id, n: config.max});"},
        },
        {"name": "tell", "type": "notification", "properties": {"body": "${steps.fetch.error}"}},
    ],
}


def _doc(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    document.update(changes)
    return document


def _step(name: str, type_: str = "script", **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": type_, **extra}


def test_a_valid_formula_and_an_empty_one_break_no_rule() -> None:
    assert formula_problems(VALID) == []
    assert formula_problems({}) == []
    assert formula_problems({"configuration": None, "triggers": None, "steps": None}) == []


# -- trigger types ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in TRIGGER_TYPES if k != "scheduled"])
def test_every_documented_trigger_type_is_accepted(kind: str) -> None:
    assert formula_problems({"triggers": [{"type": kind, "properties": {}}]}) == []


def test_a_scheduled_trigger_is_accepted_with_a_valid_cron() -> None:
    trigger = {"type": "scheduled", "properties": {"cron": "0 0/15 * * * ?"}}
    assert formula_problems({"triggers": [trigger]}) == []


@pytest.mark.parametrize("kind", ["webhook", "Event", "", None])
def test_an_unknown_trigger_type_is_refused(kind: Any) -> None:
    trigger: dict[str, Any] = {"properties": {}}
    if kind is not None:
        trigger["type"] = kind
    assert formula_problems({"triggers": [{"type": "manual"}, trigger]}) == [
        (
            "triggers",
            "triggers[1].type must be one of event, elementRequest, scheduled, manual, "
            f"got {kind!r}",
        )
    ]


# -- step types and names --------------------------------------------------------------------


@pytest.mark.parametrize("kind", STEP_TYPES)
def test_every_documented_step_type_is_accepted(kind: str) -> None:
    assert formula_problems({"steps": [_step("one", kind)]}) == []


@pytest.mark.parametrize("kind", ["javascript", "Script", None])
def test_an_unknown_step_type_is_refused(kind: Any) -> None:
    step: dict[str, Any] = {"name": "one"}
    if kind is not None:
        step["type"] = kind
    assert formula_problems({"steps": [step]}) == [
        ("steps", f"steps[0].type must be one of {', '.join(STEP_TYPES)}, got {kind!r}")
    ]


def test_the_documented_type_lists() -> None:
    assert TRIGGER_TYPES == ("event", "elementRequest", "scheduled", "manual")
    assert set(SCRIPT_STEP_TYPES) <= set(STEP_TYPES)
    assert {"script", "filter", "elementRequest", "httpRequest", "loop"} <= set(STEP_TYPES)
    assert VARIABLE_TYPES == ("value", "elementInstance")
    assert MIN_SCHEDULE_MINUTES == 15


def test_step_names_are_unique() -> None:
    steps = [_step("a"), _step("b"), _step("a"), _step("a")]
    assert formula_problems({"steps": steps}) == [
        ("steps", "steps[2].name 'a' is used by two steps"),
        ("steps", "steps[3].name 'a' is used by two steps"),
    ]


@pytest.mark.parametrize("name", [None, "", "   ", 7])
def test_a_step_needs_a_name(name: Any) -> None:
    step: dict[str, Any] = {"type": "script"}
    if name is not None:
        step["name"] = name
    assert formula_problems({"steps": [step]}) == [("steps", "steps[0].name is required")]


def test_a_step_without_name_and_type_breaks_both_rules() -> None:
    assert formula_problems({"steps": [{}]}) == [
        ("steps", "steps[0].name is required"),
        ("steps", f"steps[0].type must be one of {', '.join(STEP_TYPES)}, got None"),
    ]


# -- variables -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", VARIABLE_TYPES)
def test_every_documented_variable_type_is_accepted(kind: str) -> None:
    assert formula_problems({"configuration": [{"key": "x", "type": kind}]}) == []


def test_variable_rules() -> None:
    configuration = [
        {"key": "x", "type": "value"},
        {"key": "x", "type": "value"},
        {"type": "value"},
        {"key": " ", "type": "value"},
        {"key": "y", "type": "string"},
    ]
    assert formula_problems({"configuration": configuration}) == [
        ("configuration", "configuration[1].key 'x' is declared twice"),
        ("configuration", "configuration[2].key is required"),
        ("configuration", "configuration[3].key is required"),
        (
            "configuration",
            "configuration[4].type must be one of value, elementInstance, got 'string'",
        ),
    ]


# -- onSuccess / onFailure -------------------------------------------------------------------


@pytest.mark.parametrize("branch", ["onSuccess", "onFailure"])
def test_a_branch_must_name_steps_of_the_formula(branch: str) -> None:
    document = {
        "triggers": [{"type": "manual", branch: ["a", "gone"]}],
        "steps": [_step("a", "script", **{branch: ["a", "missing"]})],
    }
    assert formula_problems(document) == [
        ("triggers", f"triggers[0].{branch} names 'gone', which is not a step of this formula"),
        ("steps", f"steps[0].{branch} names 'missing', which is not a step of this formula"),
    ]


@pytest.mark.parametrize("branch", ["onSuccess", "onFailure"])
def test_a_branch_must_be_a_list(branch: str) -> None:
    document = {
        "triggers": [{"type": "manual", branch: "a"}],
        "steps": [_step("a", "script", **{branch: {"a": True}})],
    }
    assert formula_problems(document) == [
        ("triggers", f"triggers[0].{branch} must be a list of step names"),
        ("steps", f"steps[0].{branch} must be a list of step names"),
    ]


def test_empty_or_absent_branches_are_fine() -> None:
    steps = [_step("a", onSuccess=[], onFailure=None), _step("b")]
    assert (
        formula_problems({"triggers": [{"type": "manual", "onSuccess": []}], "steps": steps}) == []
    )


def test_a_branch_may_name_a_later_step() -> None:
    steps = [_step("first", onSuccess=["second"]), _step("second", onFailure=["first"])]
    assert formula_problems({"steps": steps}) == []


# -- references ------------------------------------------------------------------------------


def test_an_undeclared_variable_is_refused_where_it_is_used() -> None:
    steps = [_step("a", "httpRequest", properties={"url": "${config.crm}/x/${config.nope}"})]
    assert formula_problems({"configuration": VALID["configuration"], "steps": steps}) == [
        (
            "steps",
            "steps[0].properties.url refers to variable 'nope', which the formula does not "
            "declare in its configuration",
        )
    ]


def test_a_reference_to_a_missing_step_is_refused_in_triggers_and_steps() -> None:
    document = {
        "triggers": [{"type": "manual", "properties": {"x": "${steps.ghost.response}"}}],
        "steps": [
            _step("a", "httpRequest", properties={"headers": [{"v": "${steps.a.response}"}]}),
            _step("b", "httpRequest", properties={"headers": [{"v": "${steps.nope[0]}"}]}),
        ],
    }
    assert formula_problems(document) == [
        (
            "triggers",
            "triggers[0].properties.x refers to step 'ghost', which is not a step of this formula",
        ),
        (
            "steps",
            "steps[1].properties.headers[0].v refers to step 'nope', which is not a step of "
            "this formula",
        ),
    ]


@pytest.mark.parametrize(
    ("reference", "declared"),
    [
        ("${config.crm}", True),
        ("${config.crm.id}", True),  # a key inside a declared variable
        ("${config.max}", True),  # the start of a dotted key (max.count)
        ("${config.max.count}", True),
        ("${config.max.other}", False),
        ("${config.cr}", False),
        ("${config.crmx}", False),
    ],
)
def test_which_variable_references_are_declared(reference: str, declared: bool) -> None:
    configuration = [{"key": "crm", "type": "value"}, {"key": "max.count", "type": "value"}]
    steps = [_step("a", "httpRequest", properties={"url": reference})]
    problems = formula_problems({"configuration": configuration, "steps": steps})
    assert (problems == []) is declared


def test_a_reference_is_reported_once_per_string() -> None:
    steps = [_step("a", "httpRequest", properties={"url": "${config.x}${config.x}"})]
    assert len(formula_problems({"steps": steps})) == 1


@pytest.mark.parametrize("kind", SCRIPT_STEP_TYPES)
def test_javascript_references_count_in_script_steps(kind: str) -> None:
    body = "done(config.crm + config['nope'] + steps.a.x + steps[\"gone\"].y + myconfig.z);"
    problems = formula_problems(
        {
            "configuration": [{"key": "crm", "type": "value"}],
            "steps": [_step("a", kind, properties={"body": body})],
        }
    )
    assert problems == [
        (
            "steps",
            "steps[0].properties.body refers to variable 'nope', which the formula does not "
            "declare in its configuration",
        ),
        (
            "steps",
            "steps[0].properties.body refers to step 'gone', which is not a step of this formula",
        ),
    ]


def test_javascript_references_do_not_count_outside_script_steps() -> None:
    steps = [_step("a", "httpRequest", properties={"body": "config.nope + steps.gone"})]
    assert formula_problems({"steps": steps}) == []
    trigger = {"type": "manual", "properties": {"body": "config.nope"}}
    assert formula_problems({"triggers": [trigger]}) == []


def test_reference_problems_on_one_item() -> None:
    item = {"properties": {"a": ["${config.v}", {"b": "${steps.s.x} ${steps.t}"}]}}
    assert reference_problems("steps[3]", item, {"v"}, {"s"}, script=False) == [
        "steps[3].properties.a[1].b refers to step 't', which is not a step of this formula"
    ]
    assert reference_problems("steps[3]", {}, set(), set(), script=True) == []


# -- schedule --------------------------------------------------------------------------------


def test_a_scheduled_trigger_needs_a_cron() -> None:
    triggers = [
        {"type": "scheduled", "properties": {}},
        {"type": "scheduled"},
        {"type": "scheduled", "properties": {"cron": 5}},
    ]
    assert formula_problems({"triggers": triggers}) == [
        ("triggers", f"triggers[{i}].properties.cron is required") for i in range(3)
    ]


def test_a_too_frequent_schedule_is_refused_naming_the_trigger() -> None:
    triggers = [
        {"type": "scheduled", "properties": {"cron": "0 0/15 * * * ?"}},
        {"type": "scheduled", "properties": {"cron": "0 0/5 * * * ?"}},
    ]
    assert formula_problems({"triggers": triggers}) == [
        (
            "triggers",
            "triggers[1].properties.cron '0 0/5 * * * ?' runs every 5 minute(s) at times "
            "(00:00 then 00:05); the minimum scheduled frequency is 15 minutes",
        )
    ]


def test_a_cron_from_a_variable_is_left_to_the_instance_but_must_be_declared() -> None:
    trigger = {"type": "scheduled", "properties": {"cron": "${config.schedule}"}}
    assert cron_problem("${config.schedule}") is None
    assert (
        formula_problems(
            {"configuration": [{"key": "schedule", "type": "value"}], "triggers": [trigger]}
        )
        == []
    )
    assert formula_problems({"triggers": [trigger]}) == [
        (
            "triggers",
            "triggers[0].properties.cron refers to variable 'schedule', which the formula does "
            "not declare in its configuration",
        )
    ]


@pytest.mark.parametrize(
    ("cron", "expected"),
    [
        (
            "0 0/15 * * *",
            "cron '0 0/15 * * *' must be a Quartz expression of 6 or 7 fields "
            "(seconds minutes hours day-of-month month day-of-week [year])",
        ),
        (
            "0 0 0 * * ? 2030 x",
            "cron '0 0 0 * * ? 2030 x' must be a Quartz expression of 6 or 7 fields "
            "(seconds minutes hours day-of-month month day-of-week [year])",
        ),
        (
            "0 61 * * * ?",
            "cron '0 61 * * * ?' has a seconds, minutes or hours field that is not valid",
        ),
        (
            "0 0 x * * ?",
            "cron '0 0 x * * ?' has a seconds, minutes or hours field that is not valid",
        ),
        (
            "0 0/0 * * * ?",
            "cron '0 0/0 * * * ?' has a seconds, minutes or hours field that is not valid",
        ),
        (
            "0 a-5 * * * ?",
            "cron '0 a-5 * * * ?' has a seconds, minutes or hours field that is not valid",
        ),
        (
            "0/30 0 0 * * ?",
            "cron '0/30 0 0 * * ?' runs more than once a minute; the minimum scheduled "
            "frequency is 15 minutes",
        ),
        (
            "* 0 0 * * ?",
            "cron '* 0 0 * * ?' runs more than once a minute; the minimum scheduled "
            "frequency is 15 minutes",
        ),
    ],
)
def test_cron_expressions_the_check_cannot_accept(cron: str, expected: str) -> None:
    assert cron_problem(cron) == expected


@pytest.mark.parametrize(
    "cron",
    [
        "0 0 12 * * ?",
        "0 0/15 * * * ?",
        "0 15,30,45,0 * * * ?",
        "0 0 0 1 1 ? 2030",
        "30 5 3 ? * MON",
    ],
)
def test_cron_expressions_the_check_accepts(cron: str) -> None:
    assert cron_problem(cron) is None
