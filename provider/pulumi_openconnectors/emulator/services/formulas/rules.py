"""Formula rules: validation of a formula body, ids of its parts, PATCH."""

from __future__ import annotations

import sqlite3
from typing import Any, get_args

from ...bodies import bad, check_bool, check_list, check_name, check_names, check_object
from ...errors import ApiError
from ...store import next_id
from . import cron
from .schemas import StepType, TriggerType, VariableType

# The documented types, one list each (the OpenAPI schemas' Literals)
TRIGGER_TYPES: tuple[str, ...] = get_args(TriggerType)
STEP_TYPES: tuple[str, ...] = get_args(StepType)
VARIABLE_TYPES: tuple[str, ...] = get_args(VariableType)
ENGINES = ("v1", "v3")
PATCH_FIELDS = ("name", "description", "active", "engine", "debugLoggingEnabled", "singleThreaded")
SERVER_FIELDS = ("id", "userId", "accountId", "createdDate")
FIRST_PART_ID = 30001


def _one_of(value: Any, allowed: tuple[str, ...], field: str) -> str:
    if value is None:
        raise bad(f"{field} is required (one of {', '.join(allowed)})")
    if not isinstance(value, str) or value not in allowed:
        raise bad(f"{field} must be one of {', '.join(allowed)}")
    return value


