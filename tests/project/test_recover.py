"""`recover`'s reading of the state: pending creates and the resource an adoption records."""

from __future__ import annotations

from pulumi_openconnectors.models.instances import Instance
from pulumi_openconnectors.recover import adopted_resource, pending_creates

TYPE = "pulumi-python:dynamic/openconnectors:ConnectorInstance"
TAG = "pulumi-openconnectors:0123456789abcdef"


def _op(kind: str, name: str, inputs: dict[str, object], type_: str = TYPE) -> dict[str, object]:
    urn = f"urn:pulumi:dev::p::{type_}::{name}"
    return {"type": kind, "resource": {"urn": urn, "type": type_, "custom": True, "inputs": inputs}}


def test_pending_creates_name_their_ownership_tag() -> None:
    deployment = {
        "pending_operations": [
            _op("creating", "crm", {"name": "CRM", "__ownership_tag": TAG}),
            _op("creating", "old", {"name": "Old"}),  # made by a version without the tag
            _op("creating", "bad", {"name": "Bad", "__ownership_tag": "oc-fleet:p/s"}),
            _op("updating", "web", {"name": "Web", "__ownership_tag": TAG}),
            _op("creating", "f", {"__ownership_tag": TAG}, type_="pulumi-python:dynamic/x:Y"),
        ]
    }
    creates = pending_creates(deployment)
    assert [(c.name, c.marker) for c in creates] == [("crm", TAG), ("old", None), ("bad", None)]


def test_an_adopted_instance_becomes_the_pending_resource() -> None:
    (create,) = pending_creates(
        {"pending_operations": [_op("creating", "crm", {"name": "CRM", "__ownership_tag": TAG})]}
    )
    instance = Instance.model_validate({"id": 100042, "name": "CRM", "tags": [TAG]})
    resource = adopted_resource(create, instance)
    assert resource["id"] == "100042"
    assert resource["inputs"] == {"name": "CRM"}
    assert resource["outputs"] == {"name": "CRM", "ownership_tag": TAG, "instance_id": 100042}
    assert resource["urn"].endswith("::crm") and resource["type"] == TYPE
