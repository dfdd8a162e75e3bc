#!/usr/bin/env python3
"""Fleet benchmark (`make bench-fleet`): stacks per minute of `fleet up` at P = 1, 2, 4, 8.

One run: an emulator in its own process with one organization per tenant and L ms of latency
on every API request (default 100), Pulumi state in the local S3 store (versitygw), T tenants
(default 20) of I instances each (default 5). For each P it times `fleet up --parallel P` of
the whole fleet on a fresh state prefix (every stack created: stack init, config, I creates),
and once, in the same run, the same fleet as a plain CLI loop: `pulumi up` per stack, one
after the other (its stacks created and configured beforehand, untimed: that favours the loop).

While each run goes, it samples every 0.25 s the machine's CPU (from /proc/stat: busy share
of all cores, other users' load included) and the resident memory (RSS) of each running
stack: a `pulumi` process and all its descendants (language host, program, dynamic provider).
The CPU time of the run's own processes (user + system of the runner and every process it
waited for, from getrusage) gives CPU seconds per stack and the cores the run kept busy.

    .venv/bin/python scripts/bench_fleet.py [--tenants 20] [--instances 5] [--latency-ms 100]
        [--parallel 1,2,4,8] [--out bench-results/] [--max-minutes 40]

Progress on stderr, the table on stdout (markdown), raw results in <out>/fleet.json and the
table in <out>/fleet.md. Loopback only; every subprocess has a timeout; servers are stopped
at exit. Not a test: the target (P = 4 at least 2.5 x P = 1) is printed, not asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import requests
import yaml

from pulumi_openconnectors.devtools import s3_server
from pulumi_openconnectors.devtools.cpu import children_cpu
from pulumi_openconnectors.devtools.engine import engine_bin, pulumi_env
from pulumi_openconnectors.devtools.launcher import EmulatorProcess
from pulumi_openconnectors.devtools.paths import PYTHON, REPO

ROOT = REPO
PASSPHRASE = "bench-passphrase"
PROJECT = "ocfleetbench"
DEMO = ("demo-user-secret", "demo-organization-secret")
TARGET_P, TARGET_RATIO = 4, 2.5


def progress(message: str) -> None:
    print(f"[bench-fleet] {message}", file=sys.stderr, flush=True)


# -- sampling ---------------------------------------------------------------------------------


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all cores."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                out += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo += children(current)
    return out


def is_stack_operation(pid: int) -> bool:
    """A `pulumi up|destroy|...` (not `pulumi config set-all`, `stack select`…)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return bool(argv) and argv[0].endswith(b"pulumi") and b"up" in argv[1:4]


@dataclass
class Samples:
    cpu_busy: float = 0.0  # share of all cores over the run
    stacks_rss_mib: list[float] = field(default_factory=list)  # one per stack operation seen
    peak_total_mib: float = 0.0  # the runner (or loop) and everything under it
    peak_concurrent: int = 0


class Sampler:
    def __init__(self, root_pid: int) -> None:
        self.root = root_pid
        self.stop = threading.Event()
        self.peak: dict[int, int] = {}  # pulumi pid -> peak subtree RSS (KiB)
        self.samples = Samples()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self.start = cpu_times()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        busy, total = cpu_times()
        self.samples.cpu_busy = (busy - self.start[0]) / max(1, total - self.start[1])
        self.samples.stacks_rss_mib = [kib / 1024 for kib in self.peak.values()]

    def _run(self) -> None:
        while not self.stop.is_set():
            everything = tree(self.root)
            total = sum(rss_kib(p) for p in everything)
            self.samples.peak_total_mib = max(self.samples.peak_total_mib, total / 1024)
            ops = [p for p in everything if is_stack_operation(p)]
            self.samples.peak_concurrent = max(self.samples.peak_concurrent, len(ops))
            for pid in ops:
                kib = sum(rss_kib(p) for p in tree(pid))
                self.peak[pid] = max(self.peak.get(pid, 0), kib)
            self.stop.wait(0.25)


# -- the fleet ------------------------------------------------------------------------------


def tenants(count: int) -> list[str]:
    return [f"tenant-{i:02d}" for i in range(count)]


