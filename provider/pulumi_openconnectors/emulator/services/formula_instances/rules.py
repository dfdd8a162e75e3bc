"""Formula-instance rules: a body checked against its formula's variables."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ...bodies import bad, check_bool, check_name, check_object
from ...references import References

INSTANCE = "instance"  # a connector instance, in reference hooks


@dataclass(frozen=True)
class Checked:
    """What a POST or PUT stores: the fields, and the connector instances it uses."""

    name: str
    active: bool
    configuration: dict[str, Any]
    settings: dict[str, Any]
    uses: tuple[int, ...]


def instance_id(value: Any) -> int | None:
    """An elementInstance value as an id: an integer, or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        return int(value)
    return None


def check_instance_body(
    refs: References,
    conn: sqlite3.Connection,
    org: str,
    formula: dict[str, Any],
    body: dict[str, Any],
) -> Checked:
    name = check_name(body.get("name"))
    active = check_bool(body, "active")
    settings = check_object(body.get("settings"), "settings")
    configuration = check_object(body.get("configuration"), "configuration")
    variables = {str(v["key"]): v for v in formula.get("configuration", []) if isinstance(v, dict)}
    for key in configuration:
        if key not in variables:
            raise bad(f"configuration.{key} is not a variable of formula {formula['id']}")
    for key, variable in variables.items():
        if variable.get("required", True) and key not in configuration:
            raise bad(f"configuration is missing the required variable '{key}'")
    uses: list[int] = []
    for key, value in configuration.items():
        if variables[key].get("type") == "elementInstance":
            ident = instance_id(value)
            if ident is None or refs.find(conn, INSTANCE, org, ident) is None:
                raise bad(
                    f"configuration.{key} must be the id of a connector instance of this "
                    "organization"
                )
            uses.append(ident)
        elif value is None or isinstance(value, (dict, list)):
            raise bad(f"configuration.{key} must be a string, a number or a boolean")
    return Checked(name, active is not False, dict(configuration), dict(settings), tuple(uses))
