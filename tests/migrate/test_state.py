"""The state rewrite of ``migrate-to-plugin`` (pulumi_openconnectors.migrate.state), on
deployments shaped as ``pulumi stack export`` writes them."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pulumi_openconnectors.migrate import MigrationError, to_plugin
from pulumi_openconnectors.migrate.state import default_provider_name

PREFIX = "urn:pulumi:dev::proj::"
SECRET = "4dabf18193072939515e22adb298388d"
DYNAMIC_PROVIDER = PREFIX + "pulumi:providers:pulumi-python::default"
DYNAMIC_REF = DYNAMIC_PROVIDER + "::a6e3365a"
PICKLE = "gASVPwAAAAAAAACMFXB1bHVtaV9vcGVuY29ubmVjdG9ycw=="


def secret(ciphertext: str) -> dict[str, str]:
    return {SECRET: "1b47061264138c4ac30d75fd1eb44270", "ciphertext": ciphertext}


def deployment() -> dict[str, Any]:
    stack = PREFIX + "pulumi:pulumi:Stack::proj-dev"
    flow = PREFIX + "pulumi-python:dynamic/openconnectors:Formula::flow"
    crm = PREFIX + "pulumi-python:dynamic/openconnectors:ConnectorInstance::crm"
    return {
        "manifest": {"version": "v3.259.0"},
        "secrets_providers": {"type": "passphrase", "state": {"salt": "v1:x"}},
        "resources": [
            {"urn": stack, "custom": False, "type": "pulumi:pulumi:Stack"},
            {
                "urn": DYNAMIC_PROVIDER,
                "custom": True,
                "id": "a6e3365a",
                "type": "pulumi:providers:pulumi-python",
                "inputs": {
                    "proj:password": secret("v1:pw"),
                    "openconnectors:baseUrl": "http://127.0.0.1:1/elements/api-v2",
                    "openconnectors:userSecret": secret("v1:user-in"),
                },
                "outputs": {
                    "proj:password": secret("v1:pw"),
                    "openconnectors:baseUrl": "http://127.0.0.1:1/elements/api-v2",
                    "openconnectors:userSecret": secret("v1:user-out"),
                },
                "created": "2026-12-02T11:56:14Z",
            },
            {
                "urn": crm,
                "custom": True,
                "id": "100001",
                "type": "pulumi-python:dynamic/openconnectors:ConnectorInstance",
                "inputs": {
                    "__ownership_tag": "pulumi-openconnectors:7fe0",
                    "__provider": PICKLE,
                    "configuration": secret("v1:conf-in"),
                    "element_key": "closeio",
                    "name": "CRM",
                },
                "outputs": {
                    "__provider": PICKLE,
                    "configuration": secret("v1:conf-out"),
                    "element_key": "closeio",
                    "instance_id": 100001,
                    "token": secret("v1:token"),
                },
                "parent": stack,
                "provider": DYNAMIC_REF,
                "propertyDependencies": {"__provider": [], "element_key": [], "name": []},
                "additionalSecretOutputs": ["configuration", "provider_data", "token"],
            },
            {
                "urn": flow,
                "custom": True,
                "id": "10001",
                "type": "pulumi-python:dynamic/openconnectors:Formula",
                "inputs": {"__provider": PICKLE, "name": "flow"},
                "outputs": {"__provider": PICKLE, "name": "flow", "formula_id": 10001},
                "parent": stack,
                "provider": DYNAMIC_REF,
            },
            {
                "urn": PREFIX + "pulumi-python:dynamic/openconnectors:FormulaInstance::run",
                "custom": True,
                "id": "20001",
                "type": "pulumi-python:dynamic/openconnectors:FormulaInstance",
                "inputs": {"__provider": PICKLE, "formula_id": 10001, "name": "run"},
                "outputs": {"__provider": PICKLE, "formula_id": 10001, "formula_instance_id": 1},
                "parent": stack,
                "dependencies": [flow, crm],
                "provider": DYNAMIC_REF,
                "propertyDependencies": {"formula_id": [flow], "configuration": [crm]},
            },
        ],
    }


def by_name(resources: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["urn"].rsplit("::", 1)[1]: r for r in resources}


def test_each_dynamic_resource_becomes_the_plugins_with_camel_case_properties() -> None:
    old = deployment()
    new, moved = to_plugin(old, "0.1.0")
    assert [(m.name, m.type_name, m.id) for m in moved] == [
        ("crm", "ConnectorInstance", "100001"),
        ("flow", "Formula", "10001"),
        ("run", "FormulaInstance", "20001"),
    ]
    found = by_name(new["resources"])
    crm = found["crm"]
    assert crm["urn"] == PREFIX + "openconnectors:index:ConnectorInstance::crm"
    assert crm["type"] == "openconnectors:index:ConnectorInstance"
    assert crm["id"] == "100001"
    assert crm["inputs"] == {
        "__ownership_tag": "pulumi-openconnectors:7fe0",
        "configuration": secret("v1:conf-in"),
        "elementKey": "closeio",
        "name": "CRM",
    }
    assert crm["outputs"] == {
        "configuration": secret("v1:conf-out"),
        "elementKey": "closeio",
        "instanceId": 100001,
        "token": secret("v1:token"),
    }
    assert crm["propertyDependencies"] == {"elementKey": [], "name": []}
    assert "additionalSecretOutputs" not in crm
    run = found["run"]
    assert run["dependencies"] == [
        PREFIX + "openconnectors:index:Formula::flow",
        PREFIX + "openconnectors:index:ConnectorInstance::crm",
    ]
    assert run["propertyDependencies"] == {
        "formulaId": [PREFIX + "openconnectors:index:Formula::flow"],
        "configuration": [PREFIX + "openconnectors:index:ConnectorInstance::crm"],
    }
    assert old == deployment()  # the given deployment is left as it was
    assert new["secrets_providers"] == old["secrets_providers"]


def test_the_plugins_default_provider_takes_the_package_settings_and_the_dynamic_goes() -> None:
    new, _ = to_plugin(deployment(), "0.1.0")
    resources = new["resources"]
    urns = [r["urn"] for r in resources]
    provider_urn = PREFIX + "pulumi:providers:openconnectors::default_0_1_0"
    assert DYNAMIC_PROVIDER not in urns  # nothing else used it
    assert urns.index(provider_urn) == 1  # before the resources that use it
    provider = resources[1]
    assert provider["type"] == "pulumi:providers:openconnectors" and provider["custom"]
    assert provider["inputs"] == {
        "__internal": {},
        "baseUrl": "http://127.0.0.1:1/elements/api-v2",
        "userSecret": secret("v1:user-in"),
        "version": "0.1.0",
    }
    assert provider["outputs"] == {
        "baseUrl": "http://127.0.0.1:1/elements/api-v2",
        "userSecret": secret("v1:user-out"),
        "version": "0.1.0",
    }
    ref = f"{provider_urn}::{provider['id']}"
    assert {
        r["provider"] for r in resources if r.get("custom") and "id" in r and r is not provider
    } == {ref}


def test_the_dynamic_provider_stays_while_other_dynamic_resources_use_it() -> None:
    old = deployment()
    other = {
        "urn": PREFIX + "pulumi-python:dynamic:Resource::mine",
        "custom": True,
        "id": "x",
        "type": "pulumi-python:dynamic:Resource",
        "provider": DYNAMIC_REF,
    }
    old["resources"].append(other)
    new, moved = to_plugin(old, "0.1.0")
    assert len(moved) == 3
    assert DYNAMIC_PROVIDER in [r["urn"] for r in new["resources"]]
    assert by_name(new["resources"])["mine"] == other


def test_an_existing_plugin_default_provider_is_used() -> None:
    old = deployment()
    existing: dict[str, Any] = {
        "urn": PREFIX + "pulumi:providers:openconnectors::default_0_1_0",
        "custom": True,
        "id": "already",
        "type": "pulumi:providers:openconnectors",
        "inputs": {"version": "0.1.0"},
    }
    old["resources"].append(existing)  # after the resources to move
    new, _ = to_plugin(old, "0.1.0")
    providers = [r for r in new["resources"] if r["type"] == "pulumi:providers:openconnectors"]
    assert providers == [existing]
    urns = [r["urn"] for r in new["resources"]]
    assert urns.index(existing["urn"]) < urns.index(
        PREFIX + "openconnectors:index:ConnectorInstance::crm"
    )
    assert by_name(new["resources"])["crm"]["provider"] == f"{existing['urn']}::already"


def test_nothing_to_move() -> None:
    old = deployment()
    old["resources"] = old["resources"][:2]
    assert to_plugin(old, "0.1.0") == (old, [])


def test_pending_operations_are_refused() -> None:
    old = deployment()
    old["pending_operations"] = [
        {"type": "creating", "resource": copy.deepcopy(old["resources"][2])}
    ]
    with pytest.raises(MigrationError, match="pending operations"):
        to_plugin(old, "0.1.0")


def test_default_provider_name() -> None:
    assert default_provider_name("0.1.0") == "default_0_1_0"
