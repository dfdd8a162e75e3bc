"""ConnectorExtension documents: outputs projected from what the platform answers (no drift
from what the server fills in, the program's order), drift from what changed out of band, and
from_file of the platform's export of an extended connector."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pulumi_openconnectors import ConnectorExtension
from pulumi_openconnectors.resources.connector_extension.api import ElementResource, Extension
from pulumi_openconnectors.resources.connector_extension.inputs import ConnectorExtensionInputs
from pulumi_openconnectors.resources.connector_extension.operations import outputs
from pulumi_openconnectors.resources.connector_extension.spec import SPEC

from ..registered import registered

RESOURCES: list[dict[str, Any]] = [
    {
        "path": "/hubs/crm/expenses",
        "method": "GET",
        "vendorPath": "/expenses",
        "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
    },
    {"path": "/hubs/crm/expenses", "method": "POST", "vendorPath": "/expenses"},
]
INPUTS: dict[str, Any] = {"element_key": "closeio", "resources": RESOURCES}
WHEN = "2026-12-02T10:00:00Z"


def answered(resource: dict[str, Any], ident: int, **changes: Any) -> dict[str, Any]:
    """A resource as the platform answers it."""
    return {
        **resource,
        "id": ident,
        "elementId": 4032,
        "ownerAccountId": 77,
        "type": "api",
        "createdDate": WHEN,
        "updatedDate": WHEN,
        "parameters": [
            {**p, "id": ident * 100 + n, "resourceId": ident, "createdDate": WHEN}
            for n, p in enumerate(resource.get("parameters") or [])
        ],
        **changes,
    }


def extension(*resources: dict[str, Any]) -> Extension:
    return Extension(
        key="closeio",
        element_id=4032,
        resources=tuple(ElementResource.model_validate(r) for r in resources),
    )


def test_what_the_server_adds_is_no_drift_and_the_program_s_order_is_kept() -> None:
    desired = ConnectorExtensionInputs.model_validate(INPUTS)
    # the platform lists by id: the POST was added first
    out = outputs(desired, extension(answered(RESOURCES[1], 8), answered(RESOURCES[0], 9)))
    assert out["element_key"] == "closeio" and out["element_id"] == 4032
    assert out["resources"] == RESOURCES
    assert SPEC.diff(out, dict(desired)) == ([], [])


def test_a_change_out_of_band_is_drift() -> None:
    desired = ConnectorExtensionInputs.model_validate(INPUTS)
    changed = answered(RESOURCES[0], 9, vendorPath="/spent")
    extra = answered({"path": "/hubs/crm/x", "method": "GET"}, 10)
    out = outputs(desired, extension(changed, answered(RESOURCES[1], 8), extra))
    assert out["resources"][0]["vendorPath"] == "/spent"
    assert out["resources"][2] == {"path": "/hubs/crm/x", "method": "GET"}
    assert SPEC.diff(out, dict(desired)) == ([], ["resources"])


def test_from_file_of_an_export_keeps_the_key_and_the_organization_s_resources(
    tmp_path: Path,
) -> None:
    exported = {
        "id": 4032,
        "key": "closeio",
        "name": "Close.io",
        "authentication": {"type": "basic"},
        "extended": True,
        "private": False,
        "resources": [
            {"id": 4032000, "path": "/hubs/crm/contacts", "method": "GET", "ownerAccountId": 1},
            answered(RESOURCES[0], 9),
            answered(RESOURCES[1], 10),
        ],
    }
    path = tmp_path / "closeio.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    resource = registered(lambda: ConnectorExtension.from_file(path))
    assert resource.name == "closeio"
    assert resource.inputs["element_key"] == "closeio"
    assert resource.inputs["resources"] == [
        {**r, "type": "api", "parameters": r.get("parameters", [])} for r in RESOURCES
    ]
    assert set(resource.inputs) <= {"element_key", "resources", "adopt", "__provider"}


def test_from_file_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "element.json"
    body = {"key": "closeio", "resources": [answered(RESOURCES[1], 10)]}
    path.write_text(json.dumps([body]), encoding="utf-8")  # an export in a list of one
    resource = registered(lambda: ConnectorExtension.from_file(path, "mine", element_key="sfdc"))
    assert resource.name == "mine" and resource.inputs["element_key"] == "sfdc"
