"""The plugin's schema is the specs': every public property in camelCase with its
documentation and type, required inputs, secrets and replace-on-change; the provider's
configuration is the settings of config.py; the version is the package's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_openconnectors import __version__, config
from pulumi_openconnectors.plugin import names, type_token
from pulumi_openconnectors.plugin.schema import schema, schema_json, type_schema
from pulumi_openconnectors.resources.provider import provider_class
from pulumi_openconnectors.resources.registry import SPECS
from pulumi_openconnectors.resources.spec import OnChange, ResourceSpec

SPEC_IDS = [spec.name for spec in SPECS]


def resource(spec: ResourceSpec) -> dict[str, Any]:
    found: dict[str, Any] = schema()["resources"][type_token(spec.name)]
    return found


def test_every_registered_type_and_nothing_else() -> None:
    assert set(schema()["resources"]) == {f"openconnectors:index:{s.name}" for s in SPECS}
    assert json.loads(schema_json()) == schema()
    assert schema()["name"] == "openconnectors"
    assert schema()["version"] == __version__


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_properties_are_the_specs(spec: ResourceSpec) -> None:
    found = resource(spec)
    public = [p for p in spec.props if not p.internal]
    assert list(found["properties"]) == [names.camel(p.name) for p in public]
    assert list(found["inputProperties"]) == [names.camel(p.name) for p in spec.inputs]
    for prop in public:
        entry = found["properties"][names.camel(prop.name)]
        assert entry["description"] == names.in_text(spec, prop.doc)
        assert entry.get("secret", False) is prop.secret
        replaces = prop.input and prop.on_change is OnChange.REPLACE
        assert entry.get("replaceOnChanges", False) is replaces
        assert {k: v for k, v in entry.items() if k in ("type", "items", "$ref")} == {
            k: v for k, v in type_schema(prop.py).items() if k in ("type", "items", "$ref")
        }
    assert names.in_text(spec, spec.doc) in found["description"]


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_required_inputs_are_what_check_requires(spec: ResourceSpec) -> None:
    model = provider_class(spec.name).operations_class().inputs_model
    required = {n for n, f in model.model_fields.items() if f.is_required()}
    expected = [
        names.camel(p.name)
        for p in spec.inputs
        if (p.required or p.name in required) and not p.resource_name_default
    ]
    assert resource(spec)["requiredInputs"] == expected
    for prop in spec.inputs:
        if prop.required:
            assert names.camel(prop.name) in expected


def test_no_snake_case_name_in_any_description() -> None:
    text = json.dumps(schema()["resources"])
    for spec in SPECS:
        for prop in spec.props:
            if "_" in prop.name and not prop.name.startswith("_"):
                assert f"`{prop.name}`" not in text, prop.name
                assert f"``{prop.name}``" not in text, prop.name


@pytest.mark.parametrize(
    ("py", "expected"),
    [
        ("str", {"type": "string"}),
        ("int | None", {"type": "integer"}),
        ("bool", {"type": "boolean"}),
        ("float | None", {"type": "number"}),
        ("list[str]", {"type": "array", "items": {"type": "string"}}),
        ("dict[str, str]", {"type": "object", "additionalProperties": {"type": "string"}}),
        (
            "list[dict[str, Any]]",
            {
                "type": "array",
                "items": {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}},
            },
        ),
        ("Any", {"$ref": "pulumi.json#/Any"}),
        ("SomethingElse", {"$ref": "pulumi.json#/Any"}),
    ],
)
def test_types_from_the_python_annotation(py: str, expected: dict[str, Any]) -> None:
    assert type_schema(py) == expected


def test_the_configuration_is_the_settings_of_config_py() -> None:
    variables = schema()["config"]["variables"]
    settings = [
        config.BASE_URL,
        config.REGION,
        config.USER_SECRET,
        config.ORGANIZATION_SECRET,
        config.BEARER_TOKEN,
        config.TIMEOUT,
        config.MAX_RETRIES,
        config.OPERATION_TIMEOUT,
        config.CONCURRENCY,
    ]
    assert set(variables) == {s.key for s in settings}
    for setting in settings:
        assert setting.env in variables[setting.key]["description"]
    secret = {k for k, v in variables.items() if v.get("secret")}
    assert secret == {"userSecret", "organizationSecret", "bearerToken"}
    assert schema()["provider"]["inputProperties"] == variables


def test_a_type_added_by_its_folder_alone_is_served() -> None:
    """Connector was added by its folder and one registry line: no plugin code names it."""
    found = schema()["resources"]["openconnectors:index:Connector"]
    assert found["inputProperties"]["key"].get("replaceOnChanges") is True
    assert {"key", "authentication"} <= set(found["requiredInputs"])
