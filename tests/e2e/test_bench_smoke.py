"""The bounded smoke part of `make bench`: one run of the benchmark on a tiny size at the
default concurrency, both paths (the dynamic one and the plugin, each against its floor), and
its API-call accounting, for ConnectorInstance and for the document types (Formula,
FormulaInstance, CommonResource, Transformation, Connector, VirtualDataResource). No timing is
asserted (speed is measured by `make bench`); that a wider openconnectors:concurrency puts more
calls in flight is checked by tests/e2e/test_concurrency.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import REPO

OPS = {"up", "preview", "update", "refresh", "destroy"}

# The calls each operation makes per resource of a document type, one on each route (a no-op
# preview: none). One call, except where the operation needs two by design: an update that
# is a replacing PUT of a type with unmanaged fields reads first (GET + PUT, to keep them); a
# VDR's create posts the definition (a taken name answers 409: a create never takes over a VDR
# of the same name, and a lost answer is found) and then imports the transformations, and its
# delete is one DELETE of the id kept in state; a connector extension lists the organization's
# resources of the connector before it posts, puts or deletes one.
TYPE_CALLS: dict[str, dict[str, set[str]]] = {
    "Formula": {
        "up": {"POST /formulas"},
        "update": {"GET /formulas/{id}", "PUT /formulas/{id}"},
        "refresh": {"GET /formulas/{id}"},
        "destroy": {"DELETE /formulas/{id}"},
    },
    "FormulaInstance": {
        "up": {"POST /formulas/{id}/instances"},
        "update": {
            "GET /formulas/{id}/instances/{instanceId}",
            "PUT /formulas/{id}/instances/{instanceId}",
        },
        "refresh": {"GET /formulas/{id}/instances/{instanceId}"},
        "destroy": {"DELETE /formulas/{id}/instances/{instanceId}"},
    },
    "CommonResource": {
        op: {f"{verb} /organizations/objects/{{objectName}}/definitions"}
        for op, verb in [
            ("up", "POST"),
            ("update", "PUT"),
            ("refresh", "GET"),
            ("destroy", "DELETE"),
        ]
    },
    "Transformation": {
        "up": {"POST /organizations/elements/{keyOrId}/transformations/{objectName}"},
        "update": {
            "GET /organizations/elements/{keyOrId}/transformations/{objectName}",
            "PUT /organizations/elements/{keyOrId}/transformations/{objectName}",
        },
        "refresh": {"GET /organizations/elements/{keyOrId}/transformations/{objectName}"},
        "destroy": {"DELETE /organizations/elements/{keyOrId}/transformations/{objectName}"},
    },
    "Connector": {
        "up": {"POST /elements"},
        "update": {"PUT /elements/{keyOrId}"},  # the program sets hub and description
        "refresh": {"GET /elements/{keyOrId}"},
        "destroy": {"DELETE /elements/{keyOrId}"},
    },
    "ConnectorExtension": {
        "up": {"GET /elements/{keyOrId}/resources", "POST /elements/{keyOrId}/resources"},
        "update": {"GET /elements/{keyOrId}/resources", "PUT /elements/{keyOrId}/resources/{id}"},
        "refresh": {"GET /elements/{keyOrId}/resources"},
        "destroy": {
            "GET /elements/{keyOrId}/resources",
            "DELETE /elements/{keyOrId}/resources/{id}",
        },
    },
    "VirtualDataResource": {
        "up": {"POST /vdrs", "PUT /vdrs/import"},
        "update": {"PUT /vdrs/import"},
        "refresh": {"GET /vdrs/{objectName}/export"},
        "destroy": {"DELETE /vdrs/{id}"},
    },
}

ROUTES = [
    ("up", "POST /instances"),
    ("update", "PATCH /instances/{id}"),
    ("refresh", "GET /instances/{id}"),
    ("destroy", "DELETE /instances/{id}"),
]

pytestmark = pytest.mark.e2e


def run_script(name: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """``scripts/<name> <args>`` with this Python, its output captured (at most 10 minutes)."""
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / name), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_bench_runs_both_paths_and_counts_one_call_per_resource_and_operation(
    tmp_path: Path,
) -> None:
    out = tmp_path / "bench"
    result = run_script(
        "bench_deploy.py",
        [
            "--path",
            "both",
            "--sizes",
            "4",
            "--latencies",
            "200",
            "--concurrency",
            "4",
            "--pairs",
            "",
            "--types-n",
            "2",
            "--out",
            str(out),
            "--max-minutes",
            "8",
        ],
    )
    assert result.returncode == 0, f"bench_deploy.py exited {result.returncode}:\n" + (
        result.stdout[-3000:] + result.stderr[-5000:]
    )
    report = json.loads((out / "deploy.json").read_text())
    assert report["aborted"] is None
    kinds = {op["kind"] for op in report["raw_ops"]}
    assert kinds == {"ours", "floor", "plugin", "plugin-floor"}, kinds

    # the dynamic path: one call per resource and operation, at most the host's 4 in flight
    rows = {row["op"]: row for row in report["summary"]}
    assert set(rows) == OPS
    for op, route in ROUTES:
        assert rows[op]["requests_by_route"] == {route: 1.0}, (op, rows[op])
        assert rows[op]["peak_in_flight"] <= 4, (op, rows[op])
    assert rows["preview"]["requests_per_resource"] == 0
    for row in report["summary"]:
        assert row["ours_s"] > 0 and row["floor_s"] > 0 and row["ours_over_floor"] > 0
    ours_state = [s for s in report["state"] if s["kind"] == "ours"]
    assert ours_state and ours_state[0]["provider_b64_chars"] < 400, "provider pickled by reference"
    # The floor's provider (scripts/bench/bench_noop.py, on PYTHONPATH) too: the provider process
    # imported it by reference, and the floor ran.
    floor_state = [s for s in report["state"] if s["kind"] == "floor"]
    assert floor_state and floor_state[0]["provider_b64_chars"] < 400
    assert (out / "deploy.csv").exists()

    # The document types of issues #11, #20 and #22: one call per resource per operation too
    # (two where TYPE_CALLS says why), each on its own route, exactly N = 2 of each; none for a
    # no-op preview
    types = report["types"]
    assert {(t["type"], t["op"]) for t in types} == {
        (kind, op) for kind in TYPE_CALLS for op in OPS
    }
    for row in types:
        expected = TYPE_CALLS[row["type"]].get(row["op"], set())
        assert row["requests"] == dict.fromkeys(expected, 2), row
        assert row["per_resource"] == len(expected) and row["ok"], row
    markdown = (out / "deploy.md").read_text()
    assert "document types" in markdown
    assert "Formula update: 2 calls" in markdown
    assert "Connector up: 2 calls" not in markdown and "Connector destroy: 2 calls" not in markdown
    assert "VirtualDataResource destroy: 2 calls" not in markdown
    assert "VirtualDataResource up: 2 calls" in markdown

    # the plugin path, next to the dynamic one in the same run, against its no-op plugin floor
    plugin = report["plugin"]
    rows = {row["op"]: row for row in plugin["summary"]}
    assert set(rows) == OPS
    for op, route in ROUTES:
        assert rows[op]["requests_by_route"] == {route: 1.0}, (op, rows[op])
        assert rows[op]["calls_target_met"], rows[op]
    assert rows["preview"]["requests_per_resource"] == 0
    for row in plugin["summary"]:
        assert row["ours_s"] > 0 and row["floor_s"] > 0, row
    states = {s["kind"]: s for s in plugin["state"]}
    assert set(states) == {"plugin", "plugin-floor"}
    assert states["plugin"]["provider_b64_chars"] == 0, "no pickled provider on the plugin path"
    assert states["plugin"]["over_floor_per_instance"] is not None
    assert {r["op"] for r in plugin["vs_dynamic"]} == {"up", "update", "refresh", "destroy"}
    for r in plugin["vs_dynamic"]:
        assert r["dynamic_s"] > 0 and r["plugin_s"] > 0 and r["speedup"] > 0, r
    assert "Plugin path" in markdown and "against the dynamic path" in markdown


def test_bench_sigint_times_both_ways_of_starting_pulumi(tmp_path: Path) -> None:
    """The bounded smoke part of `make bench-sigint`: one round, one resource; it reports a
    preview started with SIGINT at its default and one started with SIGINT ignored, and their
    ratio (what the ratio is, is measured by `make bench-sigint`, not asserted)."""
    out = tmp_path / "results"
    result = run_script("bench_sigint.py", ["--rounds", "1", "--resources", "1", "--out", str(out)])
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads((out / "sigint.json").read_text())
    assert figures["resources"] == 1
    assert {mode: len(s) for mode, s in figures["seconds"].items()} == {
        "default": 1,
        "ignored": 1,
    }
    assert all(s > 0 for seconds in figures["seconds"].values() for s in seconds)
    assert "ratio ignored / default (medians):" in result.stdout
    assert (out / "sigint.md").read_text().strip() == result.stdout.strip()


def test_bench_package_cost_compares_a_ref_with_the_working_tree(tmp_path: Path) -> None:
    """The bounded smoke part of `make bench-package`: one round, one instance, HEAD as the
    baseline; every operation measured for both packages (how they compare is measured by
    `make bench-package`, not asserted)."""
    out = tmp_path / "results"
    result = run_script(
        "bench_package_cost.py",
        ["--ref", "HEAD", "--rounds", "1", "--instances", "1", "--out", str(out)],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((out / "package-cost.json").read_text())
    assert set(report["cpu_s"]) == {report["ref"], "working tree"}
    for seconds in report["cpu_s"].values():
        assert list(seconds) == [
            "up (create)",
            "preview (no change)",
            "refresh",
            "up (update)",
            "destroy",
        ]
        assert all(len(values) == 1 and values[0] > 0 for values in seconds.values())
    assert "| all five |" in result.stdout
    assert (out / "package-cost.md").read_text().strip() == result.stdout.strip()
