"""The real engine works offline: language host, dynamic-provider host, file backend.

The resource is bench_noop.Noop (scripts/bench/bench_noop.py), a test and benchmark helper that
is not in the package users install: scripts/bench goes on the CLI's PYTHONPATH, and the
dynamic-provider process, which inherits it, imports the provider class by reference."""

from __future__ import annotations

import base64
import subprocess

import pytest

from .harness import NOOP_DIR, Stack

pytestmark = pytest.mark.e2e

PROGRAM = """
import pulumi
from bench_noop import Noop

a = Noop("a", value="one")
b = Noop("b", value="two")
pulumi.export("values", [a.value, b.value])
"""


def test_pulumi_version_is_the_pinned_one(engine: object) -> None:
    from importlib.metadata import version

    from .harness import engine_bin

    out = subprocess.run(
        [str(engine_bin() / "pulumi"), "version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"v{version('pulumi')}"


def test_up_preview_destroy_with_a_dynamic_resource_pickled_by_reference(stack_factory) -> None:
    stack: Stack = stack_factory(PROGRAM, extra_env={"PYTHONPATH": str(NOOP_DIR)}).init()
    stack.up()
    assert stack.outputs() == {"values": ["one", "two"]}

    noops = stack.resources(":Noop")
    assert sorted(r["outputs"]["value"] for r in noops) == ["one", "two"]
    for resource in noops:
        assert resource["type"] == "pulumi-python:dynamic/openconnectors:Noop"
        serialized = resource["inputs"]["__provider"]
        assert isinstance(serialized, str), (
            "the provider blob is not a secret: nothing secret in it"
        )
        # Pickled by reference: a module path and a class name, not kilobytes of bytecode.
        assert len(serialized) < 400
        assert b"bench_noop" in base64.b64decode(serialized)

    stack.preview("--expect-no-changes")
    stack.destroy()
    assert stack.resources(":Noop") == []
