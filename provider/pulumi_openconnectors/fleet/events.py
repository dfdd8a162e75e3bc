"""Reads a stack's engine events: live progress, change counts and the first error line."""

from __future__ import annotations

import json
import re
import signal
import threading
import time
from pathlib import Path

from pulumi.automation import EngineEvent

from .progress import Progress

STACK_TYPE = "pulumi:pulumi:Stack"
# A step in `pulumi`'s non-interactive output: " +  <type>:ConnectorInstance crm-0 creating (0s)".
STEP = re.compile(
    r"ConnectorInstance (?P<name>[a-z0-9-]+) (?P<verb>creating|created|updating|updated|"
    r"deleting|deleted|replacing|replaced|reading|read|refreshing|refreshed)\b"
)
# What `pulumi` (v3.259) says when the state holds operations an interrupted run left, which
# it then drops: on stderr, or in the diagnostics when run by the Automation API.
DROPPED = (
    re.compile(r"removing pending operation '(?P<kind>[a-z]+)' on '(?P<urn>[^']+)' from snapshot"),
    re.compile(r"^\s*\* (?P<urn>urn:pulumi:\S+), interrupted while (?P<kind>[a-z]+)\s*$"),
)
COLUMNS = {
    "create": "created",
    "update": "updated",
    "replace": "updated",
    "delete": "deleted",
    "same": "unchanged",
}


def _counted(resource_type: str) -> bool:
    return resource_type != STACK_TYPE and not resource_type.startswith("pulumi:providers:")


def _op(op: object) -> str:
    return str(getattr(op, "value", op))


def first_line(message: str) -> str:
    """The first meaningful line of a diagnostic or command output, without 'error: '."""
    for line in message.splitlines():
        text = line.strip()
        if text:
            return text.removeprefix("error: ").strip()
    return ""


def first_error_line(output: str) -> str:
    """The first ``error:`` line of a command's output (fallback when no event said it)."""
    killed = re.search(r"^\s*code: -(\d+)\s*$", output, re.MULTILINE)
    if killed:
        try:
            name = signal.Signals(int(killed.group(1))).name
        except ValueError:
            name = f"signal {killed.group(1)}"
        return f"`pulumi` ended by {name}"
    lines = [ln.strip() for ln in output.splitlines()]
    for line in lines:
        if line.startswith("error:") and "update failed" not in line:
            return line.removeprefix("error:").strip()
    for line in lines:
        if "error" in line.lower():
            return line
    return first_line(output)


class EventWatcher:
    """Counts resource operations (the stack resource and providers left out)."""

    def __init__(self, stack: str, progress: Progress, operation: str = "up") -> None:
        self.stack = stack
        self.progress = progress
        # `destroy --run-program` runs the program first: its registrations are not changes.
        self.ignore = {"same"} if operation == "destroy" else set()
        self.reset()

    def reset(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS.values(), 0)
        self.error = ""
        self.done = 0
        self.dropped: list[str] = []  # pending operations pulumi removed from the state
        self._finished: set[str] = set()

    def __call__(self, event: EngineEvent) -> None:
        if event.resource_pre_event is not None:
            meta = event.resource_pre_event.metadata
            if _counted(meta.type):
                name = meta.urn.rsplit("::", 1)[-1]
                self.progress.step(self.stack, f"{_op(meta.op)} {name}")
        elif event.res_outputs_event is not None:
            meta = event.res_outputs_event.metadata
            if _counted(meta.type):
                op = _op(meta.op)
                column = COLUMNS.get(op)
                if column and op not in self.ignore:
                    self.counts[column] += 1
                self.done += 1
                self.progress.step(self.stack, None, done=self.done)
        elif event.diagnostic_event is not None:
            diag = event.diagnostic_event
            if diag.severity == "error" and not self.error:
                line = first_line(diag.message)
                if line and not line.startswith("update failed"):
                    self.error = line

    def output(self, line: str) -> None:
        """A line of the command's output: live progress (the event log file is written in
        chunks, so it cannot drive the live line) and pulumi's notes on pending operations."""
        step = STEP.search(line)
        if step:
            verb = step["verb"]
            if verb.endswith("ed") and step["name"] not in self._finished:
                self._finished.add(step["name"])
                self.progress.step(self.stack, f"{verb} {step['name']}", len(self._finished))
            elif not verb.endswith("ed"):
                self.progress.step(self.stack, f"{verb} {step['name']}")
        for pattern in DROPPED:
            match = pattern.search(line)
            if match:
                note = f"{match['kind']} {match['urn'].rsplit('::', 1)[-1]!r}"
                if note not in self.dropped:
                    self.dropped.append(note)

    def totals(self) -> dict[str, int]:
        """created/updated/deleted/unchanged: the completed steps of instances (the stack
        resource and providers left out; a replacement counts as one update)."""
        return dict(self.counts)


class EventTail:
    """Follows the JSON-lines event log `pulumi --event-log FILE` writes, while it runs."""

    def __init__(self, path: Path, watcher: EventWatcher) -> None:
        self.path = path
        self.watcher = watcher
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True)

    def __enter__(self) -> EventTail:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.path.unlink(missing_ok=True)

    def _follow(self) -> None:
        while not self.path.exists():
            if self._stop.is_set():
                return
            time.sleep(0.05)
        partial = ""
        with self.path.open(encoding="utf-8") as fh:
            while True:
                chunk = fh.readline()
                if chunk:
                    partial += chunk
                    if partial.endswith("\n"):
                        self._emit(partial)
                        partial = ""
                    continue
                if self._stop.is_set():
                    if partial.strip():
                        self._emit(partial)
                    return
                time.sleep(0.05)

    def _emit(self, line: str) -> None:
        try:
            event = EngineEvent.from_json(json.loads(line))
        except (ValueError, KeyError, TypeError):
            return
        self.watcher(event)
