"""The one name conversion at the plugin's boundary, and detailed diffs (the spec decides,
the plugin adds the paths)."""

from __future__ import annotations

from pulumi.provider.experimental.provider import PropertyDiffKind

from pulumi_openconnectors.markers import UNKNOWN
from pulumi_openconnectors.plugin import names
from pulumi_openconnectors.plugin.diffs import detailed_diff
from pulumi_openconnectors.resources.common_resource.spec import SPEC as COMMON
from pulumi_openconnectors.resources.connector_instance.spec import SPEC as INSTANCE
from pulumi_openconnectors.resources.formula.spec import SPEC as FORMULA


def test_camel_case() -> None:
    assert names.camel("element_key") == "elementKey"
    assert names.camel("instance_id") == "instanceId"
    assert names.camel("adopt_formula_instance_id") == "adoptFormulaInstanceId"
    assert names.camel("name") == "name"
    assert names.camel("__ownership_tag") == "__ownership_tag"


def test_inputs_and_outputs_round_trip_top_level_keys_only() -> None:
    python = {"element_key": "closeio", "configuration": {"a_b": "1"}, "__ownership_tag": "x"}
    engine = names.to_pulumi(INSTANCE, python)
    assert engine == {
        "elementKey": "closeio",
        "configuration": {"a_b": "1"},
        "__ownership_tag": "x",
    }
    assert names.to_python(INSTANCE, engine) == python


def test_foreign_keys_include_the_python_names() -> None:
    assert names.foreign_keys(INSTANCE, {"elementKey": 1, "element_key": 2, "bogus": 3}) == [
        "element_key",
        "bogus",
    ]


def test_messages_name_the_engines_properties() -> None:
    text = "element_key: set exactly one of element_key or element_id; 'my_element_key' stays"
    assert names.in_text(INSTANCE, text) == (
        "elementKey: set exactly one of elementKey or elementId; 'my_element_key' stays"
    )


def test_nested_paths_of_list_items() -> None:
    step = {"name": "a", "type": "script", "properties": {"body": "x"}}
    olds = {"name": "f", "steps": [step, {**step, "name": "b"}]}
    news = {"name": "f", "steps": [step, {**step, "name": "c"}, {**step, "name": "d"}]}
    replaces, paths = detailed_diff(FORMULA, olds, news)
    assert replaces == []
    assert {p: d.kind for p, d in paths.items()} == {
        "steps[1]": PropertyDiffKind.UPDATE,
        "steps[2]": PropertyDiffKind.ADD,
    }


def test_map_keys_replaces_and_create_only() -> None:
    olds = {"element_key": "closeio", "name": "n", "configuration": {"a": "1", "oauth.x": "2"}}
    news = {
        "element_key": "sfdc",
        "name": "n",
        "configuration": {"a": "2"},
        "provider_data": {"code": "new"},  # used at create only: never a diff
        "retrieve_objects": True,
    }
    replaces, paths = detailed_diff(INSTANCE, olds, news)
    assert replaces == ["elementKey"]
    assert {p: d.kind for p, d in paths.items()} == {
        "elementKey": PropertyDiffKind.UPDATE_REPLACE,
        "configuration.a": PropertyDiffKind.UPDATE,
        'configuration["oauth.x"]': PropertyDiffKind.DELETE,
    }


def test_unset_is_unmanaged_and_unknown_values() -> None:
    olds = {"element_key": "closeio", "name": "n", "disabled": True}
    assert detailed_diff(INSTANCE, olds, {"element_key": "closeio", "name": "n"}) == ([], {})
    _, paths = detailed_diff(INSTANCE, olds, {"element_key": "closeio", "name": UNKNOWN})
    assert list(paths) == ["name"]


def test_a_replacing_name() -> None:
    replaces, paths = detailed_diff(COMMON, {"name": "a"}, {"name": "b"})
    assert replaces == ["name"]
    assert paths["name"].kind is PropertyDiffKind.UPDATE_REPLACE