def write_fleet(directory: Path, count: int, instances: int) -> Path:
    (directory / "secrets").mkdir(parents=True, exist_ok=True)
    for name in tenants(count):
        secrets = {
            "userSecret": f"{name}-user",
            "organizationSecret": f"{name}-org",
            "password": f"pw-{name}",
        }
        (directory / "secrets" / f"{name}.yaml").write_text(yaml.safe_dump(secrets))
    standard = [
        {
            "name": f"crm-{i}",
            "element": "closeio",
            "configuration": {"username": f"user{i}@example.com"},
            "secrets": {"password": "file:password"},
        }
        for i in range(instances)
    ]
    (directory / "instances.yaml").write_text(yaml.safe_dump({"instances": standard}))
    fleet = {
        "project": PROJECT,
        "defaults": {
            "base_url": "env:BENCH_FLEET_BASE_URL",
            "credentials": {
                "user_secret": "file:userSecret",
                "organization_secret": "file:organizationSecret",
            },
            "secrets_file": "secrets/{stack}.yaml",
            "instances_file": "instances.yaml",
        },
        "tenants": [{"stack": name} for name in tenants(count)],
    }
    path = directory / "fleet.yaml"
    path.write_text(yaml.safe_dump(fleet, sort_keys=False))
    return path


class Emulator:
    def __init__(self, count: int, latency_ms: int, log: Path) -> None:
        self.process = EmulatorProcess(
            log,
            latency_ms=latency_ms,
            accounts=[f"{n}-user:{n}-org" for n in tenants(count)],
            python=PYTHON,
        )
        self.process.start(timeout=30)
        self.base_url = self.process.base_url

    def reset(self) -> None:
        root = self.process.root_url
        auth = {"Authorization": f"User {DEMO[0]}, Organization {DEMO[1]}"}
        requests.post(f"{root}/_emulator/reset", headers=auth, timeout=30).raise_for_status()

    def close(self) -> None:
        self.process.stop()


