"""An account's own resources on a catalog element (an extended connector): add, list, read,
replace, delete; the catalog's resources stay read only; the element shows as extended; its
export (`extendedOnly=true`: the account's resources alone); one organization's resources
hidden from another; a custom connector is not extended this way."""

from __future__ import annotations

from typing import Any

from pulumi_openconnectors.emulator import EmulatorServer

from .conftest import OTHER
from .helpers import assert_error, call, ok

RESOURCES = "/elements/{}/resources"


def resource(path: str = "/hubs/crm/expenses", method: str = "GET", **extra: Any) -> dict[str, Any]:
    return {
        "path": path,
        "method": method,
        "vendorPath": "/expenses",
        "vendorMethod": "GET",
        **extra,
    }


def own(emulator: EmulatorServer, key: str = "closeio") -> list[dict[str, Any]]:
    listed = ok(call(emulator, "GET", RESOURCES.format(key)))
    return [r for r in listed if r["ownerAccountId"] != 1]


def test_the_catalog_resources_are_listed_and_read_only(emulator: EmulatorServer) -> None:
    listed = ok(call(emulator, "GET", RESOURCES.format("closeio")))
    assert listed and all(r["ownerAccountId"] == 1 and r["elementId"] == 4032 for r in listed)
    first = listed[0]
    assert ok(call(emulator, "GET", RESOURCES.format("closeio") + f"/{first['id']}")) == first
    assert_error(
        call(emulator, "PUT", RESOURCES.format("closeio") + f"/{first['id']}", resource()),
        403,
        "catalog",
    )
    assert_error(
        call(emulator, "DELETE", RESOURCES.format("closeio") + f"/{first['id']}"), 403, "catalog"
    )
    element = ok(call(emulator, "GET", "/elements/closeio"))
    assert element["extended"] is False
    assert_error(call(emulator, "GET", "/elements/closeio/export"), 404)


def test_add_replace_delete_and_the_element_shows_extended(emulator: EmulatorServer) -> None:
    created = ok(
        call(
            emulator,
            "POST",
            RESOURCES.format("closeio"),
            resource(parameters=[{"name": "id", "vendorName": "id", "type": "path"}]),
        )
    )
    assert created["ownerAccountId"] not in (None, 1) and created["elementId"] == 4032
    assert created["type"] == "api" and created["parameters"][0]["resourceId"] == created["id"]
    one = RESOURCES.format("closeio") + f"/{created['id']}"
    assert ok(call(emulator, "GET", one)) == created
    # by id too, as the-doctor calls it
    assert own(emulator, "4032") == [created]
    assert_error(call(emulator, "POST", RESOURCES.format("closeio"), resource()), 409, "GET")
    # the account's version of a catalog call is allowed
    catalog_path = ok(call(emulator, "GET", RESOURCES.format("closeio")))[0]["path"]
    second = ok(call(emulator, "POST", RESOURCES.format("closeio"), resource(catalog_path)))

    element = ok(call(emulator, "GET", "/elements/closeio"))
    assert element["extended"] is True
    assert [r["id"] for r in element["resources"] if r["ownerAccountId"] != 1] == [
        created["id"],
        second["id"],
    ]
    listed = ok(call(emulator, "GET", "/elements", where="extended='true'"))
    assert [e["key"] for e in listed] == ["closeio"]
    exported = ok(call(emulator, "GET", "/elements/4032/export", extendedOnly="true"))
    assert exported["key"] == "closeio" and exported["extended"] is True
    assert [r["id"] for r in exported["resources"]] == [created["id"], second["id"]]
    everything = ok(call(emulator, "GET", "/elements/4032/export"))
    assert len(everything["resources"]) > 2

    replaced = ok(call(emulator, "PUT", one, resource(description="Search expenses")))
    assert replaced["description"] == "Search expenses" and replaced["id"] == created["id"]
    assert replaced["createdDate"] == created["createdDate"]
    assert_error(call(emulator, "PUT", one, resource(catalog_path)), 409)
    assert_error(call(emulator, "PUT", one, {"path": "expenses", "method": "GET"}), 400, "path")
    assert ok(call(emulator, "DELETE", one)) == {}
    assert_error(call(emulator, "GET", one), 404)
    assert ok(call(emulator, "DELETE", RESOURCES.format("closeio") + f"/{second['id']}")) == {}
    assert own(emulator) == []
    assert ok(call(emulator, "GET", "/elements/closeio"))["extended"] is False
    assert ok(call(emulator, "GET", "/elements", where="extended='true'")) == []


def test_a_bad_body_names_the_field(emulator: EmulatorServer) -> None:
    where = RESOURCES.format("closeio")
    assert_error(call(emulator, "POST", where, {"method": "GET"}), 400, "path")
    assert_error(call(emulator, "POST", where, {"path": "/x", "method": "FETCH"}), 400, "method")
    assert_error(
        call(emulator, "POST", where, {"path": "/x", "method": "GET", "parameters": [1]}),
        400,
        "parameters[0]",
    )
    assert_error(call(emulator, "POST", RESOURCES.format("nothing"), resource()), 404)


def test_a_custom_connector_is_not_extended_this_way(emulator: EmulatorServer) -> None:
    element = {"key": "mine", "name": "Mine", "authentication": {"type": "basic"}}
    ok(call(emulator, "POST", "/elements", element))
    assert_error(call(emulator, "POST", RESOURCES.format("mine"), resource()), 404, "custom")
    assert_error(call(emulator, "GET", RESOURCES.format("mine")), 404, "custom")


def test_one_organization_does_not_see_another_s_resources(
    two_org_emulator: EmulatorServer,
) -> None:
    emulator = two_org_emulator
    created = ok(call(emulator, "POST", RESOURCES.format("closeio"), resource()))
    one = RESOURCES.format("closeio") + f"/{created['id']}"
    assert own(emulator) == [created]
    theirs = ok(call(emulator, "GET", RESOURCES.format("closeio"), headers=OTHER))
    assert all(r["ownerAccountId"] == 1 for r in theirs)
    assert_error(call(emulator, "GET", one, headers=OTHER), 404)
    assert_error(call(emulator, "DELETE", one, headers=OTHER), 404)
    assert ok(call(emulator, "GET", "/elements/closeio", headers=OTHER))["extended"] is False
    # the same call added by the other organization is its own
    ok(call(emulator, "POST", RESOURCES.format("closeio"), resource(), headers=OTHER))
