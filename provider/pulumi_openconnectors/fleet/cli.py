"""``python -m pulumi_openconnectors fleet preview|up|refresh|destroy --fleet fleet.yaml …``.

Runs the operation on every stack (tenant) of the fleet file, P at once, with a live line per
running stack and a bar for the whole run on stderr, a log per stack, and a summary table on
stdout. Exit status: 0 when every stack succeeded, 1 when one did not (failed, or locked by
another run), 2 on a usage or fleet-file error (nothing run), 130 when interrupted.
A second run of the same command retries only the stacks that did not succeed (``--all``:
every stack). See docs/fleets.md ("Fleets of stacks").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..child_signals import let_children_be_interrupted
from ..subcommands import command
from .model import load_fleet
from .results import OPERATIONS, Operation
from .runner import FleetRunner, RunOptions
from .shard import parse_shard


def _parallel(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"must be between 1 and 64, got {value}")
    return value


def add_parser(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fleet = command(
        groups, "fleet", "run preview/up/refresh/destroy over the stacks of a fleet file", __doc__
    )
    fleet.add_argument("operation", choices=OPERATIONS, help="what to run on each stack")
    fleet.add_argument("--fleet", required=True, type=Path, help="the fleet file (YAML)")
    fleet.add_argument(
        "--parallel", "-p", type=_parallel, default=4, help="stacks at once (default 4)"
    )
    fleet.add_argument("--shard", help="I/N: only the stacks of shard I of N (by name hash)")
    fleet.add_argument("--only", nargs="+", default=[], metavar="NAME", help="only these stacks")
    fleet.add_argument(
        "--all",
        dest="all_stacks",
        action="store_true",
        help="run every selected stack, not only those that failed in the last run",
    )
    fleet.add_argument(
        "--break-locks",
        action="store_true",
        help="remove any lock left on a stack (not only those of dead processes on this host): "
        "only when no other run can be going on",
    )
    fleet.add_argument(
        "--state-dir",
        type=Path,
        help="logs, state file and project (default: .fleet/<project> next to the fleet file)",
    )
    fleet.add_argument("--backend", help="backend URL (default: fleet file, $PULUMI_BACKEND_URL)")


def run(args: argparse.Namespace) -> int:
    let_children_be_interrupted()  # else each stack's `pulumi` may wait 5 s to end its plugins
    operation: Operation = args.operation
    options = RunOptions(
        operation=operation,
        parallel=args.parallel,
        shard=parse_shard(args.shard) if args.shard else None,
        only=tuple(args.only),
        state_dir=args.state_dir,
        all_stacks=args.all_stacks,
        break_locks=args.break_locks,
        backend=args.backend,
    )
    fleet = load_fleet(args.fleet)
    try:
        return FleetRunner(fleet, options).run()
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
