"""Formula instances: CRUD under /formulas/{id}/instances, /formulas/instances, the rules."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import assert_error, call, closeio_body, create, ok, simple_formula

FIELDS = {
    "id",
    "name",
    "active",
    "formula",
    "configuration",
    "settings",
    "createdDate",
    "updatedDate",
}


def setup(emu: EmulatorServer) -> tuple[int, int]:
    """A connector instance and a formula using it: (instance id, formula id)."""
    crm = create(emu, closeio_body())["id"]
    fid = ok(call(emu, "POST", "/formulas", simple_formula()))["id"]
    return crm, fid


def post(emu: EmulatorServer, fid: int, body: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = ok(call(emu, "POST", f"/formulas/{fid}/instances", body))
    return result


def test_create_answers_the_documented_shape(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    settings = {"notification.email": "ops@example.com", "formula.instance.time.to.live": 60}
    instance = post(
        emulator,
        fid,
        {"name": "nightly", "configuration": {"crm.instance": crm}, "settings": settings},
    )
    assert set(instance) == FIELDS
    assert isinstance(instance["id"], int)
    assert instance["active"] is True
    assert instance["formula"] == {"id": fid, "name": "sync contacts", "active": True}
    assert instance["configuration"] == {"crm.instance": crm}
    assert instance["settings"] == settings
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", instance["createdDate"])
    assert instance["updatedDate"] == instance["createdDate"]
    got = ok(call(emulator, "GET", f"/formulas/{fid}/instances/{instance['id']}"))
    assert got == instance


def test_string_instance_ids_and_inactive(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    body = {"name": "s", "active": False, "configuration": {"crm.instance": str(crm)}}
    instance = post(emulator, fid, body)
    assert instance["active"] is False
    assert instance["configuration"]["crm.instance"] == str(crm)
    assert instance["settings"] == {}


def _fill(value: Any, crm: int) -> Any:
    """`body` with the placeholder "{crm}" replaced by the instance id (as a string)."""
    if isinstance(value, dict):
        return {k: _fill(v, crm) for k, v in value.items()}
    return str(crm) if value == "{crm}" else value


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"configuration": {"crm.instance": "{crm}"}}, 400, ["name"]),
        ({"name": "", "configuration": {"crm.instance": "{crm}"}}, 400, ["name"]),
        ({"name": "x", "configuration": {}}, 400, ["required variable 'crm.instance'"]),
        ({"name": "x"}, 400, ["crm.instance"]),
        (
            {"name": "x", "configuration": {"crm.instance": "{crm}", "nope": "1"}},
            400,
            ["configuration.nope", "not a variable"],
        ),
        ({"name": "x", "configuration": {"crm.instance": 99999999}}, 400, ["crm.instance"]),
        ({"name": "x", "configuration": {"crm.instance": "abc"}}, 400, ["connector instance"]),
        ({"name": "x", "configuration": {"crm.instance": True}}, 400, ["connector instance"]),
        (
            {"name": "x", "configuration": {"crm.instance": "{crm}", "batch.size": [1]}},
            400,
            ["batch.size"],
        ),
        ({"name": "x", "configuration": "{crm}"}, 400, ["configuration"]),
        ({"name": "x", "configuration": {"crm.instance": "{crm}"}, "active": "y"}, 400, ["active"]),
        (
            {"name": "x", "configuration": {"crm.instance": "{crm}"}, "settings": []},
            400,
            ["settings"],
        ),
    ],
)
def test_validation(
    emulator: EmulatorServer, body: dict[str, Any], status: int, words: list[str]
) -> None:
    crm, fid = setup(emulator)
    answer = call(emulator, "POST", f"/formulas/{fid}/instances", _fill(body, crm))
    assert_error(answer, status, *words)
    assert emulator.admin.stats()["formulaInstances"] == 0


def test_another_organizations_instance_is_refused(two_org_emulator: EmulatorServer) -> None:
    emu = two_org_emulator
    other = {"Authorization": "User other-user, Organization other-org"}
    theirs = ok(call(emu, "POST", "/instances", closeio_body(), headers=other))["id"]
    fid = ok(call(emu, "POST", "/formulas", simple_formula()))["id"]
    answer = call(
        emu,
        "POST",
        f"/formulas/{fid}/instances",
        {"name": "x", "configuration": {"crm.instance": theirs}},
    )
    assert_error(answer, 400, "connector instance of this organization")


def test_unknown_formula_or_instance_is_404(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    body = {"name": "x", "configuration": {"crm.instance": crm}}
    assert_error(call(emulator, "POST", "/formulas/99999999/instances", body), 404, "formula")
    assert_error(call(emulator, "GET", "/formulas/99999999/instances"), 404, "formula")
    iid = post(emulator, fid, body)["id"]
    other = ok(call(emulator, "POST", "/formulas", simple_formula("other")))["id"]
    for method in ("GET", "PUT", "DELETE"):
        answer = call(emulator, method, f"/formulas/{other}/instances/{iid}", body)
        assert_error(answer, 404, str(iid))
        answer = call(emulator, method, f"/formulas/{fid}/instances/99999999", body)
        assert_error(answer, 404)
        big = call(emulator, method, f"/formulas/{fid}/instances/121481625559567337399131308032")
        assert_error(big, 404)


def test_no_patch(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    iid = post(emulator, fid, {"name": "x", "configuration": {"crm.instance": crm}})["id"]
    answer = call(emulator, "PATCH", f"/formulas/{fid}/instances/{iid}", {"name": "y"})
    assert_error(answer, 405)
    assert "PUT" in answer.headers["Allow"]


def test_put_replaces_the_whole_instance(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    first = post(
        emulator,
        fid,
        {
            "name": "x",
            "active": False,
            "configuration": {"crm.instance": crm, "batch.size": "10"},
            "settings": {"api": "GET /things"},
        },
    )
    put = ok(
        call(
            emulator,
            "PUT",
            f"/formulas/{fid}/instances/{first['id']}",
            {"name": "y", "configuration": {"crm.instance": str(crm)}},
        )
    )
    assert put["name"] == "y" and put["active"] is True
    assert put["configuration"] == {"crm.instance": str(crm)} and put["settings"] == {}
    assert put["createdDate"] == first["createdDate"] and put["id"] == first["id"]
    bad = call(emulator, "PUT", f"/formulas/{fid}/instances/{first['id']}", {"name": "z"})
    assert_error(bad, 400, "crm.instance")


def test_lists(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    other_crm = create(emulator, closeio_body("second"))["id"]
    error = assert_error(call(emulator, "GET", f"/formulas/{fid}/instances"), 404)
    assert error["message"] == "No formula instances found"
    assert ok(call(emulator, "GET", "/formulas/instances")) == []
    a = post(emulator, fid, {"name": "a", "configuration": {"crm.instance": crm}})
    b = post(emulator, fid, {"name": "b", "configuration": {"crm.instance": str(other_crm)}})
    listed = call(emulator, "GET", f"/formulas/{fid}/instances")
    assert ok(listed) == [a, b]
    assert listed.headers["Elements-Total-Count"] == "2"
    assert ok(call(emulator, "GET", "/formulas/instances")) == [a, b]
    by_use = ok(call(emulator, "GET", "/formulas/instances", elementInstanceId=str(other_crm)))
    assert by_use == [b]
    assert ok(call(emulator, "GET", "/formulas/instances", elementInstanceId="-1")) == []
    assert ok(call(emulator, "GET", "/formulas/instances", elementInstanceId="x")) == []
    paged = call(emulator, "GET", f"/formulas/{fid}/instances", pageSize=1)
    assert ok(paged) == [a] and "Elements-Next-Page-Token" in paged.headers


def test_formula_changes_show_in_its_instances(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    iid = post(emulator, fid, {"name": "a", "configuration": {"crm.instance": crm}})["id"]
    ok(call(emulator, "PATCH", f"/formulas/{fid}", {"name": "renamed", "active": False}))
    got = ok(call(emulator, "GET", f"/formulas/{fid}/instances/{iid}"))
    assert got["formula"] == {"id": fid, "name": "renamed", "active": False}


def test_a_connector_instance_in_use_cannot_be_deleted(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    iid = post(emulator, fid, {"name": "a", "configuration": {"crm.instance": str(crm)}})["id"]
    error = assert_error(call(emulator, "DELETE", f"/instances/{crm}"), 409)
    assert error["message"] == (
        f"Instance {crm} is used by formula instance {iid} of formula 'sync contacts'; "
        "delete the formula instance first"
    )
    assert ok(call(emulator, "GET", f"/instances/{crm}"))["id"] == crm
    assert ok(call(emulator, "DELETE", f"/formulas/{fid}/instances/{iid}")) == {}
    assert ok(call(emulator, "DELETE", f"/instances/{crm}")) == {}
    assert emulator.admin.stats()["formulaInstances"] == 0


def test_a_put_that_stops_using_an_instance_frees_it(emulator: EmulatorServer) -> None:
    crm, fid = setup(emulator)
    spare = create(emulator, closeio_body("spare"))["id"]
    iid = post(emulator, fid, {"name": "a", "configuration": {"crm.instance": crm}})["id"]
    ok(
        call(
            emulator,
            "PUT",
            f"/formulas/{fid}/instances/{iid}",
            {"name": "a", "configuration": {"crm.instance": spare}},
        )
    )
    assert ok(call(emulator, "DELETE", f"/instances/{crm}")) == {}
    assert_error(call(emulator, "DELETE", f"/instances/{spare}"), 409, str(iid))
