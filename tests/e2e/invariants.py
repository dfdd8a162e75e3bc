"""The reliability invariant of the end-to-end fault tests: state and emulator agree exactly.

`assert_state_matches_emulator(stack, live)` compares the connector instances recorded in the
stack's state (`pulumi stack export`) with the instances the emulator holds (`GET /instances`
over plain HTTP, independent of our client, every page; a 404 `No instances found` is none):

- the same set of instance ids on both sides: no orphan (on the emulator, not in state), nothing
  missing (in state, gone from the emulator);
- no duplicates: no id twice in state, no ownership tag on two emulator instances (a create
  that ran twice), every state resource's ownership tag on exactly its own instance;
- no pending operations left in the checkpoint (an operation with an unknown outcome);
- for every instance, the name and the user tags in state are those on the emulator (after
  a successful run).

`converge(stack, live)` is the second half of every fault test: a clean `pulumi up` succeeds,
the invariant holds, and `pulumi preview --expect-no-changes` passes.

`FaultOutcome` / `record_outcome` collect the "fault matrix" (what was injected, what the user
saw, the final state): one JSON line per outcome appended to the file named by
`OPENCONNECTORS_FAULT_MATRIX`, when that variable is set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from .harness import Stack
from .live import Live

OWNERSHIP_PREFIX = "pulumi-openconnectors:"
INSTANCE_TYPE = ":ConnectorInstance"


def _ownership(tags: list[str] | None) -> list[str]:
    return [t for t in tags or [] if t.startswith(OWNERSHIP_PREFIX)]


def _user_tags(tags: list[str] | None) -> list[str]:
    return sorted(t for t in tags or [] if not t.startswith(OWNERSHIP_PREFIX))


def state_instances(stack: Stack) -> list[dict[str, Any]]:
    """The ConnectorInstance resources of the stack's checkpoint."""
    deployment = stack.export()["deployment"]
    pending = deployment.get("pending_operations") or []
    assert not pending, f"the checkpoint has pending operations: {pending}"
    return [r for r in deployment.get("resources", []) if r["type"].endswith(INSTANCE_TYPE)]


def assert_state_matches_emulator(stack: Stack, live: Live, attributes: bool = True) -> set[int]:
    """Assert that state and emulator agree exactly; return the instance ids.

    ``attributes=False`` checks identity only (ids, duplicates, ownership tags): right after a
    failed update the name or tags may differ, as the update may have been applied on the
    server although its answer never arrived (the state keeps the old values; the next `up`
    re-applies them, which `converge` checks).
    """
    resources = state_instances(stack)
    state_ids = [int(r["id"]) for r in resources]
    dupes = [i for i, n in Counter(state_ids).items() if n > 1]
    assert not dupes, f"instance ids recorded twice in state: {dupes}"
    for r in resources:
        assert int(r["outputs"]["instance_id"]) == int(r["id"]), r["urn"]

    server = {int(i["id"]): i for i in live.instances()}
    tag_count = Counter(t for i in server.values() for t in _ownership(i.get("tags")))
    twice = [t for t, n in tag_count.items() if n > 1]
    assert not twice, "duplicate instances on the emulator (one create ran twice): " + ", ".join(
        f"{t} on {[i for i, v in server.items() if t in v['tags']]}" for t in twice
    )

    orphans = set(server) - set(state_ids)
    missing = set(state_ids) - set(server)
    assert not orphans, "orphans: on the emulator but not in state: " + ", ".join(
        f"{i} ({server[i]['name']!r}, tags {server[i]['tags']})" for i in orphans
    )
    assert not missing, f"missing: in state but gone from the emulator: {sorted(missing)}"

    for r in resources:
        instance = server[int(r["id"])]
        outputs = r["outputs"]
        tag = outputs.get("ownership_tag")
        if tag:  # adopted or created by us: the tag marks exactly this instance
            assert _ownership(instance.get("tags")) == [tag], (r["urn"], instance["tags"])
        if not attributes:
            continue
        assert outputs["name"] == instance["name"], (r["urn"], outputs["name"], instance["name"])
        assert _user_tags(outputs.get("tags")) == _user_tags(instance.get("tags")), (
            r["urn"],
            outputs.get("tags"),
            instance.get("tags"),
        )
    return set(state_ids)


def converge(stack: Stack, live: Live, expected: int | None = None) -> set[int]:
    """A clean `up` succeeds, state and emulator agree, and a preview shows no changes."""
    stack.up()
    ids = assert_state_matches_emulator(stack, live)
    if expected is not None:
        assert len(ids) == expected, f"expected {expected} instances, found {len(ids)}"
    stack.preview("--expect-no-changes")
    return ids


# -- the fault matrix -----------------------------------------------------------------------

_ERROR_LINE = re.compile(r"^\s*(error|Exception|[A-Za-z]+Error):", re.IGNORECASE)


def key_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The most telling error line of a pulumi run ('' when it succeeded quietly)."""
    lines = [ln.strip() for ln in (result.stdout + "\n" + result.stderr).splitlines()]
    candidates = [
        ln
        for ln in lines
        if _ERROR_LINE.match(ln)
        and "update failed" not in ln
        and "preview failed" not in ln
        and "destroy failed" not in ln
        and "refresh failed" not in ln
    ]
    if not candidates:
        return ""
    # Prefer the provider's own message over the engine's summary.
    best = max(candidates, key=len)
    return best if len(best) <= 400 else best[:397] + "..."


@dataclass
class FaultOutcome:
    fault: str
    injected: str
    operation: str
    exit_code: int
    user_saw: str
    fired: int
    final_state: str

    def record(self) -> None:
        target = os.environ.get("OPENCONNECTORS_FAULT_MATRIX")
        if target:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(self)) + "\n")
        print(f"[fault-matrix] {json.dumps(asdict(self))}")


def assert_no_secret_in_output(result: subprocess.CompletedProcess[str], *secrets: str) -> None:
    text = result.stdout + result.stderr
    for secret in secrets:
        if secret:
            assert secret not in text, "a secret value appears in the pulumi output"
