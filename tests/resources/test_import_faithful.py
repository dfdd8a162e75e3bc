"""A read without inputs (``pulumi import``, the ``import`` resource option) gives the inputs
of the program that declares the object as it is: for each type, an object created with all
its user-settable fields filled is read by its id alone, and the inputs derived from what the
read gives equal what the program set (nothing the program wrote lost — a formula's step
bodies, a trigger's onSuccess — and nothing only the server fills in added); deploying them
(or the original program, through the ``import`` option) shows no change, and an unrelated
update keeps every field on the account."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors.resources.documents import document_outputs, read_without_inputs
from pulumi_openconnectors.resources.provider import SpecProvider, provider_class
from pulumi_openconnectors.resources.spec import OnChange

from .conftest import platform_headers
from .test_document_reconcile import configured

FORMULA: dict[str, Any] = {
    "name": "imported-flow",
    "description": "a formula with every part",
    "active": True,
    "configuration": [
        {"key": "crm", "name": "CRM", "type": "elementInstance"},
        {"key": "limit", "name": "Limit", "type": "value", "required": False},
    ],
    "triggers": [
        {
            "type": "event",
            "properties": {"elementInstanceId": "${config.crm}"},
            "onSuccess": ["first"],
            "onFailure": ["failed"],
        }
    ],
    "steps": [
        {
            "name": "first",
            "type": "script",
            "properties": {"body": "done({ok: true});"},
            "onSuccess": ["second"],
        },
        {
            "name": "second",
            "type": "filter",
            "properties": {"body": "done(steps.first.ok);"},
        },
        {"name": "failed", "type": "script", "properties": {"body": "done({});"}},
    ],
    "extra": {"api": "POST /hubs/crm/contacts"},
}

DEFINITION: dict[str, Any] = {
    "name": "importedcontacts",
    "fields": [
        {"path": "email", "type": "string"},
        {"path": "name", "type": "string", "displayName": "Full name"},
    ],
}

TRANSFORMATION: dict[str, Any] = {
    "object_name": "importedcontacts",
    "element_key": "closeio",
    "vendor_name": "contacts",
    "fields": [
        {"path": "email", "vendorPath": "emails[0].email", "type": "string"},
        {"path": "name", "vendorPath": "display_name"},
    ],
    "configuration": [{"type": "passThrough", "properties": {"fromVendor": False}}],
    "script": {"body": "done(transformedObject);", "filterEmptyResponse": True},
}

CONNECTOR: dict[str, Any] = {
    "key": "importedacme",
    "name": "Acme",
    "description": "a custom connector",
    "authentication": {"type": "basic"},
    "configuration": [{"key": "username", "name": "User", "type": "TEXTFIELD_32"}],
    "resources": [{"path": "/hubs/crm/contacts", "method": "GET", "vendorPath": "/contacts"}],
}

CONNECTOR_WITH_SECRET: dict[str, Any] = {
    "key": "importedsecretco",
    "name": "Secret Co",
    "authentication": {"type": "custom"},
    "configuration": [{"key": "region"}, {"key": "account"}, {"key": "client.secret"}],
}

VDR: dict[str, Any] = {
    "name": "importedContact",
    "vdr_version": "v2",
    "definition": {
        "fields": [{"path": "id", "type": "string"}, {"path": "email", "type": "string"}]
    },
    "transformations": {
        "closeio": {
            "vendorName": "contacts",
            "fields": [{"path": "email", "vendorPath": "emails[0].email"}],
            "script": {"body": "done(transformedObject);"},
        }
    },
}


def checked(provider: SpecProvider, inputs: dict[str, Any]) -> dict[str, Any]:
    result = provider.check({}, dict(inputs))
    assert not result.failures, [f.reason for f in result.failures]
    return dict(result.inputs)


def platform(emulator: Any, path: str) -> Any:
    answer = requests.get(
        f"{emulator.base_url}{path}", headers=platform_headers(emulator), timeout=5
    )
    answer.raise_for_status()
    return answer.json()


def imported_inputs(provider: SpecProvider, id_: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """What ``pulumi import`` gets: the read's outputs (by id alone), and the inputs from them."""
    read = provider.read(id_, {})
    assert read.id == id_
    outs = dict(read.outs or {})
    return outs, provider.operations_class().imported_inputs(outs)


