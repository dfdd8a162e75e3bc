"""Seeded chaos through the real engine: a random fault mix (per verb and route: 429, 5xx,
dropped connections, lost answers, delays past the client timeout) over repeated cycles of
`pulumi up` (add, remove, rename, retag a random subset) and `pulumi destroy`.

After every cycle state and emulator must agree exactly (no orphan, no duplicate, nothing
missing), also when the run failed; a failed run must say so clearly and a clean run must then
converge. The same test is the smoke run of `make test` (2 cycles) and the long run of
`make chaos` (12 cycles):

    OPENCONNECTORS_CHAOS_CYCLES   cycles (default 2)
    OPENCONNECTORS_CHAOS_SEED     seed of the whole run (default 20240917): same seed, same run
    OPENCONNECTORS_CHAOS_SECONDS  stop starting new cycles after this long (default 300)
"""

from __future__ import annotations

import json
import os
import random
import time
from typing import Any

import pytest

from .harness import Stack
from .invariants import assert_state_matches_emulator, converge, key_error_line
from .live import Live
from .programs import INSTANCES_PROGRAM, configure_emulator, set_instances

pytestmark = [pytest.mark.e2e, pytest.mark.chaos]

DEFAULT_SEED = 20240917
MAX_INSTANCES = 6
CLIENT_TIMEOUT = 2  # openconnectors:timeout; delay faults go past it
PASSWORD = "pw-chaos-0001"
ROUTES = [
    ("POST", "/instances"),
    ("GET", "/instances"),
    ("GET", "/instances/{id}"),
    ("PATCH", "/instances/{id}"),
    ("DELETE", "/instances/{id}"),
]


def random_faults(rng: random.Random) -> dict[str, Any]:
    """A fault mix: for each route, 0-2 rules with random actions and rates."""
    rules: list[dict[str, Any]] = []
    for method, path in ROUTES:
        for _ in range(rng.choice((0, 1, 1, 2))):
            action = rng.choice(("429", "500", "503", "drop", "lose_response", "delay"))
            if action == "lose_response" and method == "GET":
                action = "drop"
            rule: dict[str, Any] = {
                "method": method,
                "path": path,
                "rate": round(rng.uniform(0.1, 0.4), 2),
            }
            if action in ("429", "500", "503"):
                rule.update(action="status", status=int(action))
                if action != "500":
                    rule["retryAfter"] = rng.choice((0, 1))
            elif action == "delay":
                # past the client timeout, but shorter than the provider's settle period
                rule.update(action="delay", delayMs=rng.randrange(2100, 3200, 100))
            else:
                rule["action"] = action
            rules.append(rule)
    return {"seed": rng.randrange(2**31), "latencyMs": rng.choice((0, 0, 20)), "rules": rules}


def mutate(rng: random.Random, desired: dict[str, Any], counter: list[int]) -> list[str]:
    """Remove, rename, retag and add a random subset; returns what changed."""
    changes: list[str] = []
    names = sorted(desired)
    for name in rng.sample(names, k=rng.randint(0, len(names) // 3)):
        del desired[name]
        changes.append(f"-{name}")
    for name in rng.sample(sorted(desired), k=rng.randint(0, len(desired))):
        spec = desired[name]
        if rng.random() < 0.5:
            spec["name"] = f"{spec['name'].split(' #')[0]} #{rng.randrange(1000)}"
            changes.append(f"~{name}:name")
        else:
            spec["tags"] = sorted(rng.sample(["blue", "green", "red", "e2e"], k=rng.randint(0, 2)))
            changes.append(f"~{name}:tags")
    for _ in range(rng.randint(1, 3)):
        if len(desired) >= MAX_INSTANCES:
            break
        counter[0] += 1
        name = f"c{counter[0]:03d}"
        desired[name] = {
            "element_key": "closeio",
            "name": f"Chaos {counter[0]:03d}",
            "configuration": {"username": f"chaos{counter[0]}@example.com"},
            "secretConfiguration": {"password": "pw"},
            "tags": ["e2e"],
        }
        changes.append(f"+{name}")
    return changes


def test_chaos_cycles(stack_factory: Any, emulator: Any) -> None:
    cycles = int(os.environ.get("OPENCONNECTORS_CHAOS_CYCLES", "2"))
    seed = int(os.environ.get("OPENCONNECTORS_CHAOS_SEED", str(DEFAULT_SEED)))
    budget = float(os.environ.get("OPENCONNECTORS_CHAOS_SECONDS", "300"))
    rng = random.Random(seed)
    live = Live(emulator)
    stack: Stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)
    stack.config("openconnectors:timeout", str(CLIENT_TIMEOUT))
    desired: dict[str, Any] = {}
    counter = [0]
    set_instances(stack, desired, {"pw": PASSWORD})

    started = time.monotonic()
    report: list[dict[str, Any]] = []
    for cycle in range(cycles):
        if time.monotonic() - started > budget:
            break
        destroy = cycle % 4 == 3 and bool(desired)
        if destroy:
            changes = ["destroy"]
        else:
            changes = mutate(rng, desired, counter)
            set_instances(stack, desired)
        faults = random_faults(rng)
        print(f"[chaos seed={seed}] cycle {cycle}: {changes} under {json.dumps(faults)}")
        emulator.admin.set_faults(faults)
        result = stack.destroy(check=False) if destroy else stack.up(check=False)
        fired = sum(emulator.admin.stats()["faultsFired"])
        emulator.admin.clear_faults()
        time.sleep(0.5)  # let a request the client gave up on finish on the server

        text = result.stdout + result.stderr
        assert PASSWORD not in text and emulator.organization_secret not in text
        line = key_error_line(result)
        if result.returncode != 0:
            assert "Open Connectors" in line or "without a clear answer" in line, text
        # The invariant holds right after the faulted run, whether it failed or not.
        ids = assert_state_matches_emulator(stack, live, attributes=result.returncode == 0)
        entry = {
            "cycle": cycle,
            "op": "destroy" if destroy else "up",
            "changes": changes,
            "rules": len(faults["rules"]),
            "fired": fired,
            "exit": result.returncode,
            "error": line,
            "instances": len(ids),
        }
        if result.returncode != 0:
            if destroy:
                stack.destroy()
                ids = assert_state_matches_emulator(stack, live)
            else:
                ids = converge(stack, live, expected=len(desired))
            entry["converged"] = len(ids)
        if destroy:
            assert not ids
            # the next cycle starts again from the declared instances
            set_instances(stack, desired)
        else:
            assert len(ids) == len(desired)
        report.append(entry)
        print(f"[chaos seed={seed}] {json.dumps(entry)}")

    assert report, "no cycle ran"
    converge(stack, live, expected=len(desired))
    stack.destroy()
    assert assert_state_matches_emulator(stack, live) == set()
    assert live.instances() == []
    failed = sum(1 for e in report if e["exit"] != 0)
    print(
        f"[chaos seed={seed}] {len(report)} cycles in {time.monotonic() - started:.0f}s, "
        f"{sum(e['fired'] for e in report)} faults fired, {failed} runs failed (then converged); "
        "invariant held after every cycle"
    )
