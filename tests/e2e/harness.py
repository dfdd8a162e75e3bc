"""Drive the real `pulumi` CLI (built by scripts/bootstrap_engine.sh) against a file backend
(or any other backend URL, e.g. the local S3 store of tests/e2e/s3.py)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("OPENCONNECTORS_VENV", REPO / ".venv"))
PASSPHRASE = "e2e-test-passphrase"
# Test and benchmark helpers that are not in the package (bench_noop.py): put on PYTHONPATH by
# the tests that use them (Stack(extra_env={"PYTHONPATH": str(NOOP_DIR)})).
NOOP_DIR = REPO / "scripts" / "bench"


def engine_bin() -> Path:
    """The directory with `pulumi` and its Python plugins (builds them on first use)."""
    out = subprocess.run(
        ["bash", str(REPO / "scripts" / "bootstrap_engine.sh")],
        check=True,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def _path_without_venvs() -> str:
    """PATH without any virtualenv's bin directory (pytest itself may run from one)."""
    keep = [
        d
        for d in os.environ.get("PATH", "").split(os.pathsep)
        if d and not (Path(d).parent / "pyvenv.cfg").exists()
    ]
    return os.pathsep.join(keep)


class PulumiFailed(AssertionError):
    def __init__(self, args: list[str], result: subprocess.CompletedProcess[str]) -> None:
        super().__init__(
            f"pulumi {' '.join(args)} exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
        self.result = result


@dataclass
class Stack:
    """A Pulumi project + stack in a temporary directory, driven through the real CLI."""

    workdir: Path
    bin_dir: Path
    program: str
    stack: str = "test"
    project: str = "oc-e2e"
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None
    venv: Path = VENV  # the project's `runtime.options.virtualenv`
    # PULUMI_BACKEND_URL; None: a file backend in workdir/backend.
    backend_url: str | None = None

    def __post_init__(self) -> None:
        self.project_dir = self.workdir / "project"
        self.backend_dir = self.workdir / "backend"
        self.home_dir = self.workdir / "pulumi-home"
        for d in (self.project_dir, self.backend_dir, self.home_dir):
            d.mkdir(parents=True, exist_ok=True)
        (self.project_dir / "Pulumi.yaml").write_text(
            f"name: {self.project}\nruntime:\n  name: python\n  options:\n"
            f"    virtualenv: {self.venv}\n"
        )
        self.write_program(self.program)

    def write_program(self, program: str) -> None:
        self.program = program
        (self.project_dir / "__main__.py").write_text(textwrap.dedent(program))

    @property
    def env(self) -> dict[str, str]:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))
        }
        env.update(
            {
                # The virtualenv is NOT put on PATH: the project's `virtualenv` option must be
                # what makes the program and the dynamic provider find the package.
                "PATH": f"{self.bin_dir}:{_path_without_venvs()}",
                "PULUMI_HOME": str(self.home_dir),
                "PULUMI_BACKEND_URL": self.backend_url or f"file://{self.backend_dir}",
                "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
                "PULUMI_SKIP_UPDATE_CHECK": "true",
                "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
                "PULUMI_SKIP_CONFIRMATIONS": "true",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def argv(self, *args: str) -> list[str]:
        return [str(self.bin_dir / "pulumi"), *args]

    def run(
        self, *args: str, check: bool = True, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        argv = self.argv(*args)
        # Its own session: a run that times out is ended with everything it started.
        with subprocess.Popen(
            argv,
            cwd=self.project_dir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        ) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except BaseException:
                end_session(process.pid)
                process.communicate()
                raise
        result = subprocess.CompletedProcess(argv, process.returncode, stdout, stderr)
        if self.log_dir is not None:
            shown = list(args)
            if "--secret" in shown and "--" in shown:
                shown[-1] = "[secret]"  # never write a secret value into the test log
            with (self.log_dir / "pulumi-output.log").open("a") as fh:
                fh.write(f"$ pulumi {' '.join(shown)}\n{result.stdout}\n{result.stderr}\n")
        if check and result.returncode != 0:
            raise PulumiFailed(list(args), result)
        return result

    # -- lifecycle -----------------------------------------------------------------------

    def init(self) -> Stack:
        self.run("stack", "init", self.stack, "--non-interactive")
        return self

    def config(self, key: str, value: str, secret: bool = False) -> None:
        args = ["config", "set", key, "--stack", self.stack]
        if secret:
            args.append("--secret")
        args.extend(["--", value])
        self.run(*args)

    def up_args(self, *extra: str) -> list[str]:
        return ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", self.stack, *extra]

    def up(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(*self.up_args(*extra), check=check)

    def preview(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("preview", "--non-interactive", "--stack", self.stack, *extra, check=check)

    def refresh(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(
            "refresh",
            "--yes",
            "--skip-preview",
            "--non-interactive",
            "--stack",
            self.stack,
            *extra,
            check=check,
        )

    def destroy(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(
            "destroy",
            "--yes",
            "--skip-preview",
            "--non-interactive",
            "--stack",
            self.stack,
            *extra,
            check=check,
        )

    def outputs(self, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "output", "--json", "--stack", self.stack]
        if show_secrets:
            args.append("--show-secrets")
        return dict(json.loads(self.run(*args).stdout))

    def export(self, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "export", "--stack", self.stack]
        if show_secrets:
            args.append("--show-secrets")
        return dict(json.loads(self.run(*args).stdout))

    def resources(self, type_suffix: str = "") -> list[dict[str, Any]]:
        deployment = self.export()["deployment"]
        return [r for r in deployment.get("resources", []) if r["type"].endswith(type_suffix)]

    def state_files(self) -> list[Path]:
        return [p for p in self.backend_dir.rglob("*") if p.is_file()]


def end_session(leader: int) -> None:
    """SIGKILL a process started with ``start_new_session=True`` and everything it started
    (its session: the language host, the program, the dynamic-provider host), whether or not
    the leader itself is still there."""
    from pulumi_openconnectors.fleet.processes import end, left_by

    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(leader, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(leader, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        stat = Path(f"/proc/{leader}/stat")
        if not stat.exists() or stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
            break
        time.sleep(0.05)
    end(left_by(leader), grace=0)
