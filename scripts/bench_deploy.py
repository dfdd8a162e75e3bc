#!/usr/bin/env python3
"""Deployment benchmarks: the real `pulumi` engine against the emulator (`make bench`).

For each N (number of resources) and emulator latency L (ms per request) it times, with the
real CLI and a fresh file backend, five operations on N ConnectorInstances:

    up (create N) | preview (no-op, --expect-no-changes) | update (change a tag on all N)
    | refresh | destroy

and the same five on N Noop resources (scripts/bench/bench_noop.py, on the engine's
PYTHONPATH: a dynamic resource that makes no HTTP call, the engine's and the dynamic-provider
host's own cost, "the floor"). Noop does not depend on L,
so the floor is measured once per N and repeat, in the same run, interleaved with ours.

Each configuration runs at every ``--concurrency`` C: C = 4 is the default (no
``openconnectors:concurrency``, the engine's default ``--parallel``); C > 4 sets
``openconnectors:concurrency=C`` and passes ``--parallel C`` (the floor runs with the same
``--parallel``). Besides the (N, L) grid of ``--sizes`` x ``--latencies``, ``--pairs``
adds single N:L configurations (default 100:1000, where the wide setting's speedup is shown).

Reported per (N, L, C, operation): wall time, ours / floor, the concurrency bound
``floor + N * calls * L / C`` (the dynamic-provider host serves C calls at a time;
``calls`` is the ideal number of API calls per resource: 1, or 0 for preview) and ours /
bound, the most requests in flight at once (emulator gauge), HTTP requests per resource
(emulator counters, per route) and the number of TCP connections the provider opened (distinct
client ports seen by the emulator). Per N: state bytes per instance (checkpoint file size / N,
and its excess over the floor's) and the size of the pickled provider (``__provider``) per
resource. Per (N, L > 0): the speedup of each C > 4 over C = 4.

``--types-n N`` (default 10, 0 skips it) then runs the same five operations on one stack with
N of each document type (each with a ``scripts/bench/types/<folder>.py``: Formula, FormulaInstance,
CommonResource, Transformation, Connector, ConnectorExtension, VirtualDataResource) at L = 0,
C = 4, and reports the API calls per resource per operation of
each type, by route (the ideal: one, none for a preview; where an operation of a type needs two
calls by design, ``TWO_CALLS`` says which and why, and the table's notes repeat it).

``--path plugin`` measures the provider plugin instead (``pulumi-resource-openconnectors``,
N ``pulumi_openconnectors.native.ConnectorInstance``; ``--path both``: both paths in the same
run, the dynamic one first at each configuration). Its floor is N resources of a provider
plugin that makes no HTTP call (scripts/bench/noop_plugin.py: the same SDK server,
``pulumi.provider.experimental``); both plugins are found through ``plugins: providers:`` in the
project's Pulumi.yaml. The same figures are reported for it (ours = the plugin, floor = the
no-op plugin), under "plugin" in deploy.json, and with ``both``, per (N, L > 0) the plugin at
the defaults against the dynamic path at the defaults (target at L >= 1 s: 3x faster). The
dynamic path's figures and output are unchanged; ``--types-n`` runs with the dynamic path only.

    .venv/bin/python scripts/bench_deploy.py [--path dynamic|plugin|both]
        [--sizes 10,50,200] [--latencies 0,100]
        [--concurrency 4,16] [--pairs 100:1000] [--types-n 10] [--repeat 1] [--quick]
        [--out bench-results/]
        [--max-minutes 30]

Progress on stderr, the table on stdout; raw results in <out>/deploy.json and deploy.csv,
the table as markdown in <out>/deploy.md. Loopback only; every subprocess has a timeout; the
emulators are stopped at exit. Not a test: the targets are printed, not asserted.
"""

from __future__ import annotations

import argparse
import atexit
import base64
import csv
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import requests

from pulumi_openconnectors.devtools.engine import engine_bin as devtools_engine_bin
from pulumi_openconnectors.devtools.launcher import EmulatorProcess
from pulumi_openconnectors.devtools.paths import NOOP_DIR, PYTHON, REPO, VENV
from pulumi_openconnectors.devtools.stack import PulumiFailed, Stack, shown

sys.path.insert(0, str(NOOP_DIR))  # scripts/bench: the benchmark's own helpers
from bench_types import type_benches

ROOT = REPO
COUNTING_EMULATOR = ROOT / "scripts" / "bench" / "counting_emulator.py"
# bench_noop.py (the floor's resource) is not in the package users install: NOOP_DIR goes on
# PYTHONPATH for the program and the dynamic-provider process (both inherit the CLI's env).
PASSPHRASE = "bench-passphrase"
USER_SECRET = "demo-user-secret"
ORG_SECRET = "demo-organization-secret"
AUTH = {"Authorization": f"User {USER_SECRET}, Organization {ORG_SECRET}"}
PROJECT = "ocbench"
STACK = "bench"
HOST_CONCURRENCY = 4  # max_workers of the Python dynamic-provider host's gRPC server
DEFAULT_CONCURRENCIES = [HOST_CONCURRENCY, 16]
DEFAULT_PAIRS = [(100, 1000)]

OPS = ("up", "preview", "update", "refresh", "destroy")
# The ideal number of API calls per resource for each operation (the targets).
IDEAL_CALLS = {"up": 1, "preview": 0, "update": 1, "refresh": 1, "destroy": 1}
IDEAL_ROUTE = {
    "up": "POST /instances",
    "update": "PATCH /instances/{id}",
    "refresh": "GET /instances/{id}",
    "destroy": "DELETE /instances/{id}",
}
# What each document type does in ``--types-n`` (its program lines, its routes, the emulator's
# count of its objects, the operations that make two calls by design and why): declared by the
# type in scripts/bench/types/<folder>.py (scripts/bench/bench_types.py).
TYPE_BENCHES = type_benches()
# Every operation of a document type that makes two calls per resource (one on each of two
# routes) by design, and why; all others make one (none for a preview). Printed under the
# table of ``--types-n``.
TWO_CALLS: dict[tuple[str, str], str] = {
    (kind, op): why for kind, bench in TYPE_BENCHES.items() for op, why in bench.two_calls.items()
}
# Operations whose one call depends on the program: said under the table too.
ONE_CALL_NOTES: dict[tuple[str, str], str] = {
    (kind, op): why for kind, bench in TYPE_BENCHES.items() for op, why in bench.notes.items()
}
TARGET_FLOOR_RATIO = 1.15  # at L = 0, N < 200
TARGET_FLOOR_RATIO_LARGE = 1.3  # at L = 0, N >= 200
TARGET_BOUND_RATIO = 1.25  # at L > 0
TARGET_STATE_OVER_FLOOR = 1024  # bytes per instance above the floor's
TARGET_SPEEDUP = 2.5  # wide over default, up and destroy, at L >= 1000 ms


def floor_target(n: int) -> float:
    return TARGET_FLOOR_RATIO_LARGE if n >= 200 else TARGET_FLOOR_RATIO


