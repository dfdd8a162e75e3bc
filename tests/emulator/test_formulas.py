"""Formulas: POST/GET/PUT/PATCH/DELETE, validation, cron rules, pagination, isolation."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import assert_error, call, closeio_body, create, ok, simple_formula

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def post(emu: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = ok(call(emu, "POST", "/formulas", body))
    return result


def test_create_answers_the_formula_with_server_fields(emulator: EmulatorServer) -> None:
    formula = post(emulator, simple_formula(subFormulas=[], method="GET"))
    assert isinstance(formula, dict), "the formula object, not an array"
    assert isinstance(formula["id"], int)
    assert isinstance(formula["userId"], int) and isinstance(formula["accountId"], int)
    assert ISO.match(formula["createdDate"])
    assert formula["active"] is True, "active defaults to true"
    assert formula["subFormulas"] == [] and formula["method"] == "GET", "unknown keys kept"
    for part in ("configuration", "triggers", "steps"):
        assert all(isinstance(p["id"], int) for p in formula[part]), part
    assert all(p["formulaId"] == formula["id"] for p in formula["triggers"] + formula["steps"])
    assert "formulaId" not in formula["configuration"][0]
    assert formula["steps"][0]["onSuccess"] == ["log"]
    assert ok(call(emulator, "GET", f"/formulas/{formula['id']}")) == formula


def test_name_alone_is_a_formula(emulator: EmulatorServer) -> None:
    formula = post(emulator, {"name": "bare"})
    assert formula["configuration"] == formula["triggers"] == formula["steps"] == []


def test_server_fields_in_the_body_are_ignored(emulator: EmulatorServer) -> None:
    formula = post(emulator, {"name": "x", "id": 5, "userId": 1, "createdDate": "then"})
    assert formula["id"] != 5 and formula["userId"] != 1 and formula["createdDate"] != "then"


def test_active_false_is_kept(emulator: EmulatorServer) -> None:
    assert post(emulator, {"name": "off", "active": False})["active"] is False


def test_names_need_not_be_unique(emulator: EmulatorServer) -> None:
    assert post(emulator, {"name": "twin"})["id"] != post(emulator, {"name": "twin"})["id"]


def _with(change: dict[str, Any]) -> dict[str, Any]:
    body = simple_formula()
    for path, value in change.items():
        target: Any = body
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is ...:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return body


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": ...}, ["name", "required"]),
        ({"name": ""}, ["name", "empty"]),
        ({"name": "  "}, ["name", "empty"]),
        ({"name": 7}, ["name", "string"]),
        ({"active": "yes"}, ["active", "boolean"]),
        ({"engine": "v9"}, ["engine"]),
        ({"debugLoggingEnabled": False}, ["debug logging", "v3"]),
        ({"configuration": "x"}, ["configuration", "list"]),
        ({"configuration.0.key": ...}, ["configuration[0].key", "required"]),
        ({"configuration.0.type": "secret"}, ["configuration[0].type", "elementInstance"]),
        ({"configuration.0.type": ...}, ["configuration[0].type"]),
        ({"configuration.1.required": "no"}, ["configuration[1].required"]),
        ({"triggers.0.type": "webhook"}, ["triggers[0].type", "manual"]),
        ({"triggers.0.onSuccess": ["nope"]}, ["triggers[0].onSuccess names 'nope'"]),
        ({"triggers.0.onFailure": "fetch"}, ["triggers[0].onFailure"]),
        ({"triggers.0.properties": []}, ["triggers[0].properties"]),
        ({"steps.1.type": "java"}, ["steps[1].type", "elementRequest"]),
        ({"steps.1.name": "fetch"}, ["steps[1].name", "fetch"]),
        ({"steps.1.name": ...}, ["steps[1].name", "required"]),
        ({"steps.0.onSuccess": ["x"]}, ["steps[0].onSuccess names 'x', which is not a step"]),
        ({"steps.1.onFailure": ["missing"]}, ["steps[1].onFailure names 'missing'"]),
        ({"steps": [1]}, ["steps[0]", "object"]),
    ],
)
def test_validation_is_400_naming_the_field(
    emulator: EmulatorServer, change: dict[str, Any], words: list[str]
) -> None:
    assert_error(call(emulator, "POST", "/formulas", _with(change)), 400, *words)
    assert emulator.admin.stats()["formulas"] == 0


def test_the_documented_message_for_an_unknown_step(emulator: EmulatorServer) -> None:
    body = simple_formula()
    body["steps"].append({"name": "third", "type": "filter", "onSuccess": ["x"]})
    error = assert_error(call(emulator, "POST", "/formulas", body), 400)
    assert error["message"] == "steps[2].onSuccess names 'x', which is not a step of this formula"


def test_duplicate_variable_key_is_409(emulator: EmulatorServer) -> None:
    body = simple_formula()
    body["configuration"].append({"key": "crm.instance", "type": "value"})
    assert_error(call(emulator, "POST", "/formulas", body), 409, "crm.instance")


def scheduled(cron: Any) -> dict[str, Any]:
    return simple_formula(
        triggers=[{"type": "scheduled", "properties": {"cron": cron}, "onSuccess": ["fetch"]}]
    )


@pytest.mark.parametrize(
    "cron",
    [
        "0 0/15 * 1/1 * ? *",
        "0 0/60 * 1/1 * ? *",
        "0 0 12 ? * MON *",
        "0 0 8 ? * MON-FRI",
        "0 0,30 * * * ?",
        "0 15 10 L * ?",
        "0 15 10 ? * 6#3",
        "0 0 22-2 * * ?",
        "${config.cron}",
    ],
)
def test_valid_schedules(emulator: EmulatorServer, cron: str) -> None:
    post(emulator, scheduled(cron))


@pytest.mark.parametrize(
    ("cron", "word"),
    [
        ("0/30 * * 1/1 * ? *", "15 minutes"),  # churros: every 30 s is refused
        ("0 0/1 * 1/1 * ? *", "15 minutes"),
        ("0 0/14 * * * ?", "15 minutes"),
        ("0 0,10 * * * ?", "15 minutes"),
        ("0 55 23,0 * * ?", "15 minutes"),  # not across midnight: 23:55, 00:55 are 1 h apart
        ("* * * * *", "6 or 7 fields"),
        ("0 0 12 * * MON", "'?'"),
        ("0 0 12 ? * ?", "'?'"),
        ("0 61 * * * ?", "minutes"),
        ("0 0 25 * * ?", "hours"),
        ("0 0/0 * * * ?", "increment"),
        ("0 0 12 ? * FOO", "day-of-week"),
        ("0 0 12 * 13 ?", "month"),
        ("0 0 12 * * ? 1900", "year"),
        ("", "cron"),
        (5, "cron"),
        (None, "cron"),
    ],
)
def test_invalid_or_too_frequent_schedules(emulator: EmulatorServer, cron: Any, word: str) -> None:
    if cron == "0 55 23,0 * * ?":
        post(emulator, scheduled(cron))  # 23:55 and 00:55: an hour apart, fine
        return
    assert_error(call(emulator, "POST", "/formulas", scheduled(cron)), 400, "cron", word)


def test_list_is_paginated_and_404_when_empty(emulator: EmulatorServer) -> None:
    error = assert_error(call(emulator, "GET", "/formulas"), 404)
    assert error["message"] == "No formulas found"
    made = [post(emulator, {"name": f"f{i}"})["id"] for i in range(3)]
    first = call(emulator, "GET", "/formulas", pageSize=2)
    assert [f["id"] for f in ok(first)] == made[:2]
    assert first.headers["Elements-Total-Count"] == "3"
    assert first.headers["Elements-Returned-Count"] == "2"
    rest = call(
        emulator, "GET", "/formulas", pageSize=2, nextPage=first.headers["Elements-Next-Page-Token"]
    )
    assert [f["id"] for f in ok(rest)] == made[2:]
    assert "Elements-Next-Page-Token" not in rest.headers


def test_put_replaces_and_keeps_ids_of_kept_parts(emulator: EmulatorServer) -> None:
    formula = post(emulator, simple_formula(extra="gone after PUT"))
    fid = formula["id"]
    body = copy.deepcopy(formula)
    del body["extra"]
    body["name"] = "renamed"
    body["steps"].append({"name": "more", "type": "filter", "properties": {"body": "done(true)"}})
    body["steps"][1]["onSuccess"] = ["more"]
    body["configuration"].pop()  # no instances yet: a variable may go
    put = ok(call(emulator, "PUT", f"/formulas/{fid}", body))
    assert put["name"] == "renamed" and "extra" not in put
    assert put["id"] == fid and put["createdDate"] == formula["createdDate"]
    assert put["userId"] == formula["userId"]
    assert put["steps"][0]["id"] == formula["steps"][0]["id"]
    assert put["steps"][2]["id"] not in {s["id"] for s in formula["steps"]}
    assert put["configuration"][0]["id"] == formula["configuration"][0]["id"]
    assert put["triggers"][0]["id"] == formula["triggers"][0]["id"]
    assert ok(call(emulator, "GET", f"/formulas/{fid}")) == put
    assert put["active"] is True


def test_put_validates_like_post(emulator: EmulatorServer) -> None:
    fid = post(emulator, simple_formula())["id"]
    bad = simple_formula()
    bad["steps"][0]["onSuccess"] = ["nowhere"]
    assert_error(call(emulator, "PUT", f"/formulas/{fid}", bad), 400, "steps[0].onSuccess")
    assert_error(call(emulator, "PUT", f"/formulas/{fid}", {"steps": []}), 400, "name")
    assert ok(call(emulator, "GET", f"/formulas/{fid}"))["steps"][0]["onSuccess"] == ["log"]


def test_patch_changes_only_the_documented_fields(emulator: EmulatorServer) -> None:
    formula = post(emulator, simple_formula())
    fid = formula["id"]
    patched = ok(
        call(
            emulator,
            "PATCH",
            f"/formulas/{fid}",
            {"name": "p", "active": False, "engine": "v3", "debugLoggingEnabled": False},
        )
    )
    assert patched["name"] == "p" and patched["active"] is False
    assert patched["engine"] == "v3" and patched["debugLoggingEnabled"] is False
    assert patched["steps"] == formula["steps"]
    assert ok(call(emulator, "PATCH", f"/formulas/{fid}", {"singleThreaded": True}))[
        "singleThreaded"
    ]
    assert_error(call(emulator, "PATCH", f"/formulas/{fid}", {"steps": []}), 400, "steps")
    assert_error(call(emulator, "PATCH", f"/formulas/{fid}", {"name": ""}), 400, "name")
    assert_error(call(emulator, "PATCH", f"/formulas/{fid}", {"active": 1}), 400, "active")
    assert_error(call(emulator, "PATCH", f"/formulas/{fid}", {"engine": "v1"}), 400, "v3")


@pytest.mark.parametrize("key", ["name", "description", "engine", "debugLoggingEnabled"])
def test_patch_with_a_null_value_drops_the_field(emulator: EmulatorServer, key: str) -> None:
    """docs/emulator.md and the OpenAPI document (every PATCH field nullable), like the
    platform's own tests (`{"method": null, "uri": null}` disables FaaR): null drops the key."""
    fid = post(emulator, simple_formula(description="d", engine="v3", debugLoggingEnabled=True))[
        "id"
    ]
    patched = ok(call(emulator, "PATCH", f"/formulas/{fid}", {key: None}))
    assert key not in patched
    stored = ok(call(emulator, "GET", f"/formulas/{fid}"))
    assert key not in stored and stored["steps"] == patched["steps"]
    assert ok(call(emulator, "PATCH", f"/formulas/{fid}", {"name": "back"}))["name"] == "back"


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("fid", ["99999999", "121481625559567337399131308032", "-1"])
def test_unknown_formula_is_404(emulator: EmulatorServer, method: str, fid: str) -> None:
    r = call(emulator, method, f"/formulas/{fid}", {"name": "x"})
    assert_error(r, 404, "formula")


