#!/usr/bin/env python3
"""What the package costs each `pulumi` command, against an earlier commit (`make bench-package`).

A change to the package (a refactor, a new import) can make every engine command costlier: the
program and the dynamic-provider host import it once per command. This measures the CPU seconds
of `pulumi` and everything it starts (language host, program, dynamic-provider host, `pip
list`), summed from the kernel's accounting of reaped children, for the package of a git ref
(the baseline, extracted with `git archive` and put first on PYTHONPATH) and for the working
tree's, in the same run: same engine, same virtualenv and dependencies, same program, same
emulator, the two measured in turns.

Each round and each package: `up` creating N ConnectorInstances, a no-change `preview`,
`refresh`, `up` updating all N (a tag changed), `destroy`. Prints a markdown table (median CPU
seconds of each operation for each package, and the ratio working tree / ref) and writes
<out>/package-cost.{json,md}. Loopback only; every command has a timeout (devtools.Stack.run's).

    .venv/bin/python scripts/bench_package_cost.py --ref e95c16a [--rounds 3] [--instances 3]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from pulumi_openconnectors.devtools.cpu import children_cpu
from pulumi_openconnectors.devtools.engine import engine_bin
from pulumi_openconnectors.devtools.launcher import EmulatorProcess, credentials_env
from pulumi_openconnectors.devtools.paths import REPO
from pulumi_openconnectors.devtools.stack import Stack

OPERATIONS = ("up (create)", "preview (no change)", "refresh", "up (update)", "destroy")
WORKING_TREE = "working tree"
PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
for i in range(int(cfg.require("instances"))):
    oc.ConnectorInstance(
        f"crm{i}",
        element_key="closeio",
        name=f"Package cost {i}",
        configuration={"username": f"cost{i}@example.com", "password": cfg.require_secret("pw")},
        tags=[cfg.require("tag")],
    )
pulumi.export("package", oc.__file__)
"""


def progress(message: str) -> None:
    print(f"[bench-package] {message}", file=sys.stderr, flush=True)


def extract_provider(ref: str, into: Path) -> str:
    """The ``provider/`` folder of ``ref`` (a commit, tag or branch) under ``into``; returns the
    commit's short hash."""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", f"{ref}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit, "provider"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return commit


def cpu_of(command: Callable[[], object]) -> float:
    before = children_cpu()
    command()
    return children_cpu() - before


def measure_round(
    stack: Stack, instances: int, after_create: Callable[[Stack], None] | None = None
) -> dict[str, float]:
    """One pass of the five operations; the CPU seconds of each (``after_create``, not
    measured, runs between the create and the preview)."""

    def tagged(tag: str) -> None:
        stack.config_all({"instances": str(instances), "tag": tag})

    tagged("a")
    seconds = {"up (create)": cpu_of(stack.up)}
    if after_create is not None:
        after_create(stack)
    seconds["preview (no change)"] = cpu_of(lambda: stack.preview("--expect-no-changes"))
    seconds["refresh"] = cpu_of(stack.refresh)
    tagged("b")
    seconds["up (update)"] = cpu_of(stack.up)
    seconds["destroy"] = cpu_of(stack.destroy)
    return seconds


def table(ref: str, figures: dict[str, dict[str, list[float]]]) -> str:
    """Median CPU seconds per operation and package, and the ratio working tree / ref."""
    rows = [
        f"| operation | ref {ref} (median CPU s) | {WORKING_TREE} (median CPU s) "
        f"| ratio {WORKING_TREE} / ref |",
        "|---|---|---|---|",
    ]
    totals = {ref: 0.0, WORKING_TREE: 0.0}
    for operation in OPERATIONS:
        medians = {name: statistics.median(figures[name][operation]) for name in totals}
        for name, value in medians.items():
            totals[name] += value
        rows.append(
            f"| {operation} | {medians[ref]:.2f} | {medians[WORKING_TREE]:.2f} "
            f"| {medians[WORKING_TREE] / medians[ref]:.2f} |"
        )
    rows.append(
        f"| all five | {totals[ref]:.2f} | {totals[WORKING_TREE]:.2f} "
        f"| {totals[WORKING_TREE] / totals[ref]:.2f} |"
    )
    return "\n".join(rows)


def imports(provider_dir: Path) -> Callable[[Stack], None]:
    """A check that the stack's program imported the package of ``provider_dir`` (else the
    comparison is void)."""

    def check(stack: Stack) -> None:
        imported = Path(str(stack.outputs()["package"])).resolve()
        if not imported.is_relative_to(provider_dir.resolve()):
            raise SystemExit(f"the program imported {imported}, not the package in {provider_dir}")

    return check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", required=True, help="the baseline: a commit, tag or branch")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench-results")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.instances < 1:
        parser.error("--rounds and --instances must be at least 1")

    engine = engine_bin()
    with tempfile.TemporaryDirectory(prefix="bench-package-") as tmp:
        root = Path(tmp)
        ref = extract_provider(args.ref, root / "ref")
        progress(f"baseline: the package of {ref} (provider/ extracted to {root / 'ref'})")
        packages = {
            ref: root / "ref" / "provider",
            WORKING_TREE: REPO / "provider",
        }
        with EmulatorProcess(root / "emulator.log") as emulator:
            stacks: dict[str, Stack] = {}
            for name, provider_dir in packages.items():
                stack = Stack(
                    workdir=root / name.replace(" ", "-"),
                    bin_dir=engine,
                    program=PROGRAM,
                    project="ocbenchpackage",
                    extra_env={"PYTHONPATH": str(provider_dir), **credentials_env(emulator)},
                )
                stack.init()
                stack.config_all({}, {"pw": "bench-password"})
                stacks[name] = stack
            figures: dict[str, dict[str, list[float]]] = {
                name: {op: [] for op in OPERATIONS} for name in stacks
            }
            for round_ in range(1, args.rounds + 1):
                for name, stack in stacks.items():
                    check = imports(packages[name]) if round_ == 1 else None
                    seconds = measure_round(stack, args.instances, check)
                    for operation, value in seconds.items():
                        figures[name][operation].append(value)
                    progress(
                        f"round {round_}/{args.rounds}: {name}: "
                        + ", ".join(f"{op} {value:.2f}" for op, value in seconds.items())
                    )
    text = table(ref, figures)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    report = {"ref": ref, "instances": args.instances, "rounds": args.rounds, "cpu_s": figures}
    (args.out / "package-cost.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / "package-cost.md").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
