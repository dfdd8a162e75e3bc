"""Private elements (custom connectors) of an account: POST/PUT/DELETE /elements, export, the
catalog listing them, and connector instances of them."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from ..listing import read_list
from .conftest import OTHER
from .helpers import assert_error, auth, call, hub_headers, ok


def element_body(key: str = "acme", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "key": key,
        "name": "Acme CRM",
        "hub": "crm",
        "authentication": {"type": "basic"},
        "configuration": [
            {"key": "base.url", "defaultValue": "https://api.acme.test/v1"},
            {"key": "username", "required": True},
            {"key": "password", "required": True, "type": "PASSWORD"},
        ],
        "resources": [
            {
                "path": "/hubs/crm/contacts",
                "vendorPath": "/contacts",
                "method": "GET",
                "vendorMethod": "GET",
                "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
            }
        ],
    }
    body.update(extra)
    return body


def post(emu: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    created: dict[str, Any] = ok(call(emu, "POST", "/elements", body))
    return created


def test_create_read_replace_export_delete(emulator: EmulatorServer) -> None:
    created = post(emulator, element_body())
    assert created["key"] == "acme" and created["private"] is True
    assert created["id"] > 100000  # above the catalog's ids
    assert created["createdDate"].endswith("Z")
    # the server's ids on configuration entries, resources and their parameters
    assert all("id" in entry for entry in created["configuration"])
    resource = created["resources"][0]
    assert {"id", "createdDate"} <= set(resource)
    assert resource["parameters"][0]["resourceId"] == resource["id"]
    # filled in like the catalog's elements
    assert created["active"] is True and created["extended"] is False
    for key_or_id in ("acme", str(created["id"])):
        assert ok(call(emulator, "GET", f"/elements/{key_or_id}")) == created
        assert ok(call(emulator, "GET", f"/elements/{key_or_id}/export")) == created
    put = ok(call(emulator, "PUT", "/elements/acme", element_body(description="v2")))
    assert put["description"] == "v2" and put["id"] == created["id"]
    assert put["createdDate"] == created["createdDate"]
    assert ok(call(emulator, "GET", "/elements/acme"))["description"] == "v2"
    # a PUT by id, without the key in the body
    by_id = {k: v for k, v in element_body(description="v3").items() if k != "key"}
    assert ok(call(emulator, "PUT", f"/elements/{created['id']}", by_id))["key"] == "acme"
    assert ok(call(emulator, "DELETE", "/elements/acme")) == {}
    for method in ("GET", "PUT", "DELETE"):
        assert_error(call(emulator, method, "/elements/acme", element_body()), 404)
    assert_error(call(emulator, "GET", f"/elements/{created['id']}/export"), 404)


def test_the_key_defaults_to_the_name_as_in_the_documents(emulator: EmulatorServer) -> None:
    body = element_body()
    del body["key"]
    body["name"] = "Twitter Custom"
    assert post(emulator, body)["key"] == "twittercustom"


def test_a_taken_key_is_409_in_the_organization_only(two_org_emulator: EmulatorServer) -> None:
    emu = two_org_emulator
    post(emu, element_body())
    assert_error(call(emu, "POST", "/elements", element_body()), 409, "acme")
    assert_error(call(emu, "POST", "/elements", element_body("closeio")), 409, "closeio")
    # another organization has its own keys, and does not see this one
    r = requests.post(f"{emu.base_url}/elements", json=element_body(), headers=OTHER, timeout=10)
    assert r.status_code == 200, r.text
    other = r.json()
    r = requests.delete(f"{emu.base_url}/elements/{other['id']}", headers=auth(emu), timeout=10)
    assert_error(r, 404)


def test_the_catalog_lists_private_elements_and_where_filters(emulator: EmulatorServer) -> None:
    created = post(emulator, element_body())
    everything = read_list(f"{emulator.base_url}/elements", auth(emulator), [])
    keys = [e["key"] for e in everything]
    assert "acme" in keys and "closeio" in keys
    ids = [e["id"] for e in everything]
    assert ids == sorted(ids)
    private = read_list(
        f"{emulator.base_url}/elements", auth(emulator), [("where", "private='true'")]
    )
    assert [e["key"] for e in private] == ["acme"]
    assert private[0]["configuration"] == created["configuration"]
    some = read_list(
        f"{emulator.base_url}/elements",
        auth(emulator),
        [("where", "extended='false' AND key in ('acme', 'sfdc')")],
    )
    assert sorted(e["key"] for e in some) == ["acme", "sfdc"]
    r = call(emulator, "GET", "/elements", where="key like 'a%'")
    assert_error(r, 400, "where")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": ""}, ["name"]),
        ({"name": None}, ["name"]),
        ({"key": "no spaces"}, ["key"]),
        ({"authentication": None}, ["authentication"]),
        ({"authentication": {"type": ""}}, ["authentication.type"]),
        ({"configuration": [{"name": "x"}]}, ["configuration[0].key"]),
        ({"configuration": [{"key": "a"}, {"key": "a"}]}, ["configuration[1].key", "twice"]),
        ({"configuration": {"key": "a"}}, ["configuration"]),
        ({"resources": [{"path": "contacts", "method": "GET"}]}, ["resources[0].path"]),
        ({"resources": [{"path": "/x", "method": "FETCH"}]}, ["resources[0].method"]),
        ({"hub": 3}, ["hub"]),
    ],
)
def test_invalid_bodies_are_400_naming_the_field(
    emulator: EmulatorServer, change: dict[str, Any], words: list[str]
) -> None:
    body = {**element_body(), **change}
    assert_error(call(emulator, "POST", "/elements", body), 400, *words)
    post(emulator, element_body())
    assert_error(call(emulator, "PUT", "/elements/acme", body), 400, *words)


def test_put_cannot_change_the_key(emulator: EmulatorServer) -> None:
    post(emulator, element_body())
    assert_error(call(emulator, "PUT", "/elements/acme", element_body("other")), 400, "key")


def test_catalog_elements_are_not_private(emulator: EmulatorServer) -> None:
    assert_error(call(emulator, "PUT", "/elements/closeio", element_body("closeio")), 404)
    assert_error(call(emulator, "DELETE", "/elements/closeio"), 404)
    assert_error(call(emulator, "GET", "/elements/closeio/export"), 404)


def test_instances_of_a_private_element(emulator: EmulatorServer) -> None:
    created = post(emulator, element_body())
    configuration = {"username": "ada", "password": "canary-pw"}
    r = call(emulator, "POST", "/elements/acme/instances", {"name": "i1", "configuration": {}})
    assert_error(r, 400, "username", "password")  # required entries without a default
    instance = ok(
        call(
            emulator,
            "POST",
            "/elements/acme/instances",
            {"name": "i1", "configuration": configuration},
        )
    )
    assert instance["element"]["key"] == "acme" and instance["elementId"] == created["id"]
    assert instance["configuration"]["password"] == "********"  # type PASSWORD is masked
    by_ref = ok(
        call(
            emulator,
            "POST",
            "/instances",
            {"name": "i2", "element": {"id": created["id"]}, "configuration": configuration},
        )
    )
    assert by_ref["element"]["key"] == "acme"
    got = ok(call(emulator, "GET", f"/instances/{instance['id']}"))
    assert got["element"]["key"] == "acme"
    patched = ok(call(emulator, "PATCH", f"/instances/{instance['id']}", {"name": "renamed"}))
    assert patched["name"] == "renamed"
    listed = read_list(f"{emulator.base_url}/instances", auth(emulator), [])
    assert {i["element"]["key"] for i in listed} == {"acme"}
    # its hub has no objects in the emulator
    r = requests.get(
        f"{emulator.base_url}/hubs/crm/contacts",
        headers=hub_headers(emulator, instance["token"]),
        timeout=10,
    )
    assert_error(r, 404, "contacts")
    # an element with instances cannot be deleted
    assert_error(call(emulator, "DELETE", "/elements/acme"), 409, "instance")
    for each in (instance, by_ref):
        ok(call(emulator, "DELETE", f"/instances/{each['id']}"))
    assert ok(call(emulator, "DELETE", "/elements/acme")) == {}


def test_transformations_of_a_private_element(emulator: EmulatorServer) -> None:
    """Export reads every element's transformations: a private element has them too."""
    post(emulator, element_body())
    ok(
        call(
            emulator,
            "POST",
            "/organizations/objects/contact/definitions",
            {"fields": [{"path": "id", "type": "string"}]},
        )
    )
    path = "/organizations/elements/acme/transformations"
    assert_error(call(emulator, "GET", path), 404, "No transformations found")
    body = {"vendorName": "contacts", "fields": [{"path": "id", "vendorPath": "Id"}]}
    assert ok(call(emulator, "POST", f"{path}/contact", body))["vendorName"] == "contacts"
    assert list(ok(call(emulator, "GET", path))) == ["contact"]