OURS_PROGRAM = """\
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
count = int(cfg.require("count"))
tag = cfg.require("tag")
for i in range(count):
    oc.ConnectorInstance(
        f"inst-{i}",
        element_key="closeio",
        name=f"bench-{i}",
        configuration={"username": f"bench{i}@example.com", "password": "bench-password"},
        tags=["bench", tag],
    )
"""

FLOOR_PROGRAM = """\
import pulumi
from bench_noop import Noop

cfg = pulumi.Config()
count = int(cfg.require("count"))
tag = cfg.require("tag")
for i in range(count):
    Noop(f"noop-{i}", value=tag)
"""

# The plugin path (``--path plugin``): the same N ConnectorInstances through the provider plugin
# (pulumi-resource-openconnectors, the typed classes of pulumi_openconnectors.native), and its
# floor: N resources of a no-op provider plugin (scripts/bench/noop_plugin.py) written the same
# way, on the same SDK server.
PLUGIN_PROGRAM = OURS_PROGRAM.replace(
    "import pulumi_openconnectors as oc", "import pulumi_openconnectors.native as oc"
)

PLUGIN_FLOOR_PROGRAM = """\
import pulumi


class Noop(pulumi.CustomResource):
    value: pulumi.Output[str]

    def __init__(self, name, value):
        super().__init__("ocnoop:index:Noop", name, {"value": value})


cfg = pulumi.Config()
count = int(cfg.require("count"))
tag = cfg.require("tag")
for i in range(count):
    Noop(f"noop-{i}", value=tag)
"""

# kind -> its program; "ours" and "floor" are the dynamic path's, FLOOR_OF pairs them.
PROGRAMS = {
    "ours": OURS_PROGRAM,
    "floor": FLOOR_PROGRAM,
    "plugin": PLUGIN_PROGRAM,
    "plugin-floor": PLUGIN_FLOOR_PROGRAM,
}
FLOOR_OF = {"ours": "floor", "plugin": "plugin-floor"}
PATH_KINDS = {"dynamic": "ours", "plugin": "plugin"}
TARGET_PLUGIN_SPEEDUP = 3.0  # the plugin at defaults over the dynamic path at defaults, L >= 1 s
NOOP_PLUGIN = ROOT / "scripts" / "bench" / "noop_plugin.py"


def plugin_dirs(out: Path) -> dict[str, Path]:
    """The plugin executables' directories, for the project's ``plugins: providers:``: the
    package's plugin in the virtualenv's bin, and ``pulumi-resource-ocnoop`` (a wrapper that
    runs noop_plugin.py with the virtualenv's Python) in ``out``/plugins."""
    ours = VENV / "bin" / "pulumi-resource-openconnectors"
    if not ours.exists():
        raise BenchAborted(f"{ours} not found: install the package (`pip install -e .`)")
    noop_dir = out / "plugins"
    noop_dir.mkdir(parents=True, exist_ok=True)
    noop = noop_dir / "pulumi-resource-ocnoop"
    noop.write_text(f'#!/bin/sh\nexec "{PYTHON}" "{NOOP_PLUGIN}" "$@"\n')
    noop.chmod(0o755)
    return {"openconnectors": ours.parent, "ocnoop": noop_dir}


# The document types, N of each, in one stack (``--types-n``): the update changes one field of
# every resource (the config value ``tag``, v1 then v2), e.g. the formula's description, one
# field path of the common resource and of its transformation.
TYPES_PROGRAM = (
    "import pulumi\n"
    "import pulumi_openconnectors as oc\n"
    "\n"
    "cfg = pulumi.Config()\n"
    'count = int(cfg.require("count"))\n'
    'tag = cfg.require("tag")\n'
    + "".join(bench.setup for bench in TYPE_BENCHES.values())
    + "for i in range(count):\n"
    + "".join(bench.program for bench in TYPE_BENCHES.values())
)

# Which API routes belong to which type (the emulator's route templates), the emulator's count
# of its objects, and the types of which the program makes fewer than N.
TYPE_ROUTES = {kind: re.compile(bench.routes) for kind, bench in TYPE_BENCHES.items()}
TYPE_STATS_KEY = {kind: bench.held for kind, bench in TYPE_BENCHES.items()}
TYPE_LIMIT = {kind: bench.limit for kind, bench in TYPE_BENCHES.items() if bench.limit}


# -- plumbing -----------------------------------------------------------------------------


class BenchAborted(RuntimeError):
    pass


class Budget:
    def __init__(self, minutes: float) -> None:
        self.start = time.monotonic()
        self.deadline = self.start + minutes * 60
        self.minutes = minutes

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def timeout(self, wanted: float) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise BenchAborted(
                f"time guard: the benchmark ran over {self.minutes:g} minutes and was stopped "
                "(use --max-minutes, fewer --sizes or --quick)"
            )
        return min(wanted, left)


BUDGET = Budget(30)


def progress(message: str) -> None:
    print(f"[bench {BUDGET.elapsed():6.1f}s] {message}", file=sys.stderr, flush=True)


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def engine_bin() -> Path:
    return devtools_engine_bin(timeout=BUDGET.timeout(3600))


# -- the emulator -------------------------------------------------------------------------


