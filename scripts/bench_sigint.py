#!/usr/bin/env python3
"""What an inherited "ignore SIGINT" costs a `pulumi preview` (`make bench-sigint`).

The Pulumi engine stops the Python dynamic-provider host with SIGINT and waits up to 5 s before
SIGKILL; a `pulumi` started with SIGINT ignored (a background job of a non-interactive shell,
some CI runners) hands the ignore on to that host (see pulumi_openconnectors/child_signals.py).

One stack of N bench_noop.Noop resources (scripts/bench/bench_noop.py: a dynamic resource that
makes no API call, so no emulator is needed), then R rounds of two `pulumi preview` each, one
started with SIGINT at its default (the baseline) and one with SIGINT ignored, in turns. Prints
a markdown table (median, min, max seconds of each) and the ratio ignored / default; raw
figures in <out>/sigint.json. Loopback only; every command has a timeout.

    .venv/bin/python scripts/bench_sigint.py [--rounds 5] [--resources 3] [--out bench-results/]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pulumi_openconnectors.devtools.engine import engine_bin
from pulumi_openconnectors.devtools.paths import NOOP_DIR, REPO
from pulumi_openconnectors.devtools.stack import Stack

TIMEOUT = 300.0
# Starts the command with SIGINT ignored, as a background job of a non-interactive shell is.
IGNORING = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def progress(message: str) -> None:
    print(f"[bench-sigint] {message}", file=sys.stderr, flush=True)


def program(resources: int) -> str:
    lines = ["from bench_noop import Noop"]
    lines += [f'Noop("n{i}", value="v{i}")' for i in range(resources)]
    return "\n".join(lines) + "\n"


@dataclass
class SigintStack(Stack):
    """A Stack whose commands start with SIGINT ignored while ``sigint_ignored`` is set (run,
    timed and ended on a timeout by Stack.run, like every other command)."""

    sigint_ignored: bool = False

    def argv(self, *args: str) -> list[str]:
        command = super().argv(*args)
        return [sys.executable, "-c", IGNORING, *command] if self.sigint_ignored else command


def timed_preview(stack: SigintStack, sigint_ignored: bool) -> float:
    stack.sigint_ignored = sigint_ignored
    stack.run("preview", "--non-interactive", "--stack", stack.stack, timeout=TIMEOUT)
    return stack.last_seconds


def table(figures: dict[str, list[float]]) -> str:
    rows = [
        "| SIGINT of `pulumi preview` | runs | median s | min s | max s |",
        "|---|---|---|---|---|",
    ]
    for mode, seconds in figures.items():
        rows.append(
            f"| {mode} | {len(seconds)} | {statistics.median(seconds):.2f} "
            f"| {min(seconds):.2f} | {max(seconds):.2f} |"
        )
    ratio = statistics.median(figures["ignored"]) / statistics.median(figures["default"])
    rows.append("")
    rows.append(f"ratio ignored / default (medians): {ratio:.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--resources", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench-results")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.resources < 1:
        parser.error("--rounds and --resources must be at least 1")

    engine = engine_bin()
    with tempfile.TemporaryDirectory(prefix="bench-sigint-") as tmp:
        stack = SigintStack(
            workdir=Path(tmp),
            bin_dir=engine,
            program=program(args.resources),
            project="ocbenchsigint",
            extra_env={"PYTHONPATH": str(NOOP_DIR)},
        )
        stack.init()
        progress(f"up: {args.resources} Noop resources")
        stack.up()
        figures: dict[str, list[float]] = {"default": [], "ignored": []}
        try:
            for round_ in range(1, args.rounds + 1):
                for mode in ("default", "ignored"):
                    seconds = timed_preview(stack, sigint_ignored=mode == "ignored")
                    figures[mode].append(seconds)
                    progress(f"round {round_}/{args.rounds}: SIGINT {mode}: {seconds:.2f} s")
        finally:
            stack.destroy(check=False)
    text = table(figures)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sigint.json").write_text(
        json.dumps({"resources": args.resources, "seconds": figures}, indent=2) + "\n"
    )
    (args.out / "sigint.md").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
