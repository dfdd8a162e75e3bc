"""Connector documents: outputs projected from what the platform answers (no drift from what
the server fills in), drift from what changed out of band, and from_file of an export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pulumi_openconnectors import Connector
from pulumi_openconnectors.client.models import PrivateElement
from pulumi_openconnectors.resources.connector.inputs import ConnectorInputs
from pulumi_openconnectors.resources.connector.operations import outputs
from pulumi_openconnectors.resources.connector.spec import SPEC

from ..registered import registered

CONFIGURATION = [
    {"key": "base.url", "defaultValue": "https://api.acme.test"},
    {"key": "username", "required": True},
]
RESOURCES = [
    {
        "path": "/hubs/crm/contacts",
        "method": "GET",
        "vendorPath": "/contacts",
        "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
    }
]
INPUTS: dict[str, Any] = {
    "key": "acme",
    "name": "Acme",
    "authentication": {"type": "basic"},
    "configuration": CONFIGURATION,
    "resources": RESOURCES,
}


def answered(**changes: Any) -> dict[str, Any]:
    """An element as the platform answers it (the documents' answer of POST /elements)."""
    return {
        "id": 100001,
        "private": True,
        "createdDate": "2026-12-02T10:00:00Z",
        "updatedDate": "2026-12-02T10:00:00Z",
        "hookName": "",
        "image": "",
        "active": True,
        "deleted": False,
        "typeOauth": False,
        "trialAccount": False,
        "extended": False,
        "protocolType": "http",
        "parameters": [],
        "hooks": [],
        "hub": "general",
        "description": "",
        "key": "acme",
        "name": "Acme",
        "authentication": {"type": "basic"},
        "configuration": [
            {**entry, "id": 7 + n, "name": entry["key"], "internal": False, "active": True}
            for n, entry in enumerate(CONFIGURATION)
        ],
        "resources": [
            {
                **RESOURCES[0],
                "id": 352,
                "type": "api",
                "createdDate": "2026-12-02T10:00:00Z",
                "parameters": [
                    {
                        **RESOURCES[0]["parameters"][0],
                        "id": 511,
                        "resourceId": 352,
                        "source": "request",
                        "createdDate": "2026-12-02T10:00:00Z",
                    }
                ],
            }
        ],
        **changes,
    }


def test_what_the_server_adds_is_no_drift() -> None:
    desired = ConnectorInputs.model_validate(INPUTS)
    out = outputs(desired, PrivateElement.model_validate(answered()))
    assert out["connector_id"] == 100001 and out["key"] == "acme"
    assert out["configuration"] == CONFIGURATION
    assert out["resources"] == RESOURCES
    assert out["extra"] == {}
    assert out["hub"] == "general"  # not managed when unset: shown, never compared
    assert SPEC.diff(out, dict(desired)) == ([], [])


def test_a_change_out_of_band_is_drift() -> None:
    desired = ConnectorInputs.model_validate(INPUTS)
    changed = answered(name="Renamed", image="new.png")
    changed["configuration"][1]["required"] = False
    out = outputs(desired, PrivateElement.model_validate(changed))
    assert out["name"] == "Renamed"
    assert out["extra"] == {}  # image: the server's to fill in, unless the program sets it
    assert out["configuration"][1] == {"key": "username", "required": False}
    assert SPEC.diff(out, dict(desired)) == ([], ["name", "configuration"])


def test_from_file_of_an_export_drops_every_server_key(tmp_path: Path) -> None:
    exported = answered(image="acme.png")
    path = tmp_path / "element.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    resource = registered(lambda: Connector.from_file(path))
    assert resource.name == "acme"
    inputs = resource.inputs
    assert inputs["key"] == "acme" and inputs["authentication"] == {"type": "basic"}
    assert all("id" not in entry for entry in inputs["configuration"])
    resource_in = inputs["resources"][0]
    assert "id" not in resource_in and "createdDate" not in resource_in
    assert all(not {"id", "resourceId", "createdDate"} & set(p) for p in resource_in["parameters"])
    assert "id" not in inputs["extra"] and "private" not in inputs["extra"]
    assert inputs["extra"]["image"] == "acme.png"


def test_from_file_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "element.json"
    path.write_text(json.dumps([answered()]), encoding="utf-8")  # an export in a list of one
    resource = registered(lambda: Connector.from_file(path, "mine", key="acme-test"))
    assert resource.name == "mine" and resource.inputs["key"] == "acme-test"
