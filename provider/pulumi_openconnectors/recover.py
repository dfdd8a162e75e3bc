"""``python -m pulumi_openconnectors recover``: what a killed `pulumi up` left, for one stack.

A `pulumi` killed with creates in flight (SIGKILL, a lost CI runner, Ctrl-C then a kill) leaves
**pending operations** in the state: creates that were started and never answered. Their
instances may exist in the organization with no state (orphans), and the next `up` would make
them again (duplicates). Every create of a connector instance tags the instance with an
ownership tag that ``check`` drew beforehand, and the engine records the checked inputs (the
tag included, ``__ownership_tag``) with the pending operation. So:

1. read the state (``pulumi stack export``; in a file backend, first removing the empty metadata
   sidecar a kill can leave, :func:`remove_torn_metadata`) and, for each pending create of a
   ConnectorInstance, look up the instances carrying its ownership tag;
2. with ``--delete``: delete them; with ``--adopt``: record the oldest in the state as the
   resource (the others, duplicates of one create, are deleted) and refresh it;
   without either: only report (exit 1 when something is left to do);
3. write the state back without its pending operations (``pulumi stack import``; it takes the
   stack's lock, so it is refused while a run is going on, and nothing is deleted then).

Run it in the project directory (or ``--cwd``), with the `pulumi` of the stack on PATH. A lock
left by the killed run must be removed first with ``pulumi cancel`` (when no run is going on).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .client import OpenConnectorsClient
from .client.models.instances import Instance
from .config import resolve_settings
from .errors import ConfigurationError, OpenConnectorsError
from .markers import CREATE_MARKER_KEY, OWNERSHIP_TAG_PREFIX
from .resources.advice import PULUMI_ADVICE
from .subcommands import command, stack_options
from .torn_metadata import TORN_METADATA, remove_torn_sidecars, removed_note

INSTANCE_TYPE = "openconnectors:ConnectorInstance"
LOCKED = "the stack is currently locked"


def add_parser(groups: Any) -> None:
    parser = command(
        groups,
        "recover",
        "find what a killed `pulumi up` created but never recorded; adopt or delete it",
        "For one stack: the instances that creates of an interrupted run left in the "
        "organization (found by their ownership tag) but not in the state. Without "
        "--delete/--adopt, only reports. Clears the state's pending operations.",
        wrapped=True,
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--delete", action="store_true", help="delete them")
    choice.add_argument(
        "--adopt", action="store_true", help="record them in the state as their resources"
    )
    stack_options(parser)


class PulumiCommandError(OpenConnectorsError):
    """A `pulumi` command that recover runs failed."""


@dataclass
class Pulumi:
    cwd: Path
    stack: str | None

    def __call__(self, *args: str, of_stack: bool = True) -> str:
        argv = ["pulumi", *args, "--non-interactive"]
        if self.stack and of_stack:
            argv += ["--stack", self.stack]
        try:
            done = subprocess.run(
                argv, cwd=self.cwd, capture_output=True, text=True, timeout=600, check=False
            )
        except FileNotFoundError:
            raise ConfigurationError("the Pulumi CLI (`pulumi`) is not on PATH") from None
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            text = next((ln for ln in said if "error" in ln.lower()), said[-1] if said else "")
            if LOCKED in done.stderr + done.stdout:
                text += locked_advice(done.stderr + done.stdout)
            raise PulumiCommandError(f"`pulumi {' '.join(args[:2])}` failed: {text.strip()}")
        return done.stdout


def locked_advice(said: str) -> str:
    """What to do about the lock a refused command names; when its `pulumi` ran on this host
    and is gone, which of its processes are still running (they may still create instances)."""
    from .fleet.processes import left_by
    from .fleet.recovery import is_stale, lock_holder

    advice = (
        " (a run is going on, or one was killed: when none is going on, remove its lock with "
        "`pulumi cancel` and run recover again)"
    )
    holder = lock_holder(said)
    if holder is None or not is_stale(holder):
        return advice
    left = left_by(holder.pid)
    if not left:
        return (
            f" (its `pulumi`, pid {holder.pid} on this host, is gone: `pulumi cancel`, then run "
            "recover again)"
        )
    return (
        f" (its `pulumi`, pid {holder.pid} on this host, is gone, but it left running "
        f"{', '.join(map(str, left))}, which may still act on the API: end them (kill "
        f"{' '.join(str(p.pid) for p in left)}), `pulumi cancel`, then run recover again)"
    )


def remove_torn_metadata(pulumi: Pulumi) -> list[Path]:
    """The empty metadata sidecars of the stack's file backend, removed (torn_metadata.py)."""
    return remove_torn_sidecars(str(json.loads(pulumi("whoami", "--json", of_stack=False))["url"]))


def export_state(pulumi: Pulumi, out: Any) -> dict[str, Any]:
    """``pulumi stack export``, once more after removing the empty metadata sidecars a killed
    `pulumi` can leave in a file backend (:func:`remove_torn_metadata`), saying which."""
    try:
        return dict(json.loads(pulumi("stack", "export")))
    except PulumiCommandError as exc:
        if TORN_METADATA not in str(exc):
            raise
        torn = remove_torn_metadata(pulumi)
        if not torn:
            raise
    for path in torn:
        print(removed_note(path), file=out)
    return dict(json.loads(pulumi("stack", "export")))