@dataclass
class Result:
    mode: str  # "fleet P=n" or "plain CLI loop"
    parallel: int
    seconds: float
    stacks: int
    stacks_per_minute: float
    cpu_busy: float
    cpu_seconds_per_stack: float  # user + system of the run's own processes, per stack
    cores_used: float  # those CPU seconds / wall seconds
    rss_per_stack_mib: float  # median of the stacks' peak RSS (pulumi + host + program + provider)
    rss_per_stack_max_mib: float
    peak_total_mib: float
    peak_concurrent: int
    loadavg: list[float]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--instances", type=int, default=5)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--parallel", default="1,2,4,8")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--max-minutes", type=float, default=40)
    args = parser.parse_args()
    levels = [int(p) for p in args.parallel.split(",")]
    deadline = time.monotonic() + args.max_minutes * 60
    bin_dir = engine_bin()
    work = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    fleet_file = write_fleet(work / "fleet", args.tenants, args.instances)
    s3 = s3_server.start(work / "s3")
    emulator = Emulator(args.tenants, args.latency_ms, work / "emulator.log")
    results: list[Result] = []
    run_index = 0

    def environment(prefix: str) -> dict[str, str]:
        env = pulumi_env(
            bin_dir,
            work / "home",
            PASSPHRASE,
            drop=("PULUMI_", "OPENCONNECTORS_", "AWS_", "VIRTUAL_ENV"),
            path=os.environ.get("PATH", ""),
            extra={**s3.env(prefix), "BENCH_FLEET_BASE_URL": emulator.base_url},
        )
        return env

    def fleet(operation: str, parallel: int, env: dict[str, str], state: Path) -> float:
        started = time.monotonic()
        proc = subprocess.Popen(
            [
                str(PYTHON),
                "-m",
                "pulumi_openconnectors",
                "fleet",
                operation,
                "--fleet",
                str(fleet_file),
                "--parallel",
                str(parallel),
                "--state-dir",
                str(state),
                "--all",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        out, _ = proc.communicate(timeout=max(60.0, deadline - time.monotonic()))
        if proc.returncode != 0:
            raise RuntimeError(f"fleet {operation} -P {parallel} failed:\n{out}")
        return time.monotonic() - started

    def record(
        mode: str, parallel: int, seconds: float, samples: Samples, cpu_seconds: float
    ) -> None:
        rss = samples.stacks_rss_mib or [0.0]
        result = Result(
            mode=mode,
            parallel=parallel,
            seconds=round(seconds, 1),
            stacks=args.tenants,
            stacks_per_minute=round(args.tenants / seconds * 60, 1),
            cpu_busy=round(samples.cpu_busy, 2),
            cpu_seconds_per_stack=round(cpu_seconds / args.tenants, 2),
            cores_used=round(cpu_seconds / seconds, 2),
            rss_per_stack_mib=round(statistics.median(rss), 1),
            rss_per_stack_max_mib=round(max(rss), 1),
            peak_total_mib=round(samples.peak_total_mib, 1),
            peak_concurrent=samples.peak_concurrent,
            loadavg=list(os.getloadavg()),
        )
        results.append(result)
        progress(
            f"{mode}: {result.seconds} s, {result.stacks_per_minute} stacks/min, "
            f"{result.cpu_seconds_per_stack} CPU s per stack, {result.cores_used} cores used, "
            f"machine {result.cpu_busy:.0%} busy, {result.rss_per_stack_mib} MiB per stack"
        )

    try:
        for parallel in levels:
            if time.monotonic() > deadline:
                progress("--max-minutes reached: stopping")
                break
            run_index += 1
            emulator.reset()
            env = environment(f"bench-{run_index}")
            state = work / f"state-{run_index}"
            progress(f"fleet up, {args.tenants} stacks x {args.instances} instances, P={parallel}")
            cpu_before = children_cpu()
            with Sampler(os.getpid()) as sampler:
                seconds = fleet("up", parallel, env, state)
            cpu = children_cpu() - cpu_before
            record(f"fleet P={parallel}", parallel, seconds, sampler.samples, cpu)

        # The plain CLI loop, on stacks the fleet created and configured (a preview, untimed).
        run_index += 1
        emulator.reset()
        env = environment(f"bench-{run_index}")
        state = work / f"state-{run_index}"
        progress("plain CLI loop: preparing the stacks (fleet preview, untimed)")
        fleet("preview", 4, env, state)
        progress(f"plain CLI loop: `pulumi up` of {args.tenants} stacks, one after the other")
        cpu_before = children_cpu()
        with Sampler(os.getpid()) as sampler:
            started = time.monotonic()
            for name in tenants(args.tenants):
                subprocess.run(
                    [
                        str(bin_dir / "pulumi"),
                        "up",
                        "--yes",
                        "--skip-preview",
                        "--non-interactive",
                        "--stack",
                        name,
                    ],
                    cwd=state / "project",
                    env=env,
                    check=True,
                    capture_output=True,
                    timeout=600,
                )
            seconds = time.monotonic() - started
        cpu = children_cpu() - cpu_before
        record("plain CLI loop", 1, seconds, sampler.samples, cpu)
    finally:
        emulator.close()
        s3_server.stop(work / "s3", quiet=True)

    base = next((r for r in results if r.parallel == 1 and r.mode.startswith("fleet")), None)
    loop = next((r for r in results if r.mode == "plain CLI loop"), None)
    lines = [
        f"Fleet benchmark: {args.tenants} stacks x {args.instances} instances, emulator latency "
        f"{args.latency_ms} ms, S3 state, {os.cpu_count()} cores ({platform.machine()})",
        "",
        "| run | seconds | stacks/min | vs P=1 | vs plain loop | CPU s per stack | cores used "
        "| machine CPU busy | RSS per stack (median / max) | peak RSS, all | stacks at once |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        vs_base = f"{r.stacks_per_minute / base.stacks_per_minute:.2f}x" if base else "-"
        vs_loop = f"{r.stacks_per_minute / loop.stacks_per_minute:.2f}x" if loop else "-"
        lines.append(
            f"| {r.mode} | {r.seconds} | {r.stacks_per_minute} | {vs_base} | {vs_loop} | "
            f"{r.cpu_seconds_per_stack} | {r.cores_used} | {r.cpu_busy:.0%} | "
            f"{r.rss_per_stack_mib:.0f} / {r.rss_per_stack_max_mib:.0f} MiB | "
            f"{r.peak_total_mib:.0f} MiB | {r.peak_concurrent} |"
        )
    target = next(
        (r for r in results if r.parallel == TARGET_P and r.mode.startswith("fleet")), None
    )
    if base and target:
        ratio = target.stacks_per_minute / base.stacks_per_minute
        verdict = "met" if ratio >= TARGET_RATIO else "missed"
        lines += ["", f"Target P={TARGET_P} >= {TARGET_RATIO}x P=1: {ratio:.2f}x ({verdict})."]
    table = "\n".join(lines)
    print(table)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fleet.md").write_text(table + "\n")
    (args.out / "fleet.json").write_text(
        json.dumps(
            {"args": vars(args) | {"out": str(args.out)}, "results": [asdict(r) for r in results]},
            indent=1,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
