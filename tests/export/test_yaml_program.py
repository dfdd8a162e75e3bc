"""`export --format yaml` from a snapshot (no HTTP): a valid Pulumi YAML program whose property
names come from the specs, references between resources, secrets left to `secret: true` config,
literal `$` escaped, stable bytes."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from pulumi_openconnectors.client.models import Formula
from pulumi_openconnectors.export.reader import Snapshot
from pulumi_openconnectors.export.yaml_program import build_yaml_project, document_inputs
from pulumi_openconnectors.export.yaml_values import (
    literal,
    output_ref,
    properties,
    pulumi_name,
)
from pulumi_openconnectors.resources.common_resource.spec import SPEC as COMMON_RESOURCE
from pulumi_openconnectors.resources.formula.spec import SPEC as FORMULA
from pulumi_openconnectors.resources.registry import SPECS

from .test_program import snapshot

SOURCE = "http://127.0.0.1:1/elements/api-v2"


def program(snap: Snapshot | None = None, retain: bool = False) -> tuple[dict[str, Any], str]:
    built = build_yaml_project(
        snap or snapshot(), project_name="acme", retain_on_delete=retain, source=SOURCE
    )
    assert set(built.files) == {"Pulumi.yaml", "README.md"}
    text = built.files["Pulumi.yaml"]
    return yaml.safe_load(text), text


def unescape(value: str) -> str:
    """What Pulumi YAML makes of a literal string (no `${`): `$$` is one `$`."""
    return value.replace("$$", "$")


def test_pulumi_names_are_the_camel_case_of_the_spec_names() -> None:
    assert pulumi_name("element_key") == "elementKey"
    assert pulumi_name("adopt_instance_id") == "adoptInstanceId"
    assert pulumi_name("adopt_formula_instance_id") == "adoptFormulaInstanceId"
    assert pulumi_name("name") == "name"
    for spec in SPECS:
        names = [pulumi_name(p.name) for p in spec.props]
        assert len(set(names)) == len(names), spec.name
        assert all(re.fullmatch(r"[a-z][A-Za-z0-9]*", n) for n in names), names


def test_properties_refuse_a_name_the_spec_does_not_have() -> None:
    with pytest.raises(KeyError, match="adopt_id"):
        properties(FORMULA, {"adopt_id": 1})
    with pytest.raises(KeyError):
        output_ref("f", FORMULA, "no_such_output")
    assert output_ref("f", FORMULA, "formula_id").text == "${f.formulaId}"


def test_a_valid_yaml_program_with_the_plugins_tokens_and_spec_property_names() -> None:
    doc, _ = program()
    assert doc["name"] == "acme"
    assert doc["runtime"] == "yaml"
    specs = {f"openconnectors:index:{spec.name}": spec for spec in SPECS}
    types = [r["type"] for r in doc["resources"].values()]
    assert sorted(set(types)) == sorted(specs)
    for name, resource in doc["resources"].items():
        spec = specs[resource["type"]]
        allowed = {pulumi_name(p) for p in spec.input_names}
        assert set(resource["properties"]) <= allowed, name
        assert "options" not in resource
    assert list(doc["resources"]) == [
        "acme-crm",
        "closeio-extension",
        "sales-crm",
        "sales-crm-2",
        "acme",
        "mycontacts",
        "closeio-mycontacts",
        "acme-crm-mycontacts",
        "mycontact",
        "sync-contacts",
        "sync-contacts-prod",
    ]


def test_every_object_is_adopted() -> None:
    doc, _ = program()
    r = doc["resources"]
    assert r["sales-crm"]["properties"]["adoptInstanceId"] == 100001
    assert r["sales-crm-2"]["properties"]["adoptInstanceId"] == 100002
    assert r["mycontacts"]["properties"]["adopt"] is True
    assert r["closeio-mycontacts"]["properties"]["adopt"] is True
    assert r["acme-crm"]["properties"]["adopt"] is True
    assert r["mycontact"]["properties"]["adopt"] is True
    assert r["sync-contacts"]["properties"]["adoptFormulaId"] == 7
    assert r["sync-contacts-prod"]["properties"]["adoptFormulaInstanceId"] == 55


def test_references_between_resources() -> None:
    doc, _ = program()
    r = doc["resources"]
    transformation = r["closeio-mycontacts"]["properties"]
    assert transformation["objectName"] == "${mycontacts.name}"
    assert transformation["commonResourceFields"] == "${mycontacts.fieldPaths}"
    assert transformation["elementKey"] == "closeio"
    assert r["acme"]["properties"]["elementKey"] == "${acme-crm.key}"
    assert r["acme-crm-mycontacts"]["properties"]["elementKey"] == "${acme-crm.key}"
    formula_instance = r["sync-contacts-prod"]["properties"]
    assert formula_instance["formulaId"] == "${sync-contacts.formulaId}"
    assert formula_instance["configuration"] == {"crm": "${sales-crm-2.id}"}


def test_secrets_come_from_secret_config_and_are_never_written() -> None:
    doc, _ = program()
    assert doc["config"] == {
        "sales_crm_password": {"type": "string", "secret": True},
        "sales_crm_2_password": {"type": "string", "secret": True},
        "acme_acme_password": {"type": "string", "secret": True},
    }
    assert doc["resources"]["sales-crm"]["properties"]["configuration"] == {
        "password": "${sales_crm_password}",
        "username": "other@example.com",
    }
    built = build_yaml_project(
        snapshot(), project_name="acme", retain_on_delete=False, source=SOURCE
    )
    everything = "".join(built.files.values())
    assert "********" not in everything
    assert "tok-1" not in everything and "tok-2" not in everything  # instance tokens
    assert "pulumi-openconnectors:abc" not in everything  # the ownership tag
    assert "pulumi config set --secret sales_crm_password -- " in built.files["README.md"]


def test_literal_dollars_are_escaped_and_keys_too() -> None:
    snap = snapshot()
    snap.formulas[0] = Formula.model_validate(
        {
            **snap.formulas[0].model_dump(by_alias=True, exclude_none=True),
            "steps": [
                {
                    "name": "s",
                    "type": "script",
                    "properties": {"body": "done(${config.crm}); $x", "${odd}": "$"},
                }
            ],
        }
    )
    doc, _ = program(snap)
    step = doc["resources"]["sync-contacts"]["properties"]["steps"][0]["properties"]
    assert step == {"body": "done($${config.crm}); $$x", "$${odd}": "$$"}
    assert unescape(step["body"]) == "done(${config.crm}); $x"
    assert literal({"a$": ["$"]}) == {"a$$": ["$$"]}


def test_documents_split_like_from_file() -> None:
    inputs = document_inputs(
        FORMULA,
        {"id": 1, "name": "f", "userId": 3, "steps": [], "api": "GET /x", "custom": {"a": 1}},
    )
    assert inputs == {"name": "f", "steps": [], "extra": {"api": "GET /x", "custom": {"a": 1}}}
    definition = document_inputs(
        COMMON_RESOURCE, {"name": "c", "objectName": "c", "fields": [], "vdrVersion": 2}
    )
    assert definition == {"fields": [], "extra": {"vdrVersion": 2}}, "the name is no extra key"


def test_retain_on_delete_and_stable_bytes() -> None:
    doc, text = program(retain=True)
    assert all(r["options"] == {"retainOnDelete": True} for r in doc["resources"].values())
    assert program(retain=True)[1] == text
    assert text.startswith("# An Open Connectors organization, exported by\n")


def test_a_resource_is_never_named_pulumi() -> None:
    snap = snapshot()
    snap.instances[0].name = "Pulumi"
    doc, _ = program(snap)
    assert "pulumi" not in doc["resources"]
    assert "pulumi-2" in doc["resources"]


def test_custom_connectors_and_vdrs_are_written_inline() -> None:
    doc, _ = program()
    r = doc["resources"]
    assert r["acme-crm"]["type"] == "openconnectors:index:Connector"
    assert r["acme-crm"]["properties"] == {
        "key": "acme-crm",
        "name": "Acme CRM",
        "authentication": {"type": "basic"},
        "hub": "crm",
        "configuration": [
            {"key": "acme.username", "required": True},
            {"key": "acme.password", "required": True, "type": "PASSWORD"},
        ],
        "resources": [
            {
                "path": "/hubs/crm/contacts",
                "method": "GET",
                "vendorPath": "/contacts",
                "parameters": [{"name": "where", "type": "query"}],
            }
        ],
        "extra": {"image": ""},
        "adopt": True,
    }
    assert r["mycontact"]["type"] == "openconnectors:index:VirtualDataResource"
    assert r["mycontact"]["properties"] == {
        "name": "myContact",
        "vdrVersion": "v2",
        "definition": {"fields": [{"path": "email", "type": "string"}]},
        "transformations": {
            "closeio": {
                "vendorName": "contacts",
                "fields": [{"path": "email", "vendorPath": "emails"}],
            }
        },
        "extra": {"description": "contacts of every CRM"},
        "adopt": True,
    }
