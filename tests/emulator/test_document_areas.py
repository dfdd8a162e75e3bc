"""Formulas, formula instances, object definitions, transformations: organization isolation,
persistence across a restart, admin reset/stats and fault injection (shared machinery)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .conftest import OTHER
from .helpers import (
    assert_error,
    call,
    closeio_body,
    contact_transformation,
    create,
    define,
    ok,
    simple_formula,
)


def populate(emu: EmulatorServer) -> dict[str, Any]:
    """One object of every area; returns their paths and bodies."""
    crm = create(emu, closeio_body())["id"]
    formula = ok(call(emu, "POST", "/formulas", simple_formula()))
    fid = formula["id"]
    fi = ok(
        call(
            emu,
            "POST",
            f"/formulas/{fid}/instances",
            {"name": "i", "configuration": {"crm.instance": crm}},
        )
    )
    definition = define(emu)
    org_t = ok(
        call(
            emu,
            "POST",
            "/organizations/elements/closeio/transformations/contact",
            contact_transformation(),
        )
    )
    inst_t = ok(
        call(emu, "POST", f"/instances/{crm}/transformations/contact", contact_transformation())
    )
    return {
        f"/formulas/{fid}": formula,
        f"/formulas/{fid}/instances/{fi['id']}": fi,
        "/organizations/objects/contact/definitions": definition,
        "/organizations/elements/closeio/transformations/contact": org_t,
        f"/instances/{crm}/transformations/contact": inst_t,
    }


def test_another_organization_sees_none_of_it(two_org_emulator: EmulatorServer) -> None:
    emu = two_org_emulator
    made = populate(emu)
    for path in made:
        for method in ("GET", "PUT", "DELETE"):
            answer = call(emu, method, path, {"name": "x", "fields": [], "vendorName": "x"}, OTHER)
            assert_error(answer, 404)
    fid = next(p for p in made if p.count("/") == 2).rsplit("/", 1)[1]
    assert_error(call(emu, "PATCH", f"/formulas/{fid}", {"name": "x"}, OTHER), 404)
    body = {"name": "x", "configuration": {}}
    assert_error(call(emu, "POST", f"/formulas/{fid}/instances", body, OTHER), 404)
    for empty in (
        "/formulas",
        "/organizations/objects/definitions",
        "/organizations/elements/closeio/transformations",
    ):
        assert_error(call(emu, "GET", empty, headers=OTHER), 404, "No ")
    assert ok(call(emu, "GET", "/formulas/instances", headers=OTHER)) == []
    # the other organization may use the same names
    ok(call(emu, "POST", "/organizations/objects/contact/definitions", {"fields": []}, OTHER))
    for path, body in made.items():
        assert ok(call(emu, "GET", path)) == body, path


def test_everything_survives_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "emulator.sqlite")
    with EmulatorServer(db=db) as first:
        made = populate(first)
        last_formula = ok(call(first, "POST", "/formulas", {"name": "last"}))["id"]
    with EmulatorServer(db=db) as second:
        for path, body in made.items():
            assert ok(call(second, "GET", path)) == body, path
        assert ok(call(second, "POST", "/formulas", {"name": "next"}))["id"] > last_formula
        stats = second.admin.stats()
        assert (stats["formulas"], stats["formulaInstances"]) == (3, 1)
        assert (stats["objectDefinitions"], stats["transformations"]) == (1, 2)


def test_reset_empties_every_area_and_ids_keep_counting(emulator: EmulatorServer) -> None:
    made = populate(emulator)
    old_fid = int(next(p for p in made if p.count("/") == 2).rsplit("/", 1)[1])
    emulator.admin.reset()
    stats = emulator.admin.stats()
    assert all(
        stats[k] == 0
        for k in (
            "formulas",
            "formulaInstances",
            "objectDefinitions",
            "transformations",
            "instances",
        )
    )
    for path in made:
        assert_error(call(emulator, "GET", path), 404)
    assert ok(call(emulator, "POST", "/formulas", {"name": "x"}))["id"] > old_fid


def test_stats_count_requests_by_route_template(emulator: EmulatorServer) -> None:
    populate(emulator)
    requests_made = emulator.admin.stats()["requests"]
    assert requests_made["POST /formulas"] == 1
    assert requests_made["POST /formulas/{id}/instances"] == 1
    assert requests_made["POST /organizations/objects/{objectName}/definitions"] == 1
    assert requests_made["POST /organizations/elements/{keyOrId}/transformations/{objectName}"] == 1
    assert requests_made["POST /instances/{id}/transformations/{objectName}"] == 1


@pytest.mark.parametrize(
    ("method", "path", "template"),
    [
        ("POST", "/formulas", "/formulas"),
        ("GET", "/formulas/instances", "/formulas/instances"),
        ("GET", "/organizations/objects/definitions", "/organizations/objects/definitions"),
    ],
)
def test_faults_apply_to_the_new_routes(
    emulator: EmulatorServer, method: str, path: str, template: str
) -> None:
    emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": method,
                    "path": template,
                    "action": "status",
                    "status": 503,
                    "retryAfter": 2,
                    "count": 1,
                }
            ]
        }
    )
    answer = call(emulator, method, path, {"name": "x"} if method == "POST" else None)
    assert_error(answer, 503)
    assert answer.headers["Retry-After"] == "2"
    assert emulator.admin.stats()["faultsFired"] == [1]
    emulator.admin.set_faults(
        {"rules": [{"method": method, "path": template, "action": "drop", "count": 1}]}
    )
    with pytest.raises(requests.ConnectionError):
        call(emulator, method, path, {"name": "x"} if method == "POST" else None)
    assert emulator.admin.stats()["formulas"] == 0
