"""100 connector instances in one `pulumi up` at the engine's default parallelism: every one
created exactly once, recorded in state and present on the emulator; destroy removes them all."""

from __future__ import annotations

import time
from typing import Any

import pytest

from .invariants import assert_state_matches_emulator
from .live import Live
from .programs import INSTANCES_PROGRAM, configure_emulator, set_instances

pytestmark = pytest.mark.e2e

COUNT = 100


def test_hundred_instances_in_one_up(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)
    # Basic-auth connector, no retrieve_objects, plain configuration: the cheapest create.
    specs = {
        f"s{k:03d}": {
            "element_key": "closeio",
            "name": f"Scale {k:03d}",
            "configuration": {"username": f"scale{k}@example.com", "password": "scale-pw"},
        }
        for k in range(COUNT)
    }
    set_instances(stack, specs)

    started = time.monotonic()
    stack.up()  # the engine's default parallelism: no --parallel flag
    up_seconds = time.monotonic() - started

    ids = assert_state_matches_emulator(stack, live)
    assert len(ids) == COUNT, f"{COUNT} resources declared, {len(ids)} in state"
    outputs = stack.outputs()
    out_ids = [outputs[f"s{k:03d}.id"] for k in range(COUNT)]
    assert len(set(out_ids)) == COUNT, "every resource got its own instance id"
    assert set(out_ids) == ids
    server = live.instances()
    assert len(server) == COUNT
    assert sorted(i["name"] for i in server) == sorted(s["name"] for s in specs.values())
    stats = emulator.admin.stats()["requests"]
    assert stats.get("POST /instances") == COUNT, f"each instance posted exactly once: {stats}"

    started = time.monotonic()
    stack.destroy()
    destroy_seconds = time.monotonic() - started
    assert live.instances() == []
    assert assert_state_matches_emulator(stack, live) == set()
    print(f"[scale] {COUNT} instances: up {up_seconds:.1f}s, destroy {destroy_seconds:.1f}s")
