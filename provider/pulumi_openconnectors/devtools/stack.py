"""A Pulumi project + stack in a directory of its own, driven through the real `pulumi` CLI
(the end-to-end tests and the benchmarks): a file backend in ``workdir/backend`` unless
``backend_url`` names another (e.g. the local S3 store of s3_server.py)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import textwrap
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..child_signals import let_children_be_interrupted
from .engine import pulumi_env
from .paths import VENV

PASSPHRASE = "e2e-test-passphrase"


class PulumiFailed(AssertionError):
    """A `pulumi` command exited non-zero; ``result`` holds its output."""

    def __init__(
        self, args: list[str], result: subprocess.CompletedProcess[str], log: Path | None = None
    ) -> None:
        where = f" (log: {log})" if log is not None else ""
        super().__init__(
            f"pulumi {' '.join(args)} exited {result.returncode}{where}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
        self.result = result


def shown(args: tuple[str, ...] | list[str]) -> list[str]:
    """The arguments as they may be written to a log: secret values hidden."""
    out = list(args)
    for i, arg in enumerate(out):
        if i and out[i - 1] == "--secret" and "=" in arg:  # config set-all --secret key=value
            out[i] = arg.split("=", 1)[0] + "=[secret]"
    if "--secret" in out and "--" in out:  # config set key --secret -- value
        out[-1] = "[secret]"
    return out


_UNATTENDED = ("--yes", "--skip-preview", "--non-interactive")  # a change, without asking


@dataclass
class Stack:
    """A Pulumi project + stack in ``workdir``, driven through the real CLI of ``bin_dir``."""

    workdir: Path
    bin_dir: Path
    program: str
    stack: str = "test"
    project: str = "oc-e2e"
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None  # every command and its output go to log_dir/pulumi-output.log
    venv: Path = VENV  # the project's `runtime.options.virtualenv`
    # PULUMI_BACKEND_URL; None: a file backend in workdir/backend.
    backend_url: str | None = None
    passphrase: str = PASSPHRASE
    log_path: Path | None = None  # the log file, when not log_dir/pulumi-output.log
    last_seconds: float = field(default=0.0, init=False)  # wall time of the last `run`

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
        if self.log_path is None and self.log_dir is not None:
            self.log_path = self.log_dir / "pulumi-output.log"
        self.write_program(self.program)

    def write_program(self, program: str) -> None:
        self.program = program
        (self.project_dir / "__main__.py").write_text(textwrap.dedent(program))

    @property
    def env(self) -> dict[str, str]:
        # The virtualenv is NOT put on PATH: the project's `virtualenv` option must be what
        # makes the program and the dynamic provider find the package.
        return pulumi_env(
            self.bin_dir,
            self.home_dir,
            self.passphrase,
            self.backend_url or f"file://{self.backend_dir}",
            extra=self.extra_env,
        )

    def argv(self, *args: str) -> list[str]:
        return [str(self.bin_dir / "pulumi"), *args]

    def run(
        self, *args: str, check: bool = True, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """`pulumi <args>` in the project; its wall time is in ``last_seconds``.

        On a timeout (subprocess.TimeoutExpired) or an interrupt, the command is ended with
        everything it started."""
        argv = self.argv(*args)
        let_children_be_interrupted()  # an inherited "ignore SIGINT" costs 5 s a command
        started = time.perf_counter()
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
        self.last_seconds = time.perf_counter() - started
        result = subprocess.CompletedProcess(argv, process.returncode, stdout, stderr)
        if self.log_path is not None:
            with self.log_path.open("a") as fh:
                fh.write(
                    f"$ pulumi {' '.join(shown(args))}  # {self.last_seconds:.2f}s "
                    f"rc={result.returncode}\n{result.stdout}\n{result.stderr}\n"
                )
        if check and result.returncode != 0:
            raise PulumiFailed(shown(args), result, self.log_path)
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

    def config_all(self, plain: Mapping[str, str], secret: Mapping[str, str] | None = None) -> None:
        """Set many keys in one `pulumi config set-all`."""
        args = ["config", "set-all", "--stack", self.stack]
        for key, value in plain.items():
            args += ["--plaintext", f"{key}={value}"]
        for key, value in (secret or {}).items():
            args += ["--secret", f"{key}={value}"]
        self.run(*args)

    def _confirmed(self, command: str, *extra: str) -> list[str]:
        """The arguments of a `command` that changes the stack, run without asking."""
        return [command, *_UNATTENDED, "--stack", self.stack, *extra]

    def up_args(self, *extra: str) -> list[str]:
        return self._confirmed("up", *extra)

    def up(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(*self.up_args(*extra), check=check)

    def preview(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("preview", "--non-interactive", "--stack", self.stack, *extra, check=check)

    def refresh(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(*self._confirmed("refresh", *extra), check=check)

    def destroy(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(*self._confirmed("destroy", *extra), check=check)

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

    def checkpoint(self) -> Path:
        """The stack's checkpoint file in the file backend."""
        found = sorted(self.backend_dir.glob(f".pulumi/stacks/{self.project}/{self.stack}.json*"))
        found = [p for p in found if not p.name.endswith(".bak")]
        if not found:
            raise RuntimeError(f"no checkpoint under {self.backend_dir}/.pulumi/stacks")
        return found[0]


def end_session(leader: int) -> None:
    """SIGKILL a process started with ``start_new_session=True`` and everything it started
    (its session: the language host, the program, the dynamic-provider host), whether or not
    the leader itself is still there."""
    from ..fleet.processes import end, left_by

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