def test_non_integer_id_is_400(emulator: EmulatorServer) -> None:
    assert_error(call(emulator, "GET", "/formulas/abc"), 400, "id")


def test_delete(emulator: EmulatorServer) -> None:
    fid = post(emulator, {"name": "x"})["id"]
    assert ok(call(emulator, "DELETE", f"/formulas/{fid}")) == {}
    assert_error(call(emulator, "GET", f"/formulas/{fid}"), 404)
    assert emulator.admin.stats()["formulas"] == 0


def test_delete_with_instances_is_409(emulator: EmulatorServer) -> None:
    crm = create(emulator, closeio_body())["id"]
    fid = post(emulator, simple_formula())["id"]
    iid = ok(
        call(
            emulator,
            "POST",
            f"/formulas/{fid}/instances",
            {"name": "i", "configuration": {"crm.instance": crm}},
        )
    )["id"]
    error = assert_error(call(emulator, "DELETE", f"/formulas/{fid}"), 409)
    assert error["message"] == f"Formula {fid} has 1 instance(s); delete them first"
    ok(call(emulator, "DELETE", f"/formulas/{fid}/instances/{iid}"))
    assert ok(call(emulator, "DELETE", f"/formulas/{fid}")) == {}


def test_a_variable_in_use_cannot_go(emulator: EmulatorServer) -> None:
    crm = create(emulator, closeio_body())["id"]
    formula = post(emulator, simple_formula())
    fid = formula["id"]
    ok(
        call(
            emulator,
            "POST",
            f"/formulas/{fid}/instances",
            {"name": "i", "configuration": {"crm.instance": str(crm)}},
        )
    )
    body = simple_formula()
    body["configuration"][1]["type"] = "elementInstance"
    assert_error(call(emulator, "PUT", f"/formulas/{fid}", body), 409, "batch.size", "instances")
    body = simple_formula()
    body["configuration"].append({"key": "new.one", "type": "value", "required": False})
    assert ok(call(emulator, "PUT", f"/formulas/{fid}", body))["configuration"][2]["key"] == (
        "new.one"
    )
