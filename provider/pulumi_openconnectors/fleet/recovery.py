"""Recovering a stack that a killed run left behind.

A `pulumi` killed outright (SIGKILL, a lost CI runner, an evicted pod) leaves two things:

- its **lock** in the backend (``.pulumi/locks/…/<stack>/<id>.json``): every later update is
  refused with "the stack is currently locked by 1 lock(s)". A lock whose process is proven
  gone (same host, pid no longer a running `pulumi`) is **stale**: the runner removes it with
  `pulumi cancel`. A lock of a live process, or of another host, is another run's: the stack is
  reported "locked by another run" and left alone, unless ``--break-locks`` says that no other
  run is going on (e.g. after a CI job or pod was killed).
- **pending operations** in the checkpoint: resource operations that were started and never
  answered. Pulumi v3.259 `up` only warns about them and drops them, so an instance whose POST
  did go through would be left in the organization with no state (an orphan), and the next
  `up` would create it again (a duplicate). So, while the dead run's lock is still in place
  (nothing else can change the stack then), the runner reads the state (`stack export`),
  lists the tenant's instances that carry the stack's fleet tag (``oc-fleet:<project>/<stack>``)
  and deletes those that are not in the state; then it removes the lock and runs the
  operation, which drops the pending operations and creates what is missing, once.
  Recovery never acts on a stack without such a lock: a live run may be working on it.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi.automation import Stack

from ..client import OpenConnectorsClient
from ..config import resolve_settings

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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0", 1)[0].decode()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return True  # no /proc: assume it is
    return state != "Z" and Path(argv0).name == "pulumi"


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
        return OpenConnectorsClient(settings)


def delete_orphans(endpoint: Endpoint, fleet_tag: str, in_state: set[str]) -> list[int]:
    """Delete the organization's instances that carry the stack's fleet tag but are not in its
    state; their ids."""
    client = endpoint.client()
    try:
        orphans = [
            i.id for i in client.list_instances(tags=[fleet_tag]) if str(i.id) not in in_state
        ]
        for ident in orphans:
            client.delete_instance(ident)
    finally:
        client.close()
    return orphans


def sweep_pending(stack: Stack, endpoint: Endpoint, fleet_tag: str) -> list[str]:
    """Read the state a dead run left (its lock still in place, so nothing else can change
    it) and delete the orphans of its pending creates; what was found and done, one line each.

    The pending operations themselves are left to the operation that follows: `pulumi` removes
    them from the state when it starts (its "removing pending operation" warning).
    """
    exported = stack.export_stack()
    deployment: dict[str, Any] = dict(exported.deployment or {})
    pending = pending_operations(deployment)
    if not pending:
        return []
    done = [
        f"{len(pending)} pending operation(s) of the interrupted run: "
        + ", ".join(str(p) for p in pending)
    ]
    if any(p.kind == "creating" and p.type.endswith(CONNECTOR_INSTANCE) for p in pending):
        orphans = delete_orphans(endpoint, fleet_tag, instance_ids_in_state(deployment))
        done.append(
            f"deleted {len(orphans)} orphan instance(s) created but never recorded"
            + (f" (ids {', '.join(map(str, orphans))})" if orphans else "")
            + f", found by the tag {fleet_tag!r}"
        )
    return done


def dropped_note(dropped: list[str], swept: bool) -> str:
    """What to say when `pulumi` removed pending operations from the state."""
    what = (
        f"pulumi removed {len(dropped)} pending operation(s) from the state: {', '.join(dropped)}"
    )
    if swept or not any(d.startswith("creating") for d in dropped):
        return what
    return (
        what + " (no lock of the interrupted run was left, so its orphans were not looked "
        "for: look for instances tagged with the stack's fleet tag that are not in its state)"
    )
