"""Profile `pulumi up` (and update, refresh, destroy) of N ConnectorInstances (or Noops) with
py-spy (not a test).

    .venv/bin/python scripts/bench/profile_up.py [--n 50] [--latency-ms 0] [--floor]
        [--ops up,update,refresh,destroy] [--concurrency 4] [--py-spy PATH]
        [--out bench-results/profile]

The operations run one after the other on the same stack (update changes the tag of every
resource), each profiled on its own. Runs `py-spy record --format raw` on the Python
processes of each operation (engine, Python
language host running the program, dynamic-provider host), against the counting emulator,
then sums the on-CPU samples per Python process (the program vs the provider host) and per
frame (self time, and inclusive time of our own code, pydantic, requests/urllib3, the Pulumi
SDK, dill, grpc). py-spy is not part of the project: `pip install --target DIR py-spy`.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_deploy as bd

BUCKETS = (
    ("ours: pulumi_openconnectors", "pulumi_openconnectors/"),
    ("pydantic", "/pydantic"),
    ("requests/urllib3/http.client", ("/requests/", "/urllib3/", "http/client.py")),
    ("dill/pickle", ("/dill/", "pickle")),
    ("pulumi SDK rpc/serialize", ("pulumi/runtime/rpc.py",)),
    ("pulumi SDK (any)", "/pulumi/"),
    ("grpc", "/grpc/"),
    ("import machinery", "<frozen importlib"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--floor", action="store_true", help="profile the Noop floor instead")
    parser.add_argument("--py-spy", default=shutil.which("py-spy") or "/tmp/benchtools/bin/py-spy")
    parser.add_argument("--rate", type=int, default=250)
    parser.add_argument("--ops", default="up", help="comma-separated: up,update,refresh,destroy")
    parser.add_argument("--concurrency", type=int, default=4, help=">4: --parallel as well")
    parser.add_argument("--out", type=Path, default=bd.ROOT / "bench-results" / "profile")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bin_dir = bd.engine_bin()
    kind = "floor" if args.floor else "ours"
    emulator = None if args.floor else bd.Emulator(args.latency_ms, args.out / "emulator.log")
    workdir = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    try:
        program = bd.FLOOR_PROGRAM if args.floor else bd.OURS_PROGRAM
        stack = bd.BenchStack(workdir, bin_dir, program, args.out / f"pulumi-{kind}.log")
        config = {"count": str(args.n), "tag": "v1"}
        secrets: dict[str, str] = {}
        if args.concurrency > 4:
            stack.parallel = args.concurrency
            config["openconnectors:concurrency"] = str(args.concurrency)
        if emulator is not None:
            emulator.reset()
            config["openconnectors:baseUrl"] = emulator.base_url
            secrets = {
                "openconnectors:userSecret": bd.USER_SECRET,
                "openconnectors:organizationSecret": bd.ORG_SECRET,
            }
        stack.init_config(config, secrets)
        for op in args.ops.split(","):
            if op == "update":
                stack.set_config("tag", "v2")
            wall, files = spy_on(args.py_spy, args.rate, stack, bin_dir, args.out, kind, args.n, op)
            report(files, wall, args.rate, kind, args.n, op)
    finally:
        if emulator is not None:
            emulator.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def spy_on(
    py_spy: str,
    rate: int,
    stack: bd.BenchStack,
    bin_dir: Path,
    out: Path,
    kind: str,
    n: int,
    op: str = "up",
) -> tuple[float, list[tuple[str, Path]]]:
    """Run `pulumi <op>`; attach py-spy to the program and the provider host as they appear."""
    verb = "up" if op in ("up", "update") else op
    parallel = [] if stack.parallel is None else ["--parallel", str(stack.parallel)]
    proc = subprocess.Popen(
        [
            str(bin_dir / "pulumi"),
            verb,
            "--yes",
            "--skip-preview",
            "--non-interactive",
            "--stack",
            bd.STACK,
            *parallel,
        ],
        cwd=stack.project_dir,
        env=stack.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.perf_counter()
    seen: set[int] = set()
    spies: list[subprocess.Popen[bytes]] = []
    files: list[tuple[str, Path]] = []
    project = str(stack.project_dir.resolve())
    try:
        while proc.poll() is None:
            if time.perf_counter() - started > 600:
                proc.kill()
                raise RuntimeError(f"pulumi {op} took over 600 s under py-spy")
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit() or int(entry.name) in seen:
                    continue
                try:
                    cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                    cwd = os.readlink(entry / "cwd")
                except OSError:
                    continue
                if cwd != project or "python" not in cmdline:
                    continue
                if "pulumi.dynamic" in cmdline:
                    role = "provider host"
                elif "language-python-exec" in cmdline:
                    role = "program"
                else:
                    continue
                pid = int(entry.name)
                seen.add(pid)
                path = out / f"{op}-{kind}-n{n}-{role.replace(' ', '-')}-{pid}.raw.txt"
                spies.append(
                    subprocess.Popen(
                        [
                            py_spy,
                            "record",
                            "-p",
                            str(pid),
                            "-r",
                            str(rate),
                            "--format",
                            "raw",
                            "-o",
                            str(path),
                            "--nonblocking",
                        ],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                files.append((role, path))
            time.sleep(0.01)
        wall = time.perf_counter() - started
    finally:
        for spy in spies:
            try:
                spy.wait(timeout=60)
            except subprocess.TimeoutExpired:
                spy.kill()
    if proc.returncode != 0:
        raise RuntimeError(f"pulumi {op} exited {proc.returncode}")
    return wall, files


def report(
    files: list[tuple[str, Path]], wall: float, rate: int, kind: str, n: int, op: str = "up"
) -> None:
    per_process: collections.Counter[str] = collections.Counter()
    self_frames: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    buckets: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    lines = [
        (role, line)
        for role, path in files
        if path.exists()
        for line in path.read_text().splitlines()
    ]
    for role, line in lines:
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        per_process[role] += count
        self_frames[role][frames[-1]] += count
        joined = ";".join(frames)
        for name, needle in BUCKETS:
            needles = needle if isinstance(needle, tuple) else (needle,)
            if any(x in joined for x in needles):
                buckets[role][name] += count
    print(f"\n#### py-spy: `pulumi {op}` of {n} {kind} took {wall:.2f}s wall (under py-spy)")
    for role, samples in per_process.most_common():
        print(
            f"\n== {role}: {samples / rate:.2f} s on CPU ({samples / rate / n * 1000:.1f} ms/res)"
        )
        for name, count in buckets[role].most_common():
            print(f"   incl. {name:32s} {count / rate:6.2f} s  {count / samples:5.0%}")
        print("   top self frames:")
        for frame, count in self_frames[role].most_common(12):
            print(f"   {count / rate:6.2f} s  {frame[:110]}")


if __name__ == "__main__":
    sys.exit(main())
