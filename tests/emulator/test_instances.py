"""Instances: create, read, list, update, delete and every validation rule."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, brighttalk_body, closeio_body, create

INSTANCE_FIELDS = {
    "id",
    "name",
    "createdDate",
    "token",
    "element",
    "elementId",
    "tags",
    "provisionInteractions",
    "valid",
    "disabled",
    "maxCacheSize",
    "cacheTimeToLive",
    "configuration",
    "eventsEnabled",
    "traceLoggingEnabled",
    "cachingEnabled",
    "externalAuthentication",
    "user",
}


def url(emu: EmulatorServer, path: str) -> str:
    return emu.base_url + path


def test_create_returns_documented_shape(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    assert set(instance) == INSTANCE_FIELDS
    assert isinstance(instance["id"], int) and instance["id"] >= 100001
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", instance["createdDate"])
    assert len(instance["token"]) == 44
    assert len(base64.b64decode(instance["token"])) == 32
    assert instance["element"]["key"] == "closeio"
    assert instance["elementId"] == instance["element"]["id"] == 4032
    assert instance["tags"] == ["t1"]
    assert instance["configuration"] == {"username": "ada", "password": "********"}
    assert instance["valid"] is True and instance["disabled"] is False
    assert instance["externalAuthentication"] == "none"
    assert isinstance(instance["user"]["id"], int)
    assert instance["provisionInteractions"] == []
    assert "pw-closeio" not in str(instance)


def test_objects_returned_when_asked(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body(retrieveObjectsAfterInstantiation=True))
    objects = instance["objects"]
    assert {o["type"] for o in objects} == {"vdr", "ceCanonical", "vendor"}
    assert all(set(o) == {"name", "vendorName", "type"} for o in objects)
    vendor = next(o for o in objects if o["type"] == "vendor")
    assert vendor["name"] == vendor["vendorName"]
    again = requests.get(url(emulator, f"/instances/{instance['id']}"), headers=auth(emulator))
    assert again.json()["objects"] == objects
    plain = create(emulator, closeio_body("no objects", retrieveObjectsAfterInstantiation=False))
    assert "objects" not in plain


def test_create_via_element_path_and_by_id(emulator: EmulatorServer) -> None:
    body = closeio_body()
    del body["element"]
    r = requests.post(
        url(emulator, "/elements/closeio/instances"), json=body, headers=auth(emulator), timeout=5
    )
    assert r.status_code == 200, r.text
    assert r.json()["element"]["key"] == "closeio"
    r = requests.post(
        url(emulator, "/elements/4032/instances"), json=body, headers=auth(emulator), timeout=5
    )
    assert r.status_code == 200
    by_id = dict(brighttalk_body(), element={"id": 50})
    instance = create(emulator, by_id)
    assert instance["element"]["key"] == "brighttalk"
    assert instance["configuration"]["brighttalk.api.secret"] == "********"
    assert instance["configuration"]["brighttalk.api.key"] == "k"


def test_element_path_unknown_or_mismatched(emulator: EmulatorServer) -> None:
    r = requests.post(
        url(emulator, "/elements/nope/instances"), json=closeio_body(), headers=auth(emulator)
    )
    assert_error(r, 404, "element")
    r = requests.post(
        url(emulator, "/elements/brighttalk/instances"), json=closeio_body(), headers=auth(emulator)
    )
    assert_error(r, 400, "element")


LONG = "x" * 256


@pytest.mark.parametrize(
    ("change", "status", "word"),
    [
        ({"element": None}, 400, "element"),
        ({"element": {}}, 400, "element"),
        ({"element": "closeio"}, 400, "element"),
        ({"element": {"key": 5}}, 400, "element.key"),
        ({"element": {"id": "4032"}}, 400, "element.id"),
        ({"element": {"key": "closeio", "id": 1}}, 400, "element"),
        ({"element": {"key": "nope"}}, 404, "element"),
        ({"element": {"id": 424242}}, 404, "element"),
        ({"name": None}, 400, "name"),
        ({"name": ""}, 400, "name"),
        ({"name": "   "}, 400, "name"),
        ({"name": 12}, 400, "name"),
        ({"name": LONG}, 400, "255"),
        ({"tags": "a"}, 400, "tags"),
        ({"tags": [1, 2]}, 400, "tags"),
        ({"tags": {"a": "b"}}, 400, "tags"),
        ({"configuration": []}, 400, "configuration"),
        ({"configuration": {"username": "u", "password": 5}}, 400, "configuration"),
        ({"configuration": {"username": "u"}}, 400, "password"),
        ({"configuration": {"username": "", "password": "p"}}, 400, "username"),
        ({"configuration": None}, 400, "username"),
        ({"retrieveObjectsAfterInstantiation": "yes"}, 400, "retrieveObjects"),
        ({"disabled": "no"}, 400, "disabled"),
    ],
)
def test_create_validation(
    emulator: EmulatorServer, change: dict[str, Any], status: int, word: str
) -> None:
    body = closeio_body()
    for key, value in change.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    r = requests.post(url(emulator, "/instances"), json=body, headers=auth(emulator), timeout=5)
    assert_error(r, status, word)
    assert emulator.admin.stats()["instances"] == 0


def test_name_of_255_characters_is_fine(emulator: EmulatorServer) -> None:
    assert create(emulator, closeio_body("y" * 255))["name"] == "y" * 255


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "not json", "headers": {"Content-Type": "application/json"}}, 415),
        ({"data": "name=x", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 415),
        ({"data": '{"name": "x"}', "headers": {"Content-Type": "text/plain"}}, 415),
        ({"json": ["a", "list"]}, 400),
        ({"json": "a string"}, 400),
        ({}, 400),
    ],
)
def test_body_must_be_a_json_object(
    emulator: EmulatorServer, kwargs: dict[str, Any], status: int
) -> None:
    headers = {**auth(emulator), **kwargs.pop("headers", {})}
    r = requests.post(url(emulator, "/instances"), headers=headers, timeout=TIMEOUT, **kwargs)
    assert_error(r, status)


def test_get_list_and_tag_filter(emulator: EmulatorServer) -> None:
    a = create(emulator, closeio_body("a", tags=["red", "big"]))
    b = create(emulator, closeio_body("b", tags=["red"]))
    c = create(emulator, closeio_body("c", tags=[]))
    got = requests.get(url(emulator, f"/instances/{a['id']}"), headers=auth(emulator)).json()
    assert got == a
    listed = requests.get(url(emulator, "/instances"), headers=auth(emulator)).json()
    assert [i["id"] for i in listed] == [a["id"], b["id"], c["id"]]
    assert all(i["token"] for i in listed)

    def ids(*tags: str) -> list[int]:
        r = requests.get(
            url(emulator, "/instances"),
            params=[("tags[]", t) for t in tags],
            headers=auth(emulator),
            timeout=TIMEOUT,
        )
        if r.status_code == 404:
            assert_error(r, 404)
            assert r.json()["message"] == "No instances found"
            return []
        assert r.status_code == 200
        return [i["id"] for i in r.json()]

    assert ids("red") == [a["id"], b["id"]]
    assert ids("red", "big") == [a["id"]]
    assert ids("big", "missing") == []  # answered 404 "No instances found"
    assert ids() == [a["id"], b["id"], c["id"]]


def test_patch_merges_configuration(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body(tags=["a", "b"]))
    iid = instance["id"]
    r = requests.patch(
        url(emulator, f"/instances/{iid}"),
        json={"configuration": {"username": "grace", "extra.setting": "on"}},
        headers=auth(emulator),
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    patched = r.json()
    assert patched["configuration"] == {
        "username": "grace",
        "password": "********",
        "extra.setting": "on",
    }
    assert patched["name"] == instance["name"] and patched["tags"] == ["a", "b"]
    r = requests.patch(
        url(emulator, f"/instances/{iid}"),
        json={"name": "renamed", "tags": ["c"], "disabled": True},
        headers=auth(emulator),
    )
    assert r.json()["name"] == "renamed"
    assert r.json()["tags"] == ["c"]
    assert r.json()["disabled"] is True
    assert r.json()["configuration"]["username"] == "grace"
    assert r.json()["token"] == instance["token"]
    assert r.json()["createdDate"] == instance["createdDate"]


def test_put_replaces(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body(tags=["a", "b"]))
    iid = instance["id"]
    r = requests.put(
        url(emulator, f"/instances/{iid}"),
        json={
            "element": {"key": "closeio"},
            "name": "replaced",
            "configuration": {"username": "new", "password": "new-pw"},
        },
        headers=auth(emulator),
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    assert r.json()["configuration"] == {"username": "new", "password": "********"}
    assert r.json()["tags"] == []
    assert r.json()["name"] == "replaced"
    assert r.json()["disabled"] is False
    assert r.json()["id"] == iid


@pytest.mark.parametrize(
    ("method", "body", "word"),
    [
        ("PUT", {"name": "x"}, "configuration"),
        ("PUT", {"configuration": {"username": "u", "password": "p"}}, "name"),
        ("PUT", {"name": "x", "element": {"key": "brighttalk"}}, "element"),
        ("PATCH", {"element": {"key": "sfdc"}}, "element"),
        ("PATCH", {"name": ""}, "name"),
        ("PATCH", {"name": "x" * 256}, "name"),
        ("PATCH", {"tags": "t"}, "tags"),
        ("PATCH", {"configuration": {"password": ""}}, "password"),
        ("PATCH", {"configuration": {"password": 1}}, "configuration"),
        ("PATCH", {"disabled": "yes"}, "disabled"),
    ],
)
def test_update_validation(
    emulator: EmulatorServer, method: str, body: dict[str, Any], word: str
) -> None:
    instance = create(emulator, closeio_body())
    r = requests.request(
        method, url(emulator, f"/instances/{instance['id']}"), json=body, headers=auth(emulator)
    )
    assert_error(r, 400, word)
    unchanged = requests.get(url(emulator, f"/instances/{instance['id']}"), headers=auth(emulator))
    assert unchanged.json() == instance


def test_update_non_json_is_415(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    r = requests.patch(
        url(emulator, f"/instances/{instance['id']}"),
        data="{{",
        headers={**auth(emulator), "Content-Type": "application/json"},
    )
    assert_error(r, 415)


def test_delete(emulator: EmulatorServer) -> None:
    instance = create(emulator, closeio_body())
    path = url(emulator, f"/instances/{instance['id']}")
    r = requests.delete(path, headers=auth(emulator), timeout=TIMEOUT)
    assert r.status_code == 200
    assert r.json() == {}
    assert_error(requests.get(path, headers=auth(emulator)), 404, "instance")
    assert_error(requests.delete(path, headers=auth(emulator)), 404, "instance")


@pytest.mark.parametrize("method", ["GET", "PATCH", "PUT", "DELETE"])
def test_unknown_instance_is_404(emulator: EmulatorServer, method: str) -> None:
    r = requests.request(
        method, url(emulator, "/instances/99999999"), json={"name": "x"}, headers=auth(emulator)
    )
    assert_error(r, 404, "instance")


def test_non_integer_id_is_400_naming_the_field(emulator: EmulatorServer) -> None:
    r = requests.get(url(emulator, "/instances/abc"), headers=auth(emulator), timeout=TIMEOUT)
    assert_error(r, 400, "id")


def test_unknown_route_and_wrong_method(emulator: EmulatorServer) -> None:
    assert_error(requests.get(url(emulator, "/nothing/here"), headers=auth(emulator)), 404)
    assert_error(requests.get(emulator.root_url + "/elsewhere"), 404)
    r = requests.delete(url(emulator, "/instances"), headers=auth(emulator), timeout=TIMEOUT)
    assert_error(r, 405, "DELETE")
    assert "GET" in r.headers["Allow"] and "POST" in r.headers["Allow"]
    assert_error(requests.patch(url(emulator, "/elements"), headers=auth(emulator)), 405)
