"""Reads a stack's engine events: live progress, change counts and the first error line."""

from __future__ import annotations

from pulumi.automation import EngineEvent

from .progress import Progress

STACK_TYPE = "pulumi:pulumi:Stack"
COLUMNS = {
    "create": "created",
    "update": "updated",
    "replace": "updated",
    "delete": "deleted",
    "same": "unchanged",
}


def _counted(resource_type: str) -> bool:
    return resource_type != STACK_TYPE and not resource_type.startswith("pulumi:providers:")


def first_line(message: str) -> str:
    """The first meaningful line of a diagnostic or command output, without 'error: '."""
    for line in message.splitlines():
        text = line.strip()
        if text:
            return text.removeprefix("error: ").strip()
    return ""


def first_error_line(output: str) -> str:
    """The first ``error:`` line of a command's output (fallback when no event said it)."""
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

    def __init__(self, stack: str, progress: Progress) -> None:
        self.stack = stack
        self.progress = progress
        self.reset()

    def reset(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS.values(), 0)
        self.summary: dict[str, int] | None = None
        self.stack_op: str | None = None
        self.error = ""
        self.done = 0

    def __call__(self, event: EngineEvent) -> None:
        if event.resource_pre_event is not None:
            meta = event.resource_pre_event.metadata
            if meta.type == STACK_TYPE:
                self.stack_op = str(meta.op.value if hasattr(meta.op, "value") else meta.op)
            elif _counted(meta.type):
                op = str(meta.op.value if hasattr(meta.op, "value") else meta.op)
                self.progress.step(self.stack, f"{op} {meta.urn.rsplit('::', 1)[-1]}")
        elif event.res_outputs_event is not None:
            if _counted(event.res_outputs_event.metadata.type):
                self.done += 1
                self.progress.step(self.stack, "", done=self.done)
        elif event.diagnostic_event is not None:
            diag = event.diagnostic_event
            if diag.severity == "error" and not self.error:
                line = first_line(diag.message)
                if line and not line.startswith("update failed"):
                    self.error = line
        elif event.summary_event is not None:
            self.summary = {
                str(k.value if hasattr(k, "value") else k): int(v)
                for k, v in (event.summary_event.resource_changes or {}).items()
            }

    def totals(self, changes: dict[str, int] | None = None) -> dict[str, int]:
        """created/updated/deleted/unchanged from the engine's summary, less the stack resource."""
        summary = dict(changes if changes is not None else (self.summary or {}))
        if self.stack_op and summary.get(self.stack_op, 0) > 0:
            summary[self.stack_op] -= 1
        totals = dict.fromkeys(COLUMNS.values(), 0)
        for op, n in summary.items():
            column = COLUMNS.get(op)
            if column:
                totals[column] += n
        return totals
