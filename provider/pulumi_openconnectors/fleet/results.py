"""What happened to each stack, and the state file that remembers it between runs.

The state file (``<state-dir>/fleet-state.json``) holds, per run key (operation + selection),
the stacks chosen and each stack's last result; a stack is written as ``running`` when it
starts, so a run killed outright is seen as incomplete by the next one. A later run of the
same key retries only the stacks that did not succeed (and any whose tenant changed), unless
``--all`` or another command ran in between (then it runs every stack). Written atomically
under a lock; it never holds a secret.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

Status = Literal["running", "succeeded", "failed", "locked", "interrupted", "not run"]
Operation = Literal["preview", "up", "refresh", "destroy"]
OPERATIONS: tuple[Operation, ...] = ("preview", "up", "refresh", "destroy")
STATE_FILE = "fleet-state.json"


class StackResult(BaseModel):
    stack: str
    status: Status = "running"
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    error: str = ""  # the first error line
    recovered: list[str] = Field(default_factory=list)  # what a recovery did, one item each
    log: str = ""
    pid: int | None = None  # the `pulumi` process while running
    fingerprint: str = ""
    started_at: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "succeeded"


class RunRecord(BaseModel):
    key: str
    selection: list[str]
    started_at: float
    finished_at: float | None = None
    stacks: dict[str, StackResult] = Field(default_factory=dict)

    def to_retry(self, fingerprints: dict[str, str]) -> list[str]:
        """Stacks of the selection that did not succeed, or whose tenant changed since."""
        out = []
        for name in self.selection:
            result = self.stacks.get(name)
            if result is None or not result.ok or result.fingerprint != fingerprints.get(name):
                out.append(name)
        return out

    @property
    def complete(self) -> bool:
        return self.finished_at is not None and all(
            self.stacks.get(n) is not None and self.stacks[n].ok for n in self.selection
        )


class FleetState(BaseModel):
    runs: dict[str, RunRecord] = Field(default_factory=dict)
    last: str | None = None  # the key of the latest run, whatever its operation


class StateFile:
    """The state file of one state directory, shared by the runner's threads."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / STATE_FILE
        self._lock = threading.Lock()
        self.state = self._read()

    def _read(self) -> FleetState:
        try:
            return FleetState.model_validate_json(self.path.read_text())
        except FileNotFoundError:
            return FleetState()
        except (OSError, ValidationError, ValueError):
            # Unreadable: start afresh (the stacks' real state is in the backend) but keep it.
            self.path.replace(self.path.with_suffix(f".unreadable-{int(time.time())}"))
            return FleetState()

    def previous(self, key: str) -> RunRecord | None:
        return self.state.runs.get(key)

    def is_latest(self, key: str) -> bool:
        """No other command ran in this state directory since the last run of ``key``."""
        return self.state.last == key

    def begin(self, key: str, selection: list[str], retry: bool) -> RunRecord:
        """Start a run of ``selection``. A retry keeps the earlier run's selection and results
        (the stacks not run again keep theirs, so a third run knows what is still to do)."""
        with self._lock:
            old = self.state.runs.get(key)
            record = RunRecord(key=key, selection=selection, started_at=time.time())
            if retry and old is not None:
                record.stacks = dict(old.stacks)
                record.selection = list(dict.fromkeys([*old.selection, *selection]))
            self.state.runs[key] = record
            self.state.last = key
            self._write()
            return record

    def put(self, key: str, result: StackResult) -> None:
        with self._lock:
            self.state.runs[key].stacks[result.stack] = result.model_copy()
            self._write()

    def finish(self, key: str) -> None:
        with self._lock:
            self.state.runs[key].finished_at = time.time()
            self._write()

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(self.state.model_dump(mode="json"), indent=1) + "\n")
        os.replace(tmp, self.path)