class Emulator:
    """The emulator (plus a connection counter) in its own process, on a loopback port."""

    running: list[Emulator] = []

    def __init__(self, latency_ms: int, log_path: Path) -> None:
        self.latency_ms = latency_ms
        self.session = requests.Session()
        # --port 0: the emulator binds a free port itself and announces it (no free-port race).
        self.process = EmulatorProcess(
            log_path,
            latency_ms=latency_ms,
            command=[str(PYTHON), str(COUNTING_EMULATOR)],
            ready=lambda found: self._counts(found.root_url),
        )
        Emulator.running.append(self)
        self.process.start(timeout=30)
        self.proc = self.process.proc
        self.port = self.process.port
        self.root = self.process.root_url
        self.base_url = self.process.base_url

    def _counts(self, root: str) -> bool:
        try:
            return self.session.get(f"{root}/_bench/connections", timeout=1).ok
        except requests.RequestException:
            return False

    def reset(self) -> None:
        self.session.post(
            f"{self.root}/_emulator/reset", headers=AUTH, timeout=10
        ).raise_for_status()
        self.reset_connections()

    def reset_connections(self) -> None:
        self.session.post(f"{self.root}/_bench/connections/reset", timeout=10).raise_for_status()

    def clear_stats(self) -> None:
        """Zero the request counters and the in-flight peak (instances stay)."""
        self.session.delete(
            f"{self.root}/_emulator/stats", headers=AUTH, timeout=10
        ).raise_for_status()

    def stats(self) -> dict[str, Any]:
        answer = self.session.get(f"{self.root}/_emulator/stats", headers=AUTH, timeout=10)
        answer.raise_for_status()
        return dict(answer.json())

    def connections(self) -> dict[str, int]:
        answer = self.session.get(f"{self.root}/_bench/connections", timeout=10)
        answer.raise_for_status()
        return dict(answer.json())

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) the emulator process has used so far, from /proc."""
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.stop()
        self.session.close()
        if self in Emulator.running:
            Emulator.running.remove(self)


def stop_all_emulators() -> None:
    for emu in list(Emulator.running):
        try:
            emu.stop()
        except Exception as exc:  # best effort at exit
            print(f"[bench] could not stop the emulator {emu.process.log}: {exc}", file=sys.stderr)


atexit.register(stop_all_emulators)


# -- a stack ------------------------------------------------------------------------------

# --pulumi-env, for experiments (e.g. PULUMI_SKIP_CHECKPOINTS): added to every stack's env.
EXTRA_PULUMI_ENV: dict[str, str] = {}


class BenchStack(Stack):
    """A project + stack + file backend in a fresh directory, driven by the real CLI."""

    def __init__(self, workdir: Path, bin_dir: Path, program: str, log_path: Path) -> None:
        super().__init__(
            workdir=workdir,
            bin_dir=bin_dir,
            program=program,
            stack=STACK,
            project=PROJECT,
            passphrase=PASSPHRASE,
            log_path=log_path,
            extra_env={
                "PYTHONPATH": os.pathsep.join(
                    p for p in (str(NOOP_DIR), os.environ.get("PYTHONPATH", "")) if p
                ),
                **EXTRA_PULUMI_ENV,
            },
        )
        self.parallel: int | None = None  # `--parallel` of every operation (None: default)

    def use_plugins(self, plugins: dict[str, Path]) -> None:
        """Name provider plugins' directories in the project (``plugins: providers:``)."""
        entries = "".join(
            f"    - name: {name}\n      path: {path}\n" for name, path in plugins.items()
        )
        pulumi_yaml = self.project_dir / "Pulumi.yaml"
        pulumi_yaml.write_text(pulumi_yaml.read_text() + f"plugins:\n  providers:\n{entries}")

    def timed(self, *args: str, timeout: float = 900) -> float:
        """Run `pulumi <args>`; return its wall time in seconds (raise if it failed)."""
        try:
            self.run(*args, timeout=BUDGET.timeout(timeout))
        except subprocess.TimeoutExpired as exc:
            raise BenchAborted(
                f"pulumi {' '.join(shown(args))} timed out after {exc.timeout:.0f}s"
            ) from None
        return self.last_seconds

    def init_config(self, config: dict[str, str], secrets: dict[str, str]) -> None:
        self.timed("stack", "init", STACK, "--non-interactive")
        self.config_all(config, secrets)

    def set_config(self, key: str, value: str) -> None:
        self.timed("config", "set", "--stack", STACK, key, "--", value)

    def op(self, name: str) -> float:
        common = ["--non-interactive", "--stack", STACK]
        if self.parallel is not None:
            common += ["--parallel", str(self.parallel)]
        if name == "preview":
            return self.timed("preview", "--expect-no-changes", *common)
        if name in ("up", "update"):
            return self.timed("up", "--yes", "--skip-preview", *common)
        return self.timed(name, "--yes", "--skip-preview", *common)


# -- measurements -------------------------------------------------------------------------


@dataclass
class OpResult:
    kind: str  # "ours" or "floor"; on the plugin path "plugin" or "plugin-floor"
    n: int
    latency_ms: int  # emulator latency (the floor makes no HTTP call: -1)
    repeat: int
    op: str
    seconds: float
    requests: dict[str, int] = field(default_factory=dict)  # per route, this operation
    connections: int | None = None  # distinct TCP connections seen by the emulator
    emulator_cpu_s: float | None = None  # CPU the emulator spent serving this operation
    concurrency: int = HOST_CONCURRENCY  # openconnectors:concurrency (and --parallel when > 4)
    peak_in_flight: int | None = None  # the most API requests in flight at once (emulator)
    loadavg_1m: float | None = None  # the machine's 1-minute load average when it started


@dataclass
class StateResult:
    kind: str
    n: int
    latency_ms: int
    repeat: int
    checkpoint_bytes: int
    bytes_per_instance: float
    resource_json_bytes: float  # mean size of one resource's entry in the checkpoint
    inputs_json_bytes: float  # ... of which its "inputs"
    outputs_json_bytes: float  # ... and its "outputs" (the rest is the engine's metadata)
    provider_b64_chars: float  # mean length of inputs["__provider"]
    provider_bytes: float  # the same, base64-decoded
    provider_secret: bool
    entry_bytes_by_key: dict[str, float] = field(default_factory=dict)  # mean, per entry key
    concurrency: int = HOST_CONCURRENCY


def state_sizes(stack: BenchStack, kind: str, n: int, latency: int, repeat: int) -> StateResult:
    path = stack.checkpoint()
    raw = path.read_bytes()
    data = json.loads(raw)
    resources = data["checkpoint"]["latest"]["resources"]
    suffix = ":ConnectorInstance" if kind in FLOOR_OF else ":Noop"
    mine = [r for r in resources if str(r["type"]).endswith(suffix)]
    if len(mine) != n:
        raise RuntimeError(f"expected {n} {suffix[1:]} resources in state, found {len(mine)}")
    b64: list[int] = []
    decoded: list[int] = []
    secret = False
    for res in mine:
        value = res.get("inputs", {}).get("__provider")
        if isinstance(value, str):
            b64.append(len(value))
            decoded.append(len(base64.b64decode(value)))
        elif isinstance(value, dict):  # a secret: {"4dabf18193072939515e22adb298388d": ..}
            secret = True
            b64.append(len(json.dumps(value)))
            decoded.append(0)

    def size(value: Any) -> int:  # the file backend writes compact JSON
        return len(json.dumps(value, separators=(",", ":")).encode())

    resource_bytes = [size(r) for r in mine]
    return StateResult(
        kind=kind,
        n=n,
        latency_ms=latency,
        repeat=repeat,
        checkpoint_bytes=len(raw),
        bytes_per_instance=len(raw) / n,
        resource_json_bytes=statistics.mean(resource_bytes),
        inputs_json_bytes=statistics.mean(size(r.get("inputs", {})) for r in mine),
        outputs_json_bytes=statistics.mean(size(r.get("outputs", {})) for r in mine),
        provider_b64_chars=statistics.mean(b64) if b64 else 0,
        provider_bytes=statistics.mean(decoded) if decoded else 0,
        provider_secret=secret,
        entry_bytes_by_key={
            key: round(statistics.mean(size(r[key]) + len(key) + 4 for r in mine if key in r), 1)
            for key in sorted({k for r in mine for k in r})
        },
    )


def request_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in set(before) | set(after)}
    return {k: v for k, v in sorted(delta.items()) if v}


