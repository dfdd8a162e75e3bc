"""Recovering a stack that a killed run left behind.

A `pulumi` killed outright (SIGKILL, a lost CI runner, an evicted pod) leaves two things:

- its **lock** in the backend (``.pulumi/locks/…/<stack>/<id>.json``): every later update is
  refused with "the stack is currently locked by 1 lock(s)". A lock whose process is proven
  gone (same host, pid no longer a running `pulumi`) is **stale**: the runner removes it with
  `pulumi cancel`. A lock of a live process, or of another host, is another run's: the stack is
  reported "locked by another run" and left alone, unless ``--break-locks`` says that no other
  run is going on (e.g. after a CI job or pod was killed).
- **pending operations** in the checkpoint (so does a second Ctrl-C, which removes the lock):
  resource operations that were started and never answered. Pulumi v3.259 `up` only warns
  about them and keeps them, so an instance whose POST did go through would be left in the
  organization with no state (an orphan), and the next `up` would create it again (a
  duplicate). So, whenever the state holds pending operations (lock or not),
  :func:`settle_pending` lists the tenant's instances that carry the stack's fleet tag
  (``oc-fleet:<project>/<stack>``), writes the state back without the pending operations
  (``pulumi stack import``, which takes the stack's lock and so is refused while a live run
  holds it), and then deletes the tagged instances that the state does not hold.
- its **plugin processes** (language host, program, dynamic-provider host) when it was killed
  on this host: ended before its stale lock is removed (see processes.py).
"""

from __future__ import annotations

import json
import os
import re
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi.automation import Deployment, LocalWorkspace, Stack

from .. import pids
from ..client import OpenConnectorsClient
from ..config import resolve_settings
from ..errors import OpenConnectorsError, ProviderError
from ..resources.advice import PULUMI_ADVICE
from .processes import Leftover

LOCKED = "the stack is currently locked by"
LOCK_DETAIL = re.compile(
    r"created by (?P<user>[^@\s]+)@(?P<host>\S+) \(pid (?P<pid>\d+)\) at (?P<at>\S+)"
)
CONNECTOR_INSTANCE = "openconnectors:ConnectorInstance"


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    at: str

    def __str__(self) -> str:
        return f"{self.user}@{self.host} pid {self.pid} since {self.at}"


def is_lock_error(text: str) -> bool:
    return LOCKED in text


def lock_holder(text: str) -> LockHolder | None:
    match = LOCK_DETAIL.search(text)
    if match is None:
        return None
    return LockHolder(match["user"], match["host"], int(match["pid"]), match["at"])


def _runs_pulumi(pid: int) -> bool:
    """The process exists and is a `pulumi` (not a reused pid), as far as /proc tells."""

    def is_pulumi(proc: Path) -> bool:
        argv0 = (proc / "cmdline").read_bytes().split(b"\0", 1)[0].decode()
        return pids.state(proc) != "Z" and Path(argv0).name == "pulumi"

    return pids.running(pid, is_pulumi)  # no /proc: assume it is


def is_stale(holder: LockHolder, hostname: str | None = None) -> bool:
    """The lock was taken on this host by a process that is gone."""
    here = hostname or socket.gethostname()
    return holder.host == here and not _runs_pulumi(holder.pid)


@dataclass(frozen=True)
class PendingOperation:
    kind: str  # creating, updating, deleting, reading, importing
    urn: str
    type: str

    @property
    def name(self) -> str:
        return self.urn.rsplit("::", 1)[-1]

    def __str__(self) -> str:
        return f"{self.kind} {self.type.rsplit(':', 1)[-1]} {self.name!r}"


def pending_operations(deployment: dict[str, Any]) -> list[PendingOperation]:
    return [
        PendingOperation(
            kind=str(op.get("type", "?")),
            urn=str(op.get("resource", {}).get("urn", "")),
            type=str(op.get("resource", {}).get("type", "")),
        )
        for op in deployment.get("pending_operations") or []
    ]


def instance_ids_in_state(deployment: dict[str, Any]) -> set[str]:
    return {
        str(r.get("id"))
        for r in deployment.get("resources") or []
        if str(r.get("type", "")).endswith(CONNECTOR_INSTANCE) and r.get("id")
    }


@dataclass(frozen=True)
class Endpoint:
    """How the runner reaches a tenant's organization itself (for the orphan sweep)."""

    base_url: str | None
    region: str | None
    user_secret: str
    organization_secret: str

    def client(self) -> OpenConnectorsClient:
        settings = resolve_settings(
            env={},
            overrides={
                "openconnectors:baseUrl": self.base_url,
                "openconnectors:region": self.region,
                "openconnectors:userSecret": self.user_secret,
                "openconnectors:organizationSecret": self.organization_secret,
            },
        )
        return OpenConnectorsClient(settings, advice=PULUMI_ADVICE)


