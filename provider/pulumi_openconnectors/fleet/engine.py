"""The Pulumi CLI as the Automation API runs it, with each `pulumi` in a session of its own.

:class:`TrackedCommand` is the Automation API's ``PulumiCommand`` with one change: every
``pulumi`` it starts is a new session (process group) and is recorded while it runs. So a
Ctrl-C in the terminal reaches only the fleet runner, which then asks each running `pulumi`
to cancel exactly once (a second SIGINT would make `pulumi` stop without finishing the
resource operations under way), and the runner knows the pid of each stack's process.
"""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from pulumi.automation import CommandResult, PulumiCommand
from pulumi.automation.errors import create_command_error

OnOutput = Callable[[str], None]


def find_pulumi() -> Path:
    """The directory holding `pulumi` on PATH (the CLI the Automation API drives)."""
    found = shutil.which("pulumi")
    if found is None:
        raise FileNotFoundError(
            "the Pulumi CLI is not on PATH: install it (https://www.pulumi.com/docs/install/) "
            'or, in this repository, eval "$(make -s env)"'
        )
    return Path(found).resolve().parent


class TrackedCommand(PulumiCommand):
    """``PulumiCommand`` whose processes run in their own session and are tracked."""

    processes: dict[int, subprocess.Popen[str]]
    on_start: Callable[[int], None] | None
    on_done: Callable[[list[str], float, int], None] | None
    _guard: threading.Lock

    @classmethod
    def for_bin_dir(cls, bin_dir: Path) -> TrackedCommand:
        command = cls(root=str(bin_dir.parent), skip_version_check=False)
        command.processes = {}
        command.on_start = None
        command.on_done = None
        command._guard = threading.Lock()
        return command

    def fork(
        self,
        on_start: Callable[[int], None] | None = None,
        on_done: Callable[[list[str], float, int], None] | None = None,
    ) -> TrackedCommand:
        """A copy with its own process table (the CLI version is checked once, not per copy).

        ``on_start(pid)`` when a `pulumi` starts; ``on_done(args, seconds, returncode)`` when
        it ends."""
        clone = copy.copy(self)
        clone.processes = {}
        clone.on_start = on_start
        clone.on_done = on_done
        clone._guard = threading.Lock()
        return clone

    def signal_all(self, signum: int) -> list[int]:
        """Send ``signum`` to every running `pulumi` of this command (and its plugins)."""
        with self._guard:
            pids = list(self.processes)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signum)
        return pids

    def run(
        self,
        args: list[str],
        cwd: str,
        additional_env: Mapping[str, str],
        on_output: OnOutput | None = None,
        on_error: OnOutput | None = None,
    ) -> CommandResult:
        # As PulumiCommand.run: non-interactive before any "--", the CLI's own dir first on PATH.
        before = args[: args.index("--")] if "--" in args else args
        if "--non-interactive" not in before:
            args = ["--non-interactive", *args]
        env = {**os.environ, **additional_env, "PULUMI_AUTOMATION_API": "true"}
        env["PATH"] = os.pathsep.join([os.path.dirname(self.command), env.get("PATH", "")])
        out: list[str] = []
        err: list[str] = []

        def consume(stream: object, callback: OnOutput | None, chunks: list[str]) -> None:
            for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
                stripped = line.rstrip()
                if callback:
                    callback(stripped)
                chunks.append(stripped)
            stream.close()  # type: ignore[attr-defined]

        started = time.monotonic()
        with subprocess.Popen(
            [self.command, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
            encoding="utf-8",
            start_new_session=True,
        ) as process:
            with self._guard:
                self.processes[process.pid] = process
            if self.on_start is not None:
                self.on_start(process.pid)
            try:
                readers = [
                    threading.Thread(target=consume, args=(process.stdout, on_output, out)),
                    threading.Thread(target=consume, args=(process.stderr, on_error, err)),
                ]
                for reader in readers:
                    reader.start()
                for reader in readers:
                    reader.join()
                process.wait()
            finally:
                with self._guard:
                    self.processes.pop(process.pid, None)
        if self.on_done is not None:
            self.on_done(args, time.monotonic() - started, process.returncode)
        result = CommandResult(
            stdout="\n".join(out), stderr="\n".join(err), code=process.returncode
        )
        if process.returncode != 0:
            raise create_command_error(result)
        return result


def interrupt(commands: list[TrackedCommand]) -> None:
    """Ask every running `pulumi` to cancel (SIGINT: finish the operations under way, stop)."""
    for command in commands:
        command.signal_all(signal.SIGINT)