@dataclass
class PendingCreate:
    op: dict[str, Any]
    marker: str | None
    found: list[Instance] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.op["resource"]["urn"]).rsplit("::", 1)[-1]


def pending_creates(deployment: Mapping[str, Any]) -> list[PendingCreate]:
    creates = []
    for op in deployment.get("pending_operations") or []:
        resource = op.get("resource") or {}
        if op.get("type") != "creating" or not str(resource.get("type", "")).endswith(
            INSTANCE_TYPE
        ):
            continue
        marker = (resource.get("inputs") or {}).get(CREATE_MARKER_KEY)
        ok = isinstance(marker, str) and marker.startswith(OWNERSHIP_TAG_PREFIX)
        creates.append(PendingCreate(op=op, marker=marker if ok else None))
    return creates


def _client(pulumi: Pulumi) -> OpenConnectorsClient:
    raw = json.loads(pulumi("config", "--json", "--show-secrets"))
    values = {k: v.get("value") for k, v in raw.items() if isinstance(v, dict)}
    return OpenConnectorsClient(resolve_settings(config=values.get), advice=PULUMI_ADVICE)


def adopted_resource(create: PendingCreate, instance: Instance) -> dict[str, Any]:
    """The state's resource for an adopted instance: the pending create's resource with the
    instance's id; its outputs the inputs (a refresh then reads the rest)."""
    resource = dict(create.op["resource"])
    inputs = {k: v for k, v in (resource.get("inputs") or {}).items() if k != CREATE_MARKER_KEY}
    resource["inputs"] = inputs
    resource["id"] = str(instance.id)
    resource["outputs"] = {**inputs, "ownership_tag": create.marker, "instance_id": instance.id}
    return resource


def _import(pulumi: Pulumi, exported: dict[str, Any], cwd: Path) -> None:
    handle, name = tempfile.mkstemp(prefix=".recover-", suffix=".json", dir=cwd)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            json.dump(exported, fh)
        pulumi("stack", "import", "--file", name)
    finally:
        os.unlink(name)


def recover(args: argparse.Namespace, out: Any = sys.stdout) -> int:
    cwd = (args.cwd or Path.cwd()).resolve()
    pulumi = Pulumi(cwd, args.stack)
    first = export_state(pulumi, out)
    creates = pending_creates(first.get("deployment") or {})
    pending = (first.get("deployment") or {}).get("pending_operations") or []
    if not pending:
        print("the state holds no pending operation: nothing to recover", file=out)
        return 0
    client = _client(pulumi)
    try:
        for create in creates:
            if create.marker is not None:
                found = client.list_instances(tags=[create.marker])
                create.found = sorted(
                    (i for i in found if create.marker in (i.tags or [])), key=lambda i: i.id
                )
        for create in creates:
            if create.marker is None:
                print(
                    f"pending create of {create.name!r}: no ownership tag recorded (a version "
                    "before recover); look for an instance of that name by hand",
                    file=out,
                )
            else:
                ids = ", ".join(str(i.id) for i in create.found)
                what = (
                    f"instance(s) {ids} in the organization, not in the state"
                    if ids
                    else "no instance carries it (the create did not reach the API)"
                )
                print(f"pending create of {create.name!r} (tag {create.marker}): {what}", file=out)
        orphans = [i for c in creates for i in c.found]
        if not (args.delete or args.adopt):
            print(
                f"{len(pending)} pending operation(s), {len(orphans)} orphan instance(s); run "
                "again with --delete (the next `pulumi up` creates them anew) or --adopt "
                "(record them in the state)",
                file=out,
            )
            return 1
        exported = json.loads(pulumi("stack", "export"))
        deployment = exported.get("deployment") or {}
        if deployment.get("pending_operations") != pending:
            raise PulumiCommandError(
                "the state changed while recover ran (is a run going on?); run recover again"
            )
        kept: list[Instance] = []
        if args.adopt:
            for create in creates:
                if create.found:
                    kept.append(create.found[0])
                    deployment.setdefault("resources", []).append(
                        adopted_resource(create, create.found[0])
                    )
        deployment["pending_operations"] = []
        _import(pulumi, exported, cwd)  # refused while a run holds the lock: nothing deleted
        extra = [i for i in orphans if i not in kept]
        for instance in extra:
            client.delete_instance(instance.id)
    finally:
        client.close()
    if kept:
        pulumi("refresh", "--yes", "--skip-preview")
    print(
        f"cleared {len(pending)} pending operation(s) from the state; "
        + (f"adopted {', '.join(str(i.id) for i in kept)}; " if kept else "")
        + f"deleted {len(extra)} orphan instance(s)"
        + (f" ({', '.join(str(i.id) for i in extra)})" if extra else ""),
        file=out,
    )
    return 0


def run(args: argparse.Namespace) -> int:
    return recover(args)
