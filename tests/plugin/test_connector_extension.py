"""The plugin serves ConnectorExtension from its spec alone: in the schema with camelCase
names; create, a per-field diff, import (a read with the id alone that checks and shows no
diff), a check error naming the field, and delete through the provider protocol (in process,
against the emulator)."""

from __future__ import annotations

from typing import Any

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    CheckRequest,
    CreateRequest,
    DeleteRequest,
    DiffRequest,
    ReadRequest,
)

from pulumi_openconnectors.plugin.schema import schema
from pulumi_openconnectors.plugin.values import plain_map, property_map

from .test_provider import checked, configured, emulator, run, urn

__all__ = ["emulator"]  # the module-scoped emulator fixture of test_provider

TOKEN = "openconnectors:index:ConnectorExtension"
EXPENSES = {"path": "/hubs/crm/expenses", "method": "GET", "vendorPath": "/expenses"}
CREATE = {"path": "/hubs/crm/expenses", "method": "POST", "vendorPath": "/expenses"}


def test_the_schema_has_the_type_with_camel_case_names() -> None:
    found = schema()["resources"][TOKEN]
    assert list(found["inputProperties"]) == ["elementKey", "resources", "adopt"]
    assert "elementId" in found["properties"]
    assert found["properties"]["elementKey"].get("replaceOnChanges") is True
    assert set(found["requiredInputs"]) == {"elementKey", "resources"}


def test_create_diff_import_and_delete_through_the_plugin(emulator: Any) -> None:
    provider = configured(emulator)
    inputs = checked(
        provider, TOKEN, "ext", {"elementKey": "closeio", "resources": [EXPENSES, CREATE]}
    )
    created = run(provider.create(CreateRequest(urn(TOKEN, "ext"), inputs, 60, False)))
    assert created.resource_id == "closeio"
    outputs = created.properties
    assert plain_map(outputs)["elementId"] == 4032

    # a per-field diff: the one resource that changed (the kit's diffs name list elements)
    news = checked(
        provider,
        TOKEN,
        "ext",
        {"elementKey": "closeio", "resources": [{**EXPENSES, "vendorPath": "/spent"}, CREATE]},
    )
    diff = run(provider.diff(DiffRequest(urn(TOKEN, "ext"), "closeio", outputs, news, [])))
    assert diff.changes and not diff.replaces
    assert set(diff.detailed_diff) == {"resources[0]"}
    news["elementKey"] = PropertyValue("sfdc")
    diff = run(provider.diff(DiffRequest(urn(TOKEN, "ext"), "closeio", outputs, news, [])))
    assert diff.replaces == ["elementKey"]

    # import: a read with the id alone gives inputs that check and show no diff
    read = run(provider.read(ReadRequest(urn(TOKEN, "x"), "closeio", {}, {})))
    imported = plain_map(read.inputs)
    assert imported == {"elementKey": "closeio", "resources": [EXPENSES, CREATE]}
    again = checked(provider, TOKEN, "x", imported)
    no_diff = run(
        provider.diff(DiffRequest(urn(TOKEN, "x"), "closeio", read.properties, again, []))
    )
    assert not no_diff.changes and not no_diff.detailed_diff

    run(provider.delete(DeleteRequest(urn(TOKEN, "ext"), "closeio", outputs, 60)))
    gone = run(provider.read(ReadRequest(urn(TOKEN, "ext"), "closeio", outputs, inputs)))
    assert gone.resource_id is None


def test_check_names_the_field(emulator: Any) -> None:
    provider = configured(emulator)
    bad = {"elementKey": "closeio", "resources": [EXPENSES, {"path": "/x", "method": "FETCH"}]}
    answer = run(provider.check(CheckRequest(urn(TOKEN, "ext"), {}, property_map(bad), b"")))
    [failure] = answer.failures
    assert "resources[1].method must be one of GET" in failure.reason