def _entries(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = check_list(body.get(key), key)
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise bad(f"{key}[{index}] must be an object")
    return [dict(item) for item in items]


def _check_optional_str(item: dict[str, Any], key: str, field: str) -> None:
    if item.get(key) is not None and not isinstance(item[key], str):
        raise bad(f"{field} must be a string")


def check_variables(body: dict[str, Any]) -> list[dict[str, Any]]:
    """`configuration`: each variable has a `key` and a type of value / elementInstance."""
    variables = _entries(body, "configuration")
    seen: set[str] = set()
    for index, variable in enumerate(variables):
        field = f"configuration[{index}]"
        key = variable.get("key")
        if key is None:
            raise bad(f"{field}.key is required")
        check_name(key, f"{field}.key")
        variable["type"] = _one_of(variable.get("type"), VARIABLE_TYPES, f"{field}.type")
        _check_optional_str(variable, "name", f"{field}.name")
        _check_optional_str(variable, "description", f"{field}.description")
        _check_required(variable, field)
        if key in seen:
            raise ApiError(409, f"{field}.key '{key}' is already a variable of this formula")
        seen.add(key)
    return variables


def _check_required(variable: dict[str, Any], field: str) -> None:
    value = variable.get("required")
    if value is not None and not isinstance(value, bool):
        raise bad(f"{field}.required must be a boolean")


def _check_links(item: dict[str, Any], field: str, steps: set[str]) -> None:
    for link in ("onSuccess", "onFailure"):
        names = check_names(item.get(link), f"{field}.{link}")
        for name in names:
            if name not in steps:
                raise bad(f"{field}.{link} names '{name}', which is not a step of this formula")
        item[link] = names


def check_steps(body: dict[str, Any]) -> list[dict[str, Any]]:
    steps = _entries(body, "steps")
    names: set[str] = set()
    for index, step in enumerate(steps):
        field = f"steps[{index}]"
        name = check_name(step.get("name"), f"{field}.name")
        if name in names:
            raise bad(f"{field}.name '{name}' is the name of another step (names are unique)")
        names.add(name)
        step["type"] = _one_of(step.get("type"), STEP_TYPES, f"{field}.type")
        step["properties"] = check_object(step.get("properties"), f"{field}.properties")
    for index, step in enumerate(steps):
        _check_links(step, f"steps[{index}]", names)
    return steps


def check_triggers(body: dict[str, Any], steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    triggers = _entries(body, "triggers")
    names = {str(step["name"]) for step in steps}
    for index, trigger in enumerate(triggers):
        field = f"triggers[{index}]"
        trigger["type"] = _one_of(trigger.get("type"), TRIGGER_TYPES, f"{field}.type")
        properties = check_object(trigger.get("properties"), f"{field}.properties")
        trigger["properties"] = properties
        if trigger["type"] == "scheduled":
            _check_cron(properties.get("cron"), f"{field}.properties.cron")
        _check_links(trigger, field, names)
    return triggers


def _check_cron(value: Any, field: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise bad(f"{field} is required for a scheduled trigger (a Quartz cron expression)")
    try:
        cron.check_schedule(value)
    except cron.CronError as exc:
        raise bad(f"{field} is not a valid schedule: {exc}") from None


def _check_flags(formula: dict[str, Any]) -> None:
    for flag in ("active", "singleThreaded", "debugLoggingEnabled"):
        check_bool(formula, flag)
    _check_optional_str(formula, "description", "description")
    if formula.get("engine") is not None:
        _one_of(formula["engine"], ENGINES, "engine")
    if formula.get("debugLoggingEnabled") is False and formula.get("engine") != "v3":
        raise bad("Execution debug logging can be disabled only for formula engine v3")


def check_formula(body: dict[str, Any]) -> dict[str, Any]:
    """A whole formula (POST, PUT): the body with its parts checked, server fields dropped."""
    formula = {k: v for k, v in body.items() if k not in SERVER_FIELDS}
    formula["name"] = check_name(body.get("name"))
    _check_flags(formula)
    if formula.get("active") is None:
        formula["active"] = True
    formula["configuration"] = check_variables(body)
    formula["steps"] = check_steps(body)
    formula["triggers"] = check_triggers(body, formula["steps"])
    return fill_defaults(formula)


def fill_defaults(formula: dict[str, Any]) -> dict[str, Any]:
    """What the platform adds to a formula it is sent, as its documented answer to
    POST /formulas shows (`singleThreaded: false`; on each trigger `async: true`,
    `onFailure: []`; on each step `onSuccess: []`, `onFailure: []`) and formulas exported from
    its UI carry (`"name": "trigger"` on triggers). Keys the body sets are kept."""
    formula.setdefault("singleThreaded", False)
    for trigger in formula["triggers"]:
        trigger.setdefault("async", True)
        trigger.setdefault("name", "trigger")
    for part in (*formula["triggers"], *formula["steps"]):
        part.setdefault("onSuccess", [])
        part.setdefault("onFailure", [])
    return formula


def apply_patch(formula: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """PATCH: only the documented top-level fields; anything else is 400 (use PUT)."""
    others = sorted(k for k in body if k not in PATCH_FIELDS)
    if others:
        raise bad(
            f"PATCH does not change {', '.join(others)}: it takes {', '.join(PATCH_FIELDS)} "
            "(PUT replaces the whole formula)"
        )
    if body.get("name") is not None:  # null drops the name, like any other PATCH field
        check_name(body["name"])
    patched = dict(formula)
    for key, value in body.items():  # null: back to the default (the field is dropped)
        if value is None:
            patched.pop(key, None)
        else:
            patched[key] = value
    _check_flags(patched)
    if patched.get("active") is None:
        patched["active"] = True
    return patched


def assign_part_ids(
    conn: sqlite3.Connection,
    formula: dict[str, Any],
    formula_id: int,
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """Server-set ids: on every variable, trigger and step (and `formulaId` on triggers and
    steps). A PUT keeps the ids of the parts it keeps: variables by key, steps by name,
    triggers by position."""
    old = previous or {}

    def old_ids(part: str, by: str | None) -> dict[Any, int]:
        items = [p for p in old.get(part, []) if isinstance(p, dict) and "id" in p]
        if by is None:
            return {index: int(p["id"]) for index, p in enumerate(items)}
        return {p.get(by): int(p["id"]) for p in items}

    def number(part: str, by: str | None, with_formula: bool) -> None:
        known = old_ids(part, by)
        for index, item in enumerate(formula[part]):
            ident = known.get(index if by is None else item.get(by))
            if ident is None:
                ident = next_id(conn, "formula-parts", FIRST_PART_ID)
            item["id"] = ident
            if with_formula:
                item["formulaId"] = formula_id

    number("configuration", "key", with_formula=False)
    number("triggers", None, with_formula=True)
    number("steps", "name", with_formula=True)
    return formula


def changed_variables(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Keys of variables that a new version removes or gives another type."""
    now = {v.get("key"): v.get("type") for v in new.get("configuration", [])}
    return [
        str(v.get("key"))
        for v in old.get("configuration", [])
        if now.get(v.get("key")) != v.get("type")
    ]
