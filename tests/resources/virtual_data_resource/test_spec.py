"""VirtualDataResource: its spec, its check (the rules name the field) and its document."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.resources.registry import SPECS
from pulumi_openconnectors.resources.virtual_data_resource.operations import (
    VirtualDataResourceOperations,
)
from pulumi_openconnectors.resources.virtual_data_resource.rules import problems

FIELDS = [{"path": "id", "type": "string"}, {"path": "address", "type": "object"}]


def inputs(**extra: Any) -> dict[str, Any]:
    return {
        "name": "myContact",
        "definition": {"fields": FIELDS},
        "transformations": {
            "closeio": {
                "vendorName": "contacts",
                "fields": [
                    {"path": "id", "vendorPath": "id"},
                    {"path": "address.city", "vendorPath": "addresses[0].city"},
                ],
            }
        },
        **extra,
    }


def test_the_type_is_registered() -> None:
    spec = next(s for s in SPECS if s.name == "VirtualDataResource")
    assert spec.id_output == "name"
    assert spec.prop("transformations").api == "transformation"


def test_check_accepts_a_minimal_vdr_and_names_an_unknown_input() -> None:
    model, failures = VirtualDataResourceOperations.validate({"name": "a"})
    assert model is not None and failures == []
    assert model.definition == {"fields": []} and model.vdr_version == "v2"
    _, failures = VirtualDataResourceOperations.validate({"name": "a", "nmae": "b"})
    assert failures and failures[0][0] == "nmae"


def test_the_document_sent_is_the_v2_export_shape() -> None:
    model, _ = VirtualDataResourceOperations.validate(inputs(extra={"description": "d"}))
    assert model is not None
    assert model.document() == {
        "description": "d",
        "vdrName": "myContact",
        "vdrVersion": "v2",
        "definition": {"fields": FIELDS},
        "transformation": inputs()["transformations"],
    }


@pytest.mark.parametrize(
    ("change", "prop", "words"),
    [
        ({"vdr_version": "v1"}, "vdr_version", ["'v2'", "'v1'"]),
        ({"name": "a/b"}, "name", ["letters"]),
        ({"extra": {"vdrName": "x"}}, "extra", ["'vdrName'"]),
        (
            {"definition": {"fields": [{"path": "id"}]}},
            "definition",
            ["definition.fields[0].type is required"],
        ),
        (
            {"definition": {"fields": [*FIELDS, FIELDS[0]]}},
            "definition",
            ["definition.fields[2].path 'id' is declared twice"],
        ),
        (
            {
                "transformations": {
                    "closeio": {"vendorName": "c", "fields": [{"path": "emial", "vendorPath": "e"}]}
                }
            },
            "transformations",
            [
                "transformations['closeio'].fields[0].path 'emial' is not a field of VDR "
                "'myContact' (its fields: id, address)"
            ],
        ),
        (
            {"transformations": {"closeio": {"fields": []}}},
            "transformations",
            ["transformations['closeio'].vendorName is required"],
        ),
        (
            {"transformations": {"closeio": {"vendorName": "c", "fields": [{"path": "id"}]}}},
            "transformations",
            ["transformations['closeio'].fields[0].vendorPath is required"],
        ),
    ],
)
def test_check_names_the_field_that_breaks_a_rule(
    change: dict[str, Any], prop: str, words: list[str]
) -> None:
    model, failures = VirtualDataResourceOperations.validate(inputs(**change))
    assert model is None
    assert failures, change
    assert failures[0][0] == prop
    for word in words:
        assert word in failures[0][1], failures
    assert failures[0][1].startswith(prop)


def test_the_rules_accept_a_document_without_transformations() -> None:
    assert problems({"vdrName": "a", "definition": {"fields": FIELDS}}) == []
    assert problems({"vdrName": "a"}) == []


def test_a_nested_field_is_declared_by_its_parent() -> None:
    document = {
        "vdrName": "a",
        "definition": {"fields": FIELDS},
        "transformation": {
            "sfdc": {
                "vendorName": "Contact",
                "fields": [{"path": "address.zip", "vendorPath": "z"}],
            }
        },
    }
    assert problems(document) == []
