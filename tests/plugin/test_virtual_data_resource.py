"""The plugin serves VirtualDataResource from its spec alone: in the schema with camelCase
names, and create, check, read and delete through the provider protocol (in process, against
the emulator)."""

from __future__ import annotations

from typing import Any

from pulumi.provider.experimental.provider import (
    CheckRequest,
    CreateRequest,
    DeleteRequest,
    ReadRequest,
)

from pulumi_openconnectors.plugin.schema import schema
from pulumi_openconnectors.plugin.values import plain_map, property_map

from .test_provider import checked, configured, emulator, run, urn

__all__ = ["emulator"]  # the module-scoped emulator fixture of test_provider

TOKEN = "openconnectors:index:VirtualDataResource"
FIELDS = [{"path": "id", "type": "string"}, {"path": "email", "type": "string"}]


def test_the_schema_has_the_type_with_camel_case_names() -> None:
    found = schema()["resources"][TOKEN]
    assert list(found["inputProperties"]) == [
        "name",
        "vdrVersion",
        "definition",
        "transformations",
        "extra",
        "adopt",
    ]
    assert {"fieldPaths", "elementKeys"} <= set(found["properties"])
    assert found["properties"]["name"].get("replaceOnChanges") is True
    assert "PUT /vdrs/import" in found["description"]


def test_create_read_and_delete_through_the_plugin(emulator: Any) -> None:
    provider = configured(emulator)
    inputs = checked(
        provider,
        TOKEN,
        "vdr",
        {
            "name": "pluginVdr",
            "definition": {"fields": FIELDS},
            "transformations": {
                "closeio": {
                    "vendorName": "contacts",
                    "fields": [{"path": "id", "vendorPath": "id"}],
                }
            },
        },
    )
    created = run(provider.create(CreateRequest(urn(TOKEN, "vdr"), inputs, 60, False)))
    assert created.resource_id == "pluginVdr"
    outputs = plain_map(created.properties)
    assert outputs["fieldPaths"] == ["id", "email"] and outputs["elementKeys"] == ["closeio"]
    read = run(
        provider.read(ReadRequest(urn(TOKEN, "vdr"), "pluginVdr", created.properties, inputs))
    )
    assert read.resource_id == "pluginVdr"
    run(provider.delete(DeleteRequest(urn(TOKEN, "vdr"), "pluginVdr", created.properties, 60)))
    gone = run(
        provider.read(ReadRequest(urn(TOKEN, "vdr"), "pluginVdr", created.properties, inputs))
    )
    assert gone.resource_id is None


def test_check_names_a_transformation_field_the_vdr_lacks(emulator: Any) -> None:
    provider = configured(emulator)
    bad = {
        "name": "pluginVdr",
        "definition": {"fields": FIELDS},
        "transformations": {
            "closeio": {"vendorName": "c", "fields": [{"path": "emial", "vendorPath": "e"}]}
        },
    }
    answer = run(provider.check(CheckRequest(urn(TOKEN, "vdr"), {}, property_map(bad), b"")))
    [failure] = answer.failures  # the plugin names the property in the reason
    assert "transformations['closeio'].fields[0].path 'emial'" in failure.reason