def run_config(
    kind: str,
    n: int,
    latency: int,
    repeat: int,
    bin_dir: Path,
    emulator: Emulator | None,
    logs: Path,
    keep: bool,
    concurrency: int = HOST_CONCURRENCY,
    plugins: dict[str, Path] | None = None,
) -> tuple[list[OpResult], StateResult]:
    label = (
        f"{kind} N={n}"
        + (f" L={latency}ms" if emulator else "")
        + f" C={concurrency} #{repeat + 1}"
    )
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-{n}-", dir=None))
    log_path = logs / f"{kind}-n{n}-l{latency}-c{concurrency}-r{repeat}.log"
    log_path.write_text("")
    try:
        stack = BenchStack(workdir, bin_dir, PROGRAMS[kind], log_path)
        if kind.startswith("plugin"):
            assert plugins is not None, "the plugin path needs plugin_dirs()"
            stack.use_plugins(plugins)
        if concurrency != HOST_CONCURRENCY:
            stack.parallel = concurrency
        config = {"count": str(n), "tag": "v1"}
        secrets: dict[str, str] = {}
        if emulator is not None:
            if concurrency != HOST_CONCURRENCY:
                config["openconnectors:concurrency"] = str(concurrency)
            config["openconnectors:baseUrl"] = emulator.base_url
            secrets = {
                "openconnectors:userSecret": USER_SECRET,
                "openconnectors:organizationSecret": ORG_SECRET,
            }
            emulator.reset()
        stack.init_config(config, secrets)
        results: list[OpResult] = []
        state: StateResult | None = None
        for op in OPS:
            if op == "update":
                stack.set_config("tag", "v2")
            before: dict[str, int] = {}
            cpu_before: float | None = None
            if emulator is not None:
                emulator.clear_stats()
                before = emulator.stats()["requests"]
                emulator.reset_connections()
                cpu_before = emulator.cpu_seconds()
            load = loadavg()
            seconds = stack.op(op)
            result = OpResult(kind, n, latency, repeat, op, seconds, concurrency=concurrency)
            result.loadavg_1m = load[0] if load else None
            if emulator is not None:
                cpu_after = emulator.cpu_seconds()
                if cpu_before is not None and cpu_after is not None:
                    result.emulator_cpu_s = round(cpu_after - cpu_before, 3)
                after = emulator.stats()
                result.requests = request_delta(before, after["requests"])
                result.peak_in_flight = after.get("peakInFlight")
                result.connections = emulator.connections()["connections"]
                expected = 0 if op == "destroy" else n
                if after["instances"] != expected:
                    raise RuntimeError(
                        f"{label}: after {op} the emulator holds {after['instances']} "
                        f"instances, expected {expected}"
                    )
            results.append(result)
            total = sum(result.requests.values())
            progress(
                f"{label} {op:8s} {seconds:7.2f}s (load {result.loadavg_1m})"
                + (
                    f"  {total / n:.2f} req/res, {result.connections} conn, "
                    f"peak {result.peak_in_flight} in flight, "
                    f"emulator CPU {result.emulator_cpu_s}s"
                    if emulator
                    else ""
                )
            )
            if op == "up":
                state = state_sizes(stack, kind, n, latency, repeat)
                state.concurrency = concurrency
        assert state is not None
        return results, state
    finally:
        if keep:
            progress(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class TypeResult:
    """API calls of one operation on the N resources of one document type (``--types-n``)."""

    type: str
    n: int
    op: str
    seconds: float  # the whole stack's operation (all the types at once)
    requests: dict[str, int] = field(default_factory=dict)  # per route, this type only

    @property
    def per_resource(self) -> float:
        return sum(self.requests.values()) / self.n

    @property
    def ideal_routes(self) -> int:
        """How many routes the ideal calls use, one call on each: 0 for a preview, 2 where
        ``TWO_CALLS`` says so (GET + PUT for a read-merge-write update, ...), else 1."""
        if IDEAL_CALLS[self.op] == 0:
            return 0
        return 2 if (self.type, self.op) in TWO_CALLS else 1

    @property
    def ok(self) -> bool:
        """Exactly the ideal number of calls per resource: one on one route per call."""
        routes = self.ideal_routes
        if routes == 0:
            return not self.requests
        return len(self.requests) == routes and all(
            count == IDEAL_CALLS[self.op] * self.n for count in self.requests.values()
        )


def run_types(
    n: int, bin_dir: Path, emulator: Emulator, logs: Path, keep: bool
) -> list[TypeResult]:
    """The five operations on N of each document type, counting each type's API calls."""
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-types-{n}-"))
    log_path = logs / f"types-n{n}.log"
    log_path.write_text("")
    try:
        stack = BenchStack(workdir, bin_dir, TYPES_PROGRAM, log_path)
        emulator.reset()
        stack.init_config(
            {"count": str(n), "tag": "v1", "openconnectors:baseUrl": emulator.base_url},
            {
                "openconnectors:userSecret": USER_SECRET,
                "openconnectors:organizationSecret": ORG_SECRET,
            },
        )
        results: list[TypeResult] = []
        for op in OPS:
            if op == "update":
                stack.set_config("tag", "v2")
            emulator.clear_stats()
            seconds = stack.op(op)
            after = emulator.stats()
            for type_name, pattern in TYPE_ROUTES.items():
                requests_ = {k: v for k, v in after["requests"].items() if pattern.match(k)}
                count = min(n, TYPE_LIMIT.get(type_name, n))
                result = TypeResult(type_name, count, op, seconds, dict(sorted(requests_.items())))
                results.append(result)
                held = after[TYPE_STATS_KEY[type_name]]
                if held != (0 if op == "destroy" else count):
                    raise RuntimeError(
                        f"types N={n}: after {op} the emulator holds {held} {type_name} objects"
                    )
            unclaimed = {
                k: v
                for k, v in after["requests"].items()
                if not any(p.match(k) for p in TYPE_ROUTES.values())
            }
            if unclaimed:
                raise RuntimeError(f"types N={n}: {op} made calls of no type: {unclaimed}")
            progress(
                f"types N={n} {op:8s} {seconds:7.2f}s  "
                + ", ".join(f"{r.type} {r.per_resource:.2f}" for r in results[-len(TYPE_ROUTES) :])
                + " req/res"
            )
        return results
    finally:
        if keep:
            progress(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def render_types(results: list[TypeResult], md: bool) -> str:
    """API calls per resource per operation, by document type."""
    if not results:
        return ""
    n = results[0].n
    head = ["type", *OPS]
    body = []
    for type_name in TYPE_ROUTES:
        row = [type_name]
        for op in OPS:
            found = [r for r in results if r.type == type_name and r.op == op]
            if not found:
                row.append("-")
                continue
            r = found[0]
            routes = ", ".join(f"{k} x{v / r.n:g}" for k, v in r.requests.items()) or "none"
            row.append(f"{r.per_resource:g} ({routes}){'' if r.ok else ' MISSED'}")
        body.append(row)
    title = f"API calls per resource per operation, document types (N = {n} of each, L = 0)"
    # The ideal is one call per resource per operation (none for a preview); these make two
    # by design, one on each of two routes:
    notes = [
        f"{kind} {op}: 2 calls, {why}."
        for (kind, op), why in TWO_CALLS.items()
        if any(r.type == kind and r.op == op for r in results)
    ] + [
        f"{kind} {op}: {why}."
        for (kind, op), why in ONE_CALL_NOTES.items()
        if any(r.type == kind and r.op == op for r in results)
    ]
    if md:
        lines = [f"### {title}", "", "| " + " | ".join(head) + " |",
                 "|" + "---|" * len(head)]  # fmt: skip
        lines += ["| " + " | ".join(row) + " |" for row in body]
        if notes:
            lines += ["", "One call per resource per operation (none for a preview), except:", ""]
            lines += [f"- {note}" for note in notes]
        return "\n".join(lines) + "\n"
    lines = [title]
    for row in body:
        cells = zip(OPS, row[1:], strict=True)
        lines.append(f"  {row[0]}: " + "; ".join(f"{op} {v}" for op, v in cells))
    if notes:
        lines.append("  One call per resource per operation (none for a preview), except:")
        lines += [f"    {note}" for note in notes]
    return "\n".join(lines) + "\n"


# -- summary ------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise(
    ops: list[OpResult],
    states: list[StateResult],
    pairs: list[tuple[int, int]],
    concurrencies: list[int],
    ours_kind: str = "ours",
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The figures of one path: ``ours_kind`` ("ours": the dynamic path, or "plugin") against
    its floor (FLOOR_OF)."""
    floor_kind = FLOOR_OF[ours_kind]
    rows: list[dict[str, Any]] = []
    for n, latency in pairs:
        for conc in concurrencies:
            for op in OPS:
                ours = [
                    r
                    for r in ops
                    if (r.kind, r.n, r.latency_ms, r.op, r.concurrency)
                    == (ours_kind, n, latency, op, conc)
                ]
                floor = [
                    r
                    for r in ops
                    if (r.kind, r.n, r.op, r.concurrency) == (floor_kind, n, op, conc)
                ]
                if not ours or not floor:
                    continue
                t_ours = median([r.seconds for r in ours])
                t_floor = median([r.seconds for r in floor])
                bound = t_floor + n * IDEAL_CALLS[op] * latency / 1000 / conc
                routes: dict[str, float] = {}
                for r in ours:
                    for route, count in r.requests.items():
                        routes[route] = routes.get(route, 0) + count / n / len(ours)
                req_per_res = sum(routes.values())
                conns = [r.connections for r in ours if r.connections is not None]
                peaks = [r.peak_in_flight for r in ours if r.peak_in_flight is not None]
                emu_cpu = [r.emulator_cpu_s for r in ours if r.emulator_cpu_s is not None]
                ratio_floor = t_ours / t_floor
                ratio_bound = t_ours / bound
                if latency == 0:
                    time_ok = ratio_floor <= floor_target(n)
                else:
                    time_ok = ratio_bound <= TARGET_BOUND_RATIO
                ideal_route = IDEAL_ROUTE.get(op)
                if ideal_route is None:
                    calls_ok = req_per_res == 0
                else:
                    calls_ok = set(routes) == {ideal_route} and abs(routes[ideal_route] - 1) < 1e-9
                rows.append(
                    {
                        "n": n,
                        "latency_ms": latency,
                        "concurrency": conc,
                        "parallel": conc if conc != HOST_CONCURRENCY else None,
                        "op": op,
                        "repeats": len(ours),
                        "ours_s": round(t_ours, 3),
                        "floor_s": round(t_floor, 3),
                        "ours_over_floor": round(ratio_floor, 3),
                        "bound_s": round(bound, 3),
                        "ours_over_bound": round(ratio_bound, 3),
                        "time_target": (
                            f"<= {floor_target(n)}x floor"
                            if latency == 0
                            else f"<= {TARGET_BOUND_RATIO}x bound"
                        ),
                        "time_target_met": time_ok,
                        "requests_per_resource": round(req_per_res, 3),
                        "requests_by_route": {k: round(v, 3) for k, v in routes.items()},
                        "calls_target_met": calls_ok,
                        "connections": max(conns) if conns else None,
                        "peak_in_flight": max(peaks) if peaks else None,
                        "emulator_cpu_s": round(median(emu_cpu), 3) if emu_cpu else None,
                        "ours_runs_s": [round(r.seconds, 3) for r in ours],
                        "loadavg_1m_runs": [r.loadavg_1m for r in ours],
                        "floor_runs_s": [round(r.seconds, 3) for r in floor],
                    }
                )
    speedups: list[dict[str, Any]] = []
    wide = [c for c in concurrencies if c != HOST_CONCURRENCY]
    for n, latency in pairs:
        for conc in wide:
            for op in OPS:
                base = [
                    r
                    for r in rows
                    if (r["n"], r["latency_ms"], r["op"], r["concurrency"])
                    == (n, latency, op, HOST_CONCURRENCY)
                ]
                fast = [
                    r
                    for r in rows
                    if (r["n"], r["latency_ms"], r["op"], r["concurrency"])
                    == (n, latency, op, conc)
                ]
                if not base or not fast or latency == 0 or IDEAL_CALLS[op] == 0:
                    continue
                speedup = base[0]["ours_s"] / fast[0]["ours_s"]
                targeted = latency >= 1000 and op in ("up", "destroy")
                speedups.append(
                    {
                        "n": n,
                        "latency_ms": latency,
                        "op": op,
                        "concurrency": conc,
                        "default_s": base[0]["ours_s"],
                        "wide_s": fast[0]["ours_s"],
                        "speedup": round(speedup, 2),
                        "speedup_target_met": speedup >= TARGET_SPEEDUP if targeted else None,
                    }
                )
    state_rows: list[dict[str, Any]] = []
    sizes = sorted({n for n, _ in pairs})
    for n in sizes:
        floors = [s.bytes_per_instance for s in states if s.kind == floor_kind and s.n == n]
        floor_per_inst = median(floors) if floors else None
        for kind in (ours_kind, floor_kind):
            mine = [s for s in states if s.kind == kind and s.n == n]
            if not mine:
                continue
            per_inst = median([s.bytes_per_instance for s in mine])
            met = None
            if kind == ours_kind and floor_per_inst is not None:
                met = per_inst <= floor_per_inst + TARGET_STATE_OVER_FLOOR
            state_rows.append(
                {
                    "kind": kind,
                    "n": n,
                    "checkpoint_bytes": int(median([s.checkpoint_bytes for s in mine])),
                    "bytes_per_instance": round(per_inst, 1),
                    "over_floor_per_instance": (
                        round(per_inst - floor_per_inst, 1)
                        if kind == ours_kind and floor_per_inst is not None
                        else None
                    ),
                    "resource_json_bytes": round(median([s.resource_json_bytes for s in mine]), 1),
                    "inputs_json_bytes": round(median([s.inputs_json_bytes for s in mine]), 1),
                    "outputs_json_bytes": round(median([s.outputs_json_bytes for s in mine]), 1),
                    "provider_b64_chars": round(median([s.provider_b64_chars for s in mine]), 1),
                    "provider_bytes": round(median([s.provider_bytes for s in mine]), 1),
                    "provider_secret": any(s.provider_secret for s in mine),
                    "entry_bytes_by_key": mine[0].entry_bytes_by_key,
                    "state_target_met": met,
                }
            )
    return rows, state_rows, speedups


def mark(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISS")


def render(
    rows: list[dict[str, Any]],
    state_rows: list[dict[str, Any]],
    machine: dict[str, Any],
    md: bool,
    speedups: list[dict[str, Any]] | None = None,
    path: str = "dynamic",
) -> str:
    """The table of one path (``path``: "dynamic", ours = the dynamic resources; or "plugin",
    ours = the provider plugin, floor = the no-op plugin)."""
    head = [
        "N",
        "L ms",
        "C",
        "op",
        "ours s",
        "floor s",
        "ours/floor",
        "bound s",
        "ours/bound",
        "time target",
        "req/res",
        "routes",
        "conns",
        "peak",
        "calls target",
        "emu CPU s",
    ]
    body = []
    for r in rows:
        routes = ", ".join(f"{k} {v:g}" for k, v in r["requests_by_route"].items()) or "-"
        ratio = r["ours_over_floor"] if r["latency_ms"] == 0 else r["ours_over_bound"]
        limit = floor_target(r["n"]) if r["latency_ms"] == 0 else TARGET_BOUND_RATIO
        body.append(
            [
                str(r["n"]),
                str(r["latency_ms"]),
                str(r["concurrency"]),
                r["op"],
                f"{r['ours_s']:.2f}",
                f"{r['floor_s']:.2f}",
                f"{r['ours_over_floor']:.2f}",
                f"{r['bound_s']:.2f}",
                f"{r['ours_over_bound']:.2f}",
                f"{ratio:.2f} <= {limit} {mark(r['time_target_met'])}",
                f"{r['requests_per_resource']:g}",
                routes,
                "-" if r["connections"] is None else str(r["connections"]),
                "-" if r["peak_in_flight"] is None else str(r["peak_in_flight"]),
                mark(r["calls_target_met"]),
                "-" if r["emulator_cpu_s"] is None else f"{r['emulator_cpu_s']:.2f}",
            ]
        )
    shead = [
        "kind",
        "N",
        "checkpoint B",
        "B/instance",
        "B/resource entry",
        "of which inputs",
        "outputs",
        "engine metadata",
        "__provider b64 chars",
        "__provider bytes",
        "over floor",
        "state target (<= floor + 1 KB)",
    ]
    sbody = [
        [
            s["kind"],
            str(s["n"]),
            str(s["checkpoint_bytes"]),
            f"{s['bytes_per_instance']:.0f}",
            f"{s['resource_json_bytes']:.0f}",
            f"{s['inputs_json_bytes']:.0f}",
            f"{s['outputs_json_bytes']:.0f}",
            f"{s['resource_json_bytes'] - s['inputs_json_bytes'] - s['outputs_json_bytes']:.0f}",
            f"{s['provider_b64_chars']:.0f}" + (" (secret)" if s["provider_secret"] else ""),
            f"{s['provider_bytes']:.0f}",
            "-" if s["over_floor_per_instance"] is None else f"{s['over_floor_per_instance']:.0f}",
            mark(s["state_target_met"]) or "-",
        ]
        for s in state_rows
    ]
    notes = [
        f"machine: {machine['nproc']} CPUs, {machine['platform']}, python {machine['python']}, "
        f"pulumi {machine['pulumi']}, provider code {machine['provider_code']}; "
        f"load average at start {machine['loadavg_start']}, "
        f"at end {machine['loadavg_end']} (other work was running on this machine).",
        f"C: openconnectors:concurrency. C = {HOST_CONCURRENCY}: the default (the Python "
        "dynamic-provider host's own 4 calls at a time; the engine's default parallelism, no "
        "--parallel flag); C > 4: openconnectors:concurrency=C and `--parallel C` for ours and "
        "for the floor. peak: the most API requests in flight at once (emulator gauge).",
        f"times: median of {machine['repeat']} run(s), wall time of the `pulumi` CLI process "
        "(up/update/refresh/destroy with --skip-preview; preview with --expect-no-changes); "
        "fresh file backend per configuration, emulator reset before each.",
        "floor: the same N of bench_noop.Noop (scripts/bench/, no HTTP), same run, same "
        "--parallel; it does not depend on L, so one floor per (N, C) serves every latency.",
        "bound = floor + N x calls x L / C, calls = the ideal API calls per resource "
        "(1; 0 for preview). At L = 0 the bound is the floor.",
        "req/res: the emulator's request counters (delta over the operation) / N. conns: "
        "distinct client (host, port) pairs the emulator saw during the operation = TCP "
        "connections opened by the one provider process (<= C means the pool is shared "
        "and kept alive).",
        "emu CPU s: CPU time the emulator process used during the operation: it shares this "
        "machine's cores with the engine and the provider (a real API would not).",
        "B/instance: checkpoint file (.pulumi/stacks/<project>/<stack>.json) size / N after up; "
        "B/resource entry: one resource's own (compact) JSON entry in it: its inputs, its "
        "outputs, and the engine's metadata (urn, provider reference, dependencies, "
        "timestamps, source position...; per key in deploy.json).",
    ]
    if path == "plugin":
        notes = [n for n in notes if not n.startswith(("floor:", "C:"))] + PLUGIN_NOTES
    if EXTRA_PULUMI_ENV:
        notes.append(f"EXPERIMENT: extra pulumi environment {EXTRA_PULUMI_ENV}")
    xhead = ["N", "L ms", "op", "C", f"ours s at C={HOST_CONCURRENCY}", "ours s at C", "speedup"]
    xbody = [
        [
            str(x["n"]),
            str(x["latency_ms"]),
            x["op"],
            str(x["concurrency"]),
            f"{x['default_s']:.2f}",
            f"{x['wide_s']:.2f}",
            f"{x['speedup']:.2f}x"
            + (
                ""
                if x["speedup_target_met"] is None
                else f" >= {TARGET_SPEEDUP} {mark(x['speedup_target_met'])}"
            ),
        ]
        for x in speedups or []
    ]
    if md:
        lines = [f"### {PLUGIN_TITLE}", ""] if path == "plugin" else []
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in body]
        lines += ["", "| " + " | ".join(shead) + " |", "|" + "---|" * len(shead)]
        lines += ["| " + " | ".join(row) + " |" for row in sbody]
        if xbody:
            lines += ["", "| " + " | ".join(xhead) + " |", "|" + "---|" * len(xhead)]
            lines += ["| " + " | ".join(row) + " |" for row in xbody]
        lines += [""] + [f"- {n}" for n in notes]
        return "\n".join(lines) + "\n"

    def table(h: list[str], b: list[list[str]]) -> list[str]:
        widths = [
            max(len(h[i]), *(len(row[i]) for row in b)) if b else len(h[i]) for i in range(len(h))
        ]
        fmt = "  ".join(f"{{:{'<' if i in (3, 11) else '>'}{w}}}" for i, w in enumerate(widths))
        out = [fmt.format(*h), fmt.format(*("-" * w for w in widths))]
        out += [fmt.format(*row) for row in b]
        return out

    title = "Deployment benchmark (real engine + emulator)"
    if path == "plugin":
        title = "Deployment benchmark, plugin path (real engine + emulator)"
    lines = [title, ""]
    lines += table(head, body)
    lines += [""]
    sfmt_h = shead[:]
    lines += table(sfmt_h, sbody) if sbody else []
    if xbody:
        lines += ["", "Speedup of the wider setting (same run):", *table(xhead, xbody)]
    lines += [""] + [f"* {n}" for n in notes]
    return "\n".join(lines) + "\n"


PLUGIN_TITLE = (
    "Plugin path: ours = ConnectorInstance of pulumi-resource-openconnectors, "
    "floor = ocnoop:index:Noop of the no-op plugin"
)
PLUGIN_NOTES = [
    "plugin path: ours = N pulumi_openconnectors.native.ConnectorInstance served by the "
    "provider plugin pulumi-resource-openconnectors; floor = N ocnoop:index:Noop of "
    "scripts/bench/noop_plugin.py, a provider plugin that makes no HTTP call, on the same SDK "
    "server (pulumi.provider.experimental), same run, same --parallel; both found through "
    "`plugins: providers:` in Pulumi.yaml.",
    f"C: openconnectors:concurrency. C = {HOST_CONCURRENCY}: the default (the plugin runs "
    f"{HOST_CONCURRENCY} operations at a time; the engine's default parallelism, no --parallel "
    "flag); C > 4: openconnectors:concurrency=C and `--parallel C` for ours and for the floor.",
]


def plugin_vs_dynamic(
    dynamic_rows: list[dict[str, Any]], plugin_rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The plugin at the defaults (C = 4) against the dynamic path at the defaults, per
    (N, L > 0, operation that calls the API), both measured in this run."""
    out: list[dict[str, Any]] = []
    for p in plugin_rows:
        if p["concurrency"] != HOST_CONCURRENCY or p["latency_ms"] == 0:
            continue
        if IDEAL_CALLS[p["op"]] == 0:
            continue
        key = (p["n"], p["latency_ms"], p["op"], HOST_CONCURRENCY)
        found = [
            d for d in dynamic_rows if (d["n"], d["latency_ms"], d["op"], d["concurrency"]) == key
        ]
        if not found:
            continue
        speedup = found[0]["ours_s"] / p["ours_s"]
        out.append(
            {
                "n": p["n"],
                "latency_ms": p["latency_ms"],
                "op": p["op"],
                "dynamic_s": found[0]["ours_s"],
                "plugin_s": p["ours_s"],
                "speedup": round(speedup, 2),
                "speedup_target_met": (
                    speedup >= TARGET_PLUGIN_SPEEDUP if p["latency_ms"] >= 1000 else None
                ),
            }
        )
    return out


def render_vs_dynamic(rows: list[dict[str, Any]], md: bool) -> str:
    if not rows:
        return ""
    title = (
        "The plugin against the dynamic path, both at the defaults (C = 4, no --parallel), "
        f"same run (target at L >= 1000 ms: plugin >= {TARGET_PLUGIN_SPEEDUP:g}x faster)"
    )
    head = ["N", "L ms", "op", "dynamic s", "plugin s", "dynamic/plugin"]
    body = [
        [
            str(r["n"]),
            str(r["latency_ms"]),
            r["op"],
            f"{r['dynamic_s']:.2f}",
            f"{r['plugin_s']:.2f}",
            f"{r['speedup']:.2f}x"
            + (
                ""
                if r["speedup_target_met"] is None
                else f" >= {TARGET_PLUGIN_SPEEDUP:g} {mark(r['speedup_target_met'])}"
            ),
        ]
        for r in rows
    ]
    if md:
        lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines) + "\n"
    lines = [title]
    lines += ["  " + "  ".join(f"{h} {c}" for h, c in zip(head, row, strict=True)) for row in body]
    return "\n".join(lines) + "\n"


def machine_info(bin_dir: Path) -> dict[str, Any]:
    def out(argv: list[str]) -> str:
        try:
            return subprocess.run(
                argv, capture_output=True, text=True, timeout=30, check=False
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    return {
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "python": out([str(PYTHON), "-c", "import platform; print(platform.python_version())"]),
        "pulumi": out([str(bin_dir / "pulumi"), "version"]),
        "pulumi_sdk": out(
            [str(PYTHON), "-c", "import importlib.metadata as m; print(m.version('pulumi'))"]
        ),
        "git_head": out(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "loadavg_start": loadavg(),
        "provider_code": out(
            [str(PYTHON), "-c", "import pulumi_openconnectors as p; print(p.__file__)"]
        ),
    }


# -- main ---------------------------------------------------------------------------------


def parse_ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def parse_pairs(text: str) -> list[tuple[int, int]]:
    """``N:L,N:L`` -> [(N, L), ...]; empty: none."""
    pairs: list[tuple[int, int]] = []
    for item in text.split(","):
        if item.strip():
            n, _, latency = item.partition(":")
            pairs.append((int(n), int(latency)))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_ints, default=[10, 50, 200])
    parser.add_argument("--latencies", type=parse_ints, default=[0, 100])
    parser.add_argument(
        "--concurrency",
        type=parse_ints,
        default=DEFAULT_CONCURRENCIES,
        help="openconnectors:concurrency values to run (4: the default; C > 4 adds --parallel C)",
    )
    parser.add_argument(
        "--pairs",
        type=parse_pairs,
        default=DEFAULT_PAIRS,
        help="extra N:L configurations besides --sizes x --latencies (default 100:1000)",
    )
    parser.add_argument(
        "--types-n",
        type=int,
        default=10,
        help="N of each document type (Formula, FormulaInstance, CommonResource, "
        "Transformation, Connector, VirtualDataResource) for the API-call count at L = 0, "
        "C = 4 (0: skip)",
    )
    parser.add_argument(
        "--path",
        choices=("dynamic", "plugin", "both"),
        default="dynamic",
        help="which path to measure: the dynamic resources (default), the provider plugin "
        "(against a no-op plugin's floor), or both in the same run",
    )
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="sizes 10 only (smoke check)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--max-minutes", type=float, default=60.0, help="total time guard")
    parser.add_argument("--keep", action="store_true", help="keep the stack directories")
    parser.add_argument(
        "--pulumi-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra environment for the pulumi CLI (experiments only; recorded in the output)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = [10]
    if args.repeat < 1 or any(n < 1 for n in args.sizes) or any(x < 0 for x in args.latencies):
        parser.error("--repeat and --sizes must be positive, --latencies not negative")
    if any(c < HOST_CONCURRENCY for c in args.concurrency) or not args.concurrency:
        parser.error(f"--concurrency values must be at least {HOST_CONCURRENCY}")
    pairs = [(n, lat) for n in args.sizes for lat in args.latencies]
    pairs += [p for p in args.pairs if p not in pairs and p[0] >= 1 and p[1] >= 0]
    sizes = sorted({n for n, _ in pairs})
    latencies = sorted({lat for _, lat in pairs})
    global BUDGET
    EXTRA_PULUMI_ENV.update(item.split("=", 1) for item in args.pulumi_env)
    BUDGET = Budget(args.max_minutes)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    logs = out / "logs"
    logs.mkdir(exist_ok=True)

    # Stop the emulators on SIGTERM too (atexit alone only runs on a normal exit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    bin_dir = engine_bin()
    machine = machine_info(bin_dir)
    machine["repeat"] = args.repeat
    progress(
        f"pulumi {machine['pulumi']} ({bin_dir}); N:L {pairs}, concurrency {args.concurrency}, "
        f"repeat {args.repeat}; load average {machine['loadavg_start']}"
    )

    ops: list[OpResult] = []
    states: list[StateResult] = []
    aborted: str | None = None
    emulators: dict[int, Emulator] = {}
    type_results: list[TypeResult] = []
    paths = ["dynamic", "plugin"] if args.path == "both" else [args.path]
    try:
        plugins = plugin_dirs(out) if "plugin" in paths else None
        for latency in latencies:
            emulators[latency] = Emulator(latency, logs / f"emulator-l{latency}.log")
            progress(f"emulator L={latency}ms on {emulators[latency].base_url}")
        for n in sizes:
            for repeat in range(args.repeat):
                for conc in args.concurrency:
                    for kind in [PATH_KINDS[path] for path in paths]:
                        results, state = run_config(
                            FLOOR_OF[kind], n, -1, repeat, bin_dir, None, logs, args.keep, conc,
                            plugins,
                        )  # fmt: skip
                        ops += results
                        states.append(state)
                        for latency in [lat for m, lat in pairs if m == n]:
                            results, state = run_config(
                                kind,
                                n,
                                latency,
                                repeat,
                                bin_dir,
                                emulators[latency],
                                logs,
                                args.keep,
                                conc,
                                plugins,
                            )
                            ops += results
                            states.append(state)
        if args.types_n > 0 and "dynamic" in paths:
            if 0 not in emulators:
                emulators[0] = Emulator(0, logs / "emulator-l0.log")
            type_results = run_types(args.types_n, bin_dir, emulators[0], logs, args.keep)
    except (BenchAborted, PulumiFailed) as exc:
        aborted = str(exc)
        progress(f"ABORTED: {exc}")
    finally:
        for emu in emulators.values():
            emu.stop()

    machine["loadavg_end"] = loadavg()
    machine["total_seconds"] = round(BUDGET.elapsed(), 1)
    rows, state_rows, speedups = summarise(ops, states, pairs, args.concurrency)
    p_rows, p_state_rows, p_speedups = summarise(ops, states, pairs, args.concurrency, "plugin")
    vs_dynamic = plugin_vs_dynamic(rows, p_rows)
    payload = {
        "machine": machine,
        "settings": {
            "sizes": args.sizes,
            "latencies_ms": args.latencies,
            "pairs": pairs,
            "concurrency": args.concurrency,
            "repeat": args.repeat,
            **({"path": args.path} if args.path != "dynamic" else {}),
            "parallel": "engine default at C = 4 (no --parallel flag); --parallel C at C > 4",
            "pulumi_env": EXTRA_PULUMI_ENV,
            "host_concurrency": HOST_CONCURRENCY,
            "targets": {
                "ours_over_floor_at_L0": {"N<200": TARGET_FLOOR_RATIO, "N>=200": 1.3},
                "ours_over_bound_at_L>0": TARGET_BOUND_RATIO,
                "state_bytes_per_instance_over_floor": TARGET_STATE_OVER_FLOOR,
                "speedup_up_destroy_at_L>=1000": TARGET_SPEEDUP,
                "api_calls_per_resource": IDEAL_CALLS,
                **(
                    {"plugin_over_dynamic_at_defaults_L>=1000": TARGET_PLUGIN_SPEEDUP}
                    if "plugin" in paths
                    else {}
                ),
            },
        },
        "aborted": aborted,
        "summary": rows,
        "state": state_rows,
        "speedup": speedups,
        "raw_ops": [asdict(r) for r in ops],
        "raw_state": [asdict(s) for s in states],
        "types": [
            {
                **asdict(r),
                "per_resource": r.per_resource,
                "ideal_routes": r.ideal_routes,
                "ok": r.ok,
            }
            for r in type_results
        ],
        "types_two_calls": {f"{kind} {op}": why for (kind, op), why in TWO_CALLS.items()},
    }
    if "plugin" in paths:  # the plugin path: ours = the plugin, floor = the no-op plugin
        payload["plugin"] = {
            "summary": p_rows,
            "state": p_state_rows,
            "speedup": p_speedups,
            "vs_dynamic": vs_dynamic,
        }
    (out / "deploy.json").write_text(json.dumps(payload, indent=2) + "\n")
    with (out / "deploy.csv").open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["kind", "n", "latency_ms", "concurrency", "repeat", "op", "seconds",
             "requests_total", "requests_per_resource", "requests_by_route", "connections",
             "peak_in_flight", "emulator_cpu_s", "loadavg_1m"]
        )  # fmt: skip
        for r in ops:
            total = sum(r.requests.values())
            writer.writerow(
                [r.kind, r.n, r.latency_ms, r.concurrency, r.repeat, r.op, f"{r.seconds:.3f}",
                 total, f"{total / r.n:.3f}", json.dumps(r.requests, sort_keys=True),
                 r.connections, r.peak_in_flight, r.emulator_cpu_s, r.loadavg_1m]
            )  # fmt: skip
    markdown = ""
    if "dynamic" in paths:
        markdown += (
            render(rows, state_rows, machine, md=True, speedups=speedups)
            + "\n"
            + render_types(type_results, md=True)
        )
        print(render(rows, state_rows, machine, md=False, speedups=speedups))
        print(render_types(type_results, md=False))
    if "plugin" in paths:
        markdown += "\n" if markdown else ""
        markdown += render(p_rows, p_state_rows, machine, True, p_speedups, "plugin")
        markdown += "\n" + render_vs_dynamic(vs_dynamic, md=True)
        print(render(p_rows, p_state_rows, machine, False, p_speedups, "plugin"))
        print(render_vs_dynamic(vs_dynamic, md=False))
    (out / "deploy.md").write_text(markdown)
    if aborted:
        print(f"INCOMPLETE: {aborted}")
    progress(f"done in {BUDGET.elapsed():.0f}s; wrote {out}/deploy.json, deploy.csv, deploy.md")
    return 1 if aborted else 0


if __name__ == "__main__":
    sys.exit(main())
