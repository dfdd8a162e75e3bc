"""Names in the exported program (issue 19, 5.2): every Python variable, Pulumi resource name
and data file name is unique after sanitising, and no variable is a keyword, a builtin or
starts with a digit, so a reference always points at the object it was read from."""

from __future__ import annotations

import ast
import builtins
import keyword
from typing import Any

from pulumi_openconnectors.client import Scope
from pulumi_openconnectors.client.models import (
    Formula,
    FormulaInstance,
    Instance,
    ObjectDefinition,
    Transformation,
)
from pulumi_openconnectors.export.naming import Names, identifier
from pulumi_openconnectors.export.program import build_project
from pulumi_openconnectors.export.reader import Found, Snapshot

TRICKY = [
    "1abc",
    "r 1abc",
    "r_1abc",
    "R-1ABC",
    "class",
    "list",
    "id",
    "None",
    "pulumi",
    "oc",
    "cfg",
    "HERE",
    "Path",
    "retain",
    "",
    "ünï",
    "print",
    "2",
    "_",
]


def instance(i: int, name: str) -> Instance:
    return Instance.model_validate(
        {
            "id": 100 + i,
            "name": name,
            "element": {"key": "closeio", "id": 1},
            "tags": [],
            "configuration": {"username": f"u{i}", "password": "********"},
        }
    )


def formula(i: int, name: str) -> Formula:
    return Formula.model_validate(
        {
            "id": 500 + i,
            "name": name,
            "active": True,
            "configuration": [{"key": "crm", "type": "elementInstance"}],
            "triggers": [{"type": "manual", "onSuccess": [], "onFailure": []}],
            "steps": [],
        }
    )


def snapshot() -> Snapshot:
    instances = [instance(i, name) for i, name in enumerate(TRICKY)]
    formulas = [formula(i, name) for i, name in enumerate(TRICKY)]
    # every formula instance points at the instance of the same position
    formula_instances = [
        FormulaInstance.model_validate(
            {
                "id": 900 + i,
                "name": "run",
                "active": True,
                "formula": {"id": 500 + i},
                "configuration": {"crm": str(100 + i)},
            }
        )
        for i in range(len(TRICKY))
    ]
    definitions = {
        name: ObjectDefinition.model_validate({"fields": [{"path": "id", "type": "string"}]})
        for name in ("contacts", "Contacts", "con tacts", "con-tacts", "a/b", "..")
    }
    transformations = [
        Found(
            Scope.instance(100 + i),
            "contacts",
            Transformation.model_validate(
                {"vendorName": "c", "fields": [{"path": "id", "vendorPath": "id"}]}
            ),
        )
        for i in range(len(TRICKY))
    ]
    return Snapshot(instances, definitions, transformations, formulas, formula_instances)


def keyword_value(call: ast.Call, name: str) -> Any:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def test_identifier_is_never_a_keyword_builtin_or_digit_first() -> None:
    for text in [*TRICKY, "def", "match", "type", "__import__", "9lives"]:
        value = identifier(text)
        assert value.isidentifier(), value
        assert not keyword.iskeyword(value) and not keyword.issoftkeyword(value), value
        assert value not in dir(builtins), value
        assert not value[0].isdigit(), value


def test_names_hand_out_unique_names_whatever_was_asked_before() -> None:
    names = Names()
    got = [names.unique(w) for w in ("a", "a", "a-2", "a", "a-2")]
    assert len(set(got)) == len(got), got


def test_every_reference_points_at_the_object_it_was_read_from() -> None:
    project = build_project(
        snapshot(),
        project_name="acme",
        retain_on_delete=False,
        virtualenv=None,
        source="http://127.0.0.1:1/elements/api-v2",
    )
    tree = ast.parse(project.files["__main__.py"])
    assigned: dict[str, ast.Call] = {}
    resource_names: dict[tuple[str, str], int] = {}
    calls: list[ast.Call] = []
    for statement in tree.body:
        value = getattr(statement, "value", None)
        if not isinstance(value, ast.Call) or not ast.unparse(value.func).startswith("oc."):
            continue
        calls.append(value)
        if isinstance(statement, ast.Assign):
            (target,) = statement.targets
            assert isinstance(target, ast.Name)
            var = target.id
            assert var not in assigned, f"{var} is assigned twice"
            assert not keyword.iskeyword(var) and var not in dir(builtins), var
            assert not var[0].isdigit(), var
            assigned[var] = value
    for value in calls:
        kind = ast.unparse(value.func)
        strings = [a.value for a in value.args if isinstance(a, ast.Constant)]
        key = (kind.removesuffix(".from_file"), strings[0])
        assert key not in resource_names, f"resource name {key} used twice"
        resource_names[key] = 1

    def adopted(var: str, field: str) -> int:
        node = keyword_value(assigned[var], field)
        assert isinstance(node, ast.Constant)
        return int(node.value)

    formula_instances = [c for c in calls if ast.unparse(c.func) == "oc.FormulaInstance"]
    assert len(formula_instances) == len(TRICKY)
    for fi in formula_instances:
        adopted_id = keyword_value(fi, "adopt_formula_instance_id").value
        position = adopted_id - 900
        formula_ref = keyword_value(fi, "formula_id")
        assert isinstance(formula_ref, ast.Attribute) and isinstance(formula_ref.value, ast.Name)
        assert adopted(formula_ref.value.id, "adopt_formula_id") == 500 + position
        configuration = keyword_value(fi, "configuration")
        assert isinstance(configuration, ast.Dict)
        crm = configuration.values[0]
        assert isinstance(crm, ast.Attribute) and isinstance(crm.value, ast.Name)
        assert adopted(crm.value.id, "adopt_instance_id") == 100 + position
    transformations = [c for c in calls if ast.unparse(c.func) == "oc.Transformation.from_file"]
    for position, t in enumerate(transformations):
        ref = keyword_value(t, "instance_id")
        assert isinstance(ref, ast.Attribute) and isinstance(ref.value, ast.Name)
        assert adopted(ref.value.id, "adopt_instance_id") == 100 + position

    # file names: unique (also on a case-insensitive file system), one folder deep (a formula
    # directory two: formulas/<name>/formula.json and its .js files), no escape
    data = [p for p in project.files if "/" in p]
    assert len({p.lower() for p in data}) == len(data), data
    for path in data:
        folder, *inner, name = path.split("/")
        assert folder in ("formulas", "common-resources", "transformations"), path
        assert not name.startswith(".") and not any(p.startswith(".") for p in inner), path
        if inner:
            assert folder == "formulas" and len(inner) == 1, path
            assert name == "formula.json" or name.endswith(".js"), path
        else:
            assert name.endswith(".json"), path
    # every common resource file is the one its program line loads
    assert len([p for p in data if p.startswith("common-resources/")]) == 6
    config_keys = [s.config_key for s in project.secrets]
    assert len(set(config_keys)) == len(config_keys)
