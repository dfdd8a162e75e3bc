"""The table printed at the end of a run, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence

from .results import StackResult

HEADERS = ("stack", "result", "created", "updated", "deleted", "unchanged", "seconds", "error")
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
ERROR_WIDTH = 80


def result_label(result: StackResult) -> str:
    if result.status == "locked":
        return "locked by another run"
    return result.status


def _row(r: StackResult) -> tuple[str, ...]:
    error = r.error if len(r.error) <= ERROR_WIDTH else r.error[: ERROR_WIDTH - 1] + "…"
    return (
        r.stack,
        result_label(r),
        str(r.created),
        str(r.updated),
        str(r.deleted),
        str(r.unchanged),
        f"{r.seconds:.1f}",
        error,
    )


def render_table(results: Sequence[StackResult]) -> str:
    """A plain-text table (counts right-aligned), one row per stack, then a totals line."""
    rows = [HEADERS, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    numeric = {2, 3, 4, 5, 6}
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in numeric and n else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(totals_line(results))
    return "\n".join(lines)


def totals_line(results: Sequence[StackResult]) -> str:
    counts: dict[str, int] = {}
    for r in results:
        label = result_label(r)
        counts[label] = counts.get(label, 0) + 1
    parts = [f"{n} {label}" for label, n in sorted(counts.items())]
    return f"{len(results)} stack(s): " + (", ".join(parts) if parts else "none")


def render_recoveries(results: Sequence[StackResult]) -> str:
    """What each recovered stack needed, one line per action; empty when none."""
    lines = [f"  {r.stack}: {action}" for r in results for action in r.recovered]
    return ("Recovered:\n" + "\n".join(lines)) if lines else ""


def exit_code(results: Sequence[StackResult], interrupted: bool) -> int:
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
