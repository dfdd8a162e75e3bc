#!/usr/bin/env python3
"""Benchmark the Open Connectors emulator (not a test).

Starts the emulator in a subprocess on a free loopback port, then measures requests per
second and p50/p99 latency for create (POST /instances, basic-auth connector) and read
(GET /instances/{id}) at concurrency 1 and 8, one requests.Session per thread. Prints a
table and writes bench-results/emulator.json. Bounded (--count requests per cell) and
self-stopping.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from pulumi_openconnectors.devtools.launcher import EmulatorProcess
from pulumi_openconnectors.devtools.paths import REPO

ROOT = REPO
HEADERS = {"Authorization": "User demo-user-secret, Organization demo-organization-secret"}


def create_body(i: int) -> dict[str, Any]:
    return {
        "element": {"key": "closeio"},
        "configuration": {"username": f"user{i}", "password": "bench-password"},
        "tags": ["bench"],
        "name": f"bench-{i}",
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run(base: str, op: str, count: int, concurrency: int, ids: list[int]) -> dict[str, Any]:
    local = threading.local()
    latencies: list[float] = []
    lock = threading.Lock()
    created: list[int] = []

    def one(i: int) -> None:
        session: requests.Session | None = getattr(local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers.update(HEADERS)
            local.session = session
        started = time.perf_counter()
        if op == "create":
            r = session.post(base + "/instances", json=create_body(i), timeout=30)
        else:
            r = session.get(f"{base}/instances/{ids[i % len(ids)]}", timeout=30)
        elapsed = time.perf_counter() - started
        if r.status_code != 200:
            raise RuntimeError(f"{op} answered {r.status_code}")
        with lock:
            latencies.append(elapsed)
            if op == "create":
                created.append(int(r.json()["id"]))

    wall = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(count)))
    wall = time.perf_counter() - wall
    ids.extend(created)
    return {
        "operation": op,
        "concurrency": concurrency,
        "requests": count,
        "seconds": round(wall, 3),
        "rps": round(count / wall, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
    }


def measure(emulator: EmulatorProcess, count: int) -> list[dict[str, Any]]:
    """Every cell, then the emulator stopped."""
    base = emulator.base_url
    results: list[dict[str, Any]] = []
    try:
        ids: list[int] = []
        run(base, "create", 20, 1, ids)  # warm-up
        for concurrency in (1, 8):
            results.append(run(base, "create", count, concurrency, ids))
            results.append(run(base, "read", count, concurrency, ids))
    finally:
        emulator.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="requests per cell (default 500)")
    parser.add_argument("--db", default=":memory:", help="emulator database (default :memory:)")
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "emulator.json"))
    args = parser.parse_args()
    if not 1 <= args.count <= 100_000:
        parser.error("--count must be between 1 and 100000")

    with tempfile.TemporaryDirectory(prefix="bench-emulator-") as logs:
        emulator = EmulatorProcess(Path(logs) / "emulator.log", db=args.db, log_level="warning")
        results = measure(emulator.start(), args.count)

    print(f"{'operation':<10} {'conc':>4} {'requests':>8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for r in results:
        print(
            f"{r['operation']:<10} {r['concurrency']:>4} {r['requests']:>8} {r['rps']:>9.1f} "
            f"{r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "emulator",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "db": args.db,
        "results": results,
    }
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