def tagged_instances(endpoint: Endpoint, fleet_tag: str) -> list[str]:
    """The ids of the organization's instances that carry the stack's fleet tag."""
    client = endpoint.client()
    try:
        return [str(i.id) for i in client.list_instances(tags=[fleet_tag])]
    finally:
        client.close()


def delete_instances(endpoint: Endpoint, ids: list[str]) -> None:
    client = endpoint.client()
    try:
        for ident in ids:
            client.delete_instance(int(ident))
    finally:
        client.close()


def _import_without_pending(stack: Stack, exported: Deployment) -> None:
    """``pulumi stack import`` of the state as exported: the CLI drops its pending operations
    (and takes the stack's lock to write it, so it fails while a live run holds the lock)."""
    workspace = stack.workspace
    assert isinstance(workspace, LocalWorkspace)
    handle, name = tempfile.mkstemp(prefix=".pending-", suffix=".json", dir=workspace.work_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            json.dump({"version": exported.version, "deployment": exported.deployment}, fh)
        args = ["stack", "import", "--file", name, "--stack", stack.name]
        workspace.pulumi_command.run(args, workspace.work_dir, dict(workspace.env_vars))
    finally:
        os.unlink(name)


def settle_pending(stack: Stack, endpoint: Endpoint, fleet_tag: str) -> list[str]:
    """When the state holds operations an interrupted run left (lock or no lock): delete the
    orphans of its pending creates and clear the pending operations from the state; what was
    found and done, one line each ([] when the state holds none).

    No other run may be working on the stack meanwhile. A live run holds the stack's lock, and
    ``pulumi stack import`` (which clears the pending operations) takes that lock: so the
    tagged instances are listed first, the state read, then imported (refused while a live run
    holds the lock: the CommandError is the caller's); only then are the tagged instances that
    the state read does not hold deleted: every run that could have created one had ended, and
    recorded what it created, before the import got the lock.
    """
    first = pending_operations(dict(stack.export_stack().deployment or {}))
    if not first:
        return []
    creates = any(p.kind == "creating" and p.type.endswith(CONNECTOR_INSTANCE) for p in first)
    tagged = tagged_instances(endpoint, fleet_tag) if creates else []
    exported = stack.export_stack()
    deployment: dict[str, Any] = dict(exported.deployment or {})
    pending = pending_operations(deployment)
    if not pending:
        return []  # another run cleared them meanwhile
    _import_without_pending(stack, exported)
    in_state = instance_ids_in_state(deployment)
    orphans = [ident for ident in tagged if ident not in in_state]
    done = [
        f"{len(pending)} pending operation(s) of the interrupted run: "
        + ", ".join(str(p) for p in pending)
    ]
    if creates:
        try:
            delete_instances(endpoint, orphans)
        except OpenConnectorsError as exc:
            raise OrphansLeft(
                f"the interrupted run left instance(s) {', '.join(orphans)} (tag "
                f"{fleet_tag!r}) that the state does not hold, and deleting them failed: "
                f"{exc}. Delete them by hand before the next run"
            ) from None
        done.append(
            f"deleted {len(orphans)} orphan instance(s) created but never recorded"
            + (f" (ids {', '.join(orphans)})" if orphans else "")
            + f", found by the tag {fleet_tag!r}"
        )
    done.append(
        f"cleared the {len(pending)} pending operation(s) from the state (`pulumi stack import`)"
    )
    return done


class OrphansLeft(ProviderError):
    """Orphans were found but could not be deleted (the stack is not run then)."""


def leftovers_note(holder: LockHolder, ended: list[Leftover], alive: list[Leftover]) -> str:
    """What became of the plugin processes a killed run on this host left running."""
    if not ended and not alive:
        return f"no process of the killed run (pid {holder.pid}) was still running"
    text = ""
    if ended:
        text = (
            f"ended {len(ended)} process(es) the killed run (pid {holder.pid}) left running, "
            "which could still act on the API (a provider mid-create): "
            + ", ".join(map(str, ended))
        )
    if alive:
        text += ("; " if text else "") + (
            f"could not end {', '.join(map(str, alive))} of the killed run (pid {holder.pid}): "
            "end them, then run again (they may still create instances)"
        )
    return text


def dropped_note(dropped: list[str]) -> str:
    """What to say when `pulumi` warned about pending operations still in the state (an
    operation that does not clear them: preview)."""
    return (
        f"the state still holds {len(dropped)} pending operation(s) of an interrupted run: "
        f"{', '.join(dropped)}; the next fleet up, refresh or destroy looks for their orphans "
        "and clears them"
    )