def assert_faithful(
    provider: SpecProvider, id_: str, program: dict[str, Any], left_out: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The import of ``id_`` gives ``program`` (but inputs only used at create; ``left_out``:
    inputs the program leaves unmanaged that the import shows as they are), and deploying it
    — or ``program`` through the ``import`` option — changes nothing."""
    outs, imported = imported_inputs(provider, id_)
    spec = provider.spec
    expected = {
        k: v
        for k, v in checked(provider, program).items()
        if k in spec.input_names
        and k not in left_out
        and spec.prop(k).on_change is not OnChange.CREATE_ONLY
        and v not in (None, [], {})
    }
    assert {k: v for k, v in imported.items() if v not in ([], {}) and k not in left_out} == {
        k: v for k, v in expected.items() if k not in left_out
    }
    assert not provider.diff(id_, outs, checked(provider, imported)).changes
    assert not provider.diff(id_, outs, checked(provider, program)).changes
    return imported


def test_formula(emulator: Any) -> None:
    provider = configured(provider_class("Formula"), emulator)
    created = provider.create(checked(provider, FORMULA))
    imported = assert_faithful(provider, created.id, FORMULA, left_out=("single_threaded",))
    assert imported["steps"][0]["properties"] == {"body": "done({ok: true});"}
    assert imported["triggers"][0]["onSuccess"] == ["first"]
    # what only the server fills in stays out (its defaults)
    assert "name" not in imported["triggers"][0] and "async" not in imported["triggers"][0]
    # an unrelated update of the imported program keeps every step body on the account
    outs, _ = imported_inputs(provider, created.id)
    provider.update(created.id, outs, checked(provider, {**imported, "description": "changed"}))
    live = platform(emulator, f"/formulas/{created.id}")
    assert live["description"] == "changed"
    assert [s.get("properties") for s in live["steps"]] == [
        s["properties"] for s in FORMULA["steps"]
    ]
    assert live["triggers"][0]["onSuccess"] == ["first"]
    assert live["triggers"][0]["onFailure"] == ["failed"]


def test_formula_keeps_a_filled_key_whose_value_is_not_the_default(emulator: Any) -> None:
    provider = configured(provider_class("Formula"), emulator)
    program = {
        **FORMULA,
        "name": "imported-flags",
        "triggers": [{**FORMULA["triggers"][0], "async": False, "name": "on-contact"}],
    }
    created = provider.create(checked(provider, program))
    imported = assert_faithful(provider, created.id, program, left_out=("single_threaded",))
    assert imported["triggers"][0]["async"] is False
    assert imported["triggers"][0]["name"] == "on-contact"


def test_common_resource_and_transformation(emulator: Any) -> None:
    definitions = configured(provider_class("CommonResource"), emulator)
    created = definitions.create(checked(definitions, DEFINITION))
    assert_faithful(definitions, created.id, DEFINITION)
    transformations = configured(provider_class("Transformation"), emulator)
    made = transformations.create(checked(transformations, TRANSFORMATION))
    imported = assert_faithful(transformations, made.id, TRANSFORMATION, left_out=("is_legacy",))
    assert imported["script"] == TRANSFORMATION["script"]


def test_connector(emulator: Any) -> None:
    provider = configured(provider_class("Connector"), emulator)
    created = provider.create(checked(provider, CONNECTOR))
    assert_faithful(provider, created.id, CONNECTOR, left_out=("hub",))


def test_virtual_data_resource(emulator: Any) -> None:
    provider = configured(provider_class("VirtualDataResource"), emulator)
    created = provider.create(checked(provider, VDR))
    assert_faithful(provider, created.id, VDR)


@pytest.mark.parametrize("settings", [None, {"notification.email": "ops@example.com"}])
def test_formula_instance(emulator: Any, settings: dict[str, Any] | None) -> None:
    formulas = configured(provider_class("Formula"), emulator)
    variables = [{"key": "crm", "name": "CRM", "type": "value"}, FORMULA["configuration"][1]]
    formula = formulas.create(checked(formulas, {**FORMULA, "configuration": variables}))
    provider = configured(provider_class("FormulaInstance"), emulator)
    program: dict[str, Any] = {
        "formula_id": int(formula.id),
        "name": "prod",
        "active": False,
        "configuration": {"crm": "123", "limit": "5"},
        **({"settings": settings} if settings else {}),
    }
    created = provider.create(checked(provider, program))
    assert_faithful(provider, created.id, program)


def test_connector_instance_imports_its_configuration_but_secrets(emulator: Any) -> None:
    connectors = configured(provider_class("Connector"), emulator)
    connectors.create(checked(connectors, CONNECTOR_WITH_SECRET))
    provider = configured(provider_class("ConnectorInstance"), emulator)
    program: dict[str, Any] = {
        "element_key": CONNECTOR_WITH_SECRET["key"],
        "name": "imported crm",
        "configuration": {"region": "eu", "account": "acme", "client.secret": "not-a-canary"},
        "tags": ["unit", "imported"],
        "disabled": True,
    }
    created = provider.create(checked(provider, program))
    outs, imported = imported_inputs(provider, created.id)
    # the API masks the secret: the import declares what it shows in clear, and leaves the
    # secret to the program (never the mask, which an update would write as the value)
    assert imported["configuration"] == {"region": "eu", "account": "acme"}
    assert "not-a-canary" not in repr(outs) and "*" not in repr(imported["configuration"])
    assert {k: imported[k] for k in ("element_key", "name", "tags", "disabled")} == {
        k: program[k] for k in ("element_key", "name", "tags", "disabled")
    }
    assert not provider.diff(created.id, outs, checked(provider, imported)).changes
    # an unrelated update of the imported program leaves the secret on the account
    provider.update(created.id, outs, checked(provider, {**imported, "name": "renamed"}))
    live = platform(emulator, f"/instances/{created.id}")
    assert live["name"] == "renamed"
    assert live["configuration"]["region"] == "eu"
    assert "client.secret" in live["configuration"]  # still set (shown masked)
    # the program then gives the secret too: only that is a change
    with_secret = checked(
        provider, {**imported, "name": "renamed", "configuration": program["configuration"]}
    )
    outs, _ = imported_inputs(provider, created.id)
    assert provider.diff(created.id, outs, with_secret).changes


def test_connector_instance_basic_pair_with_a_masked_password_is_left_out(emulator: Any) -> None:
    provider = configured(provider_class("ConnectorInstance"), emulator)
    program: dict[str, Any] = {
        "element_key": "closeio",
        "name": "imported closeio",
        "configuration": {"username": "u@example.com", "password": "not-a-canary"},
    }
    created = provider.create(checked(provider, program))
    outs, imported = imported_inputs(provider, created.id)
    # a user name alone fails check (a basic-auth pair goes together): both are the program's
    assert not imported.get("configuration")
    assert not provider.diff(created.id, outs, checked(provider, imported)).changes


def test_the_documented_formula_answer_imports_as_its_request() -> None:
    """The documents' example: the answer of POST /formulas, read without inputs, gives back
    the request (what the server filled in by default or generated left out) — but for the
    top-level flags (their own inputs, shown as they are) and `api`, which a program may set."""
    from pulumi_openconnectors.resources.formula.spec import SPEC as FORMULA_SPEC

    from .test_server_filled import FORMULA_REQUEST, FORMULA_RESPONSE

    with read_without_inputs():
        outputs = document_outputs(FORMULA_SPEC, FORMULA_RESPONSE, {})
    assert outputs == {
        **FORMULA_REQUEST,
        "active": True,
        "single_threaded": False,
        "engine": "v1",
        "debug_logging_enabled": True,
        "extra": {"api": "POST /hubs/crm/contacts"},
    }
    # with the program's inputs, as before: projected onto them
    assert document_outputs(FORMULA_SPEC, FORMULA_RESPONSE, FORMULA_REQUEST)["extra"] == {}


def test_server_defaults_name_keys_the_server_fills() -> None:
    from pulumi_openconnectors.resources.formula.spec import SPEC
    from pulumi_openconnectors.resources.spec import ResourceSpec

    with pytest.raises(ValueError, match="not filled in by the server"):
        ResourceSpec(
            name="Bad",
            doc="",
            props=SPEC.props,
            operations=SPEC.operations,
            id_output=SPEC.id_output,
            server_filled={"steps[]": ("onSuccess",)},
            server_defaults={"steps[]": {"properties": {}}},
        )
