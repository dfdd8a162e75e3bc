"""Run one operation (preview, up, refresh, destroy) over the stacks of a fleet.

P stacks at once: each stack's operation is its own `pulumi` process (with its language host
and provider processes); the runner's threads only start them through the Automation API and
read their event streams. A failed stack never stops the others. Ctrl-C (or SIGTERM) stops
starting stacks and asks the running ones to cancel; a second Ctrl-C asks them again (the
`pulumi` CLI then stops at once).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TextIO

from pulumi.automation import (
    CommandError,
    LocalWorkspace,
    Stack,
    StackAlreadyExistsError,
    StackNotFoundError,
)

from ..torn_metadata import TORN_METADATA, remove_torn_sidecars, removed_note
from .engine import TrackedCommand, find_pulumi
from .events import EventTail, EventWatcher, first_error_line, first_line
from .model import Fleet, FleetFileError, ResolvedTenant
from .processes import end_run
from .program import PROGRAM_MAIN
from .progress import Progress
from .recovery import (
    OrphansLeft,
    dropped_note,
    is_lock_error,
    is_stale,
    leftovers_note,
    lock_holder,
    settle_pending,
)
from .results import Operation, StackResult, StateFile
from .shard import Shard, select
from .summary import exit_code, render_recoveries, render_table
from .tenant_config import fleet_tag, tenant_config

OPERATION_ARGS: dict[str, list[str]] = {
    "preview": ["preview", "--diff"],
    "up": ["up", "--yes", "--skip-preview"],
    # --run-program: providers take the stack config the fleet just set (endpoint, rotated
    # credentials), not the configuration recorded in state by the last update.
    "refresh": ["refresh", "--yes", "--skip-preview", "--run-program"],
    "destroy": ["destroy", "--yes", "--skip-preview", "--run-program"],
}


@dataclass(frozen=True)
class RunOptions:
    operation: Operation
    parallel: int = 1
    shard: Shard | None = None
    only: tuple[str, ...] = ()
    state_dir: Path | None = None  # default: <fleet file dir>/.fleet/<project>
    all_stacks: bool = False  # run every stack even after an incomplete run
    break_locks: bool = False  # remove locks left by other hosts too (no other run is going on)
    backend: str | None = None  # default: the fleet file's, else $PULUMI_BACKEND_URL

    def run_key(self) -> str:
        key: str = self.operation
        if self.shard is not None:
            key += f" --shard {self.shard}"
        if self.only:
            key += " --only " + ",".join(sorted(self.only))
        return key


def write_project(directory: Path, project: str) -> None:
    """The Pulumi project every stack of the fleet uses: the package's program, run with the
    Python (virtualenv) that runs the fleet."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        f"name: {project}",
        "description: SAP Open Connectors fleet (written by `pulumi_openconnectors fleet`)",
        "runtime:",
        "  name: python",
    ]
    if sys.prefix != sys.base_prefix:
        lines += ["  options:", f"    virtualenv: {sys.prefix}"]
    content = "\n".join(lines) + "\n"
    for name, text in (("Pulumi.yaml", content), ("__main__.py", PROGRAM_MAIN)):
        path = directory / name
        if not path.exists() or path.read_text() != text:
            tmp = path.with_name(f".{name}.{os.getpid()}")
            tmp.write_text(text)
            os.replace(tmp, path)


@dataclass
class FleetRunner:
    fleet: Fleet
    options: RunOptions
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    def __post_init__(self) -> None:
        self.state_dir = (
            self.options.state_dir or self.fleet.path.parent / ".fleet" / self.fleet.project
        ).resolve()
        self.project_dir = self.state_dir / "project"
        self.log_dir = self.state_dir / "logs"
        self.key = self.options.run_key()
        self.cancelled = threading.Event()
        self._commands: list[TrackedCommand] = []
        self._guard = threading.Lock()
        self.backend = (
            self.options.backend or self.fleet.backend or self.environ.get("PULUMI_BACKEND_URL")
        )

    # -- the run -----------------------------------------------------------------------------

    def plan(self, state: StateFile) -> tuple[list[str], bool]:
        """The stacks to run and whether this run retries an incomplete earlier one."""
        selection = select(self.fleet.names(), self.options.shard, self.options.only)
        previous = state.previous(self.key)
        if (
            self.options.all_stacks
            or previous is None
            or previous.complete
            or not state.is_latest(self.key)  # e.g. a destroy since the failed up
        ):
            return selection, False
        fingerprints = {t.stack: t.fingerprint() for t in self.fleet.tenants}
        retry = set(previous.to_retry(fingerprints))
        return [n for n in selection if n in retry], True

    def run(self) -> int:
        if not self.backend:
            raise FleetFileError(
                "no backend: set PULUMI_BACKEND_URL, `backend:` in the fleet file, or --backend "
                "(e.g. s3://bucket/prefix?endpoint=…&region=…, or file://DIR)"
            )
        state = StateFile(self.state_dir)
        todo, retry = self.plan(state)
        progress = Progress.for_stream(self.stream, self.options.operation, len(todo))
        self.progress = progress
        if retry:
            progress.note(
                f"retrying {len(todo)} stack(s) that did not finish with success in the last "
                f"`{self.key}` (or changed since); --all runs every stack"
            )
        if not todo:
            progress.note("no stack selected")
        state.begin(self.key, todo, retry)
        self.state = state
        write_project(self.project_dir, self.fleet.project)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        command = TrackedCommand.for_bin_dir(find_pulumi())
        tenants = [self.fleet.tenant(n) for n in todo]
        results: dict[str, StackResult] = {}
        interrupted = False
        # SIGTERM (Kubernetes, CI cancellation) and SIGHUP (a closed terminal) as Ctrl-C.
        previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
        previous_hup = signal.signal(signal.SIGHUP, _raise_interrupt)
        pool = ThreadPoolExecutor(max_workers=max(1, self.options.parallel))
        try:
            futures: dict[Future[StackResult], str] = {
                pool.submit(self._job, command, t): t.stack for t in tenants
            }
            waiting = set(futures)
            while waiting:
                try:
                    done, waiting = wait(waiting, timeout=0.25, return_when=FIRST_COMPLETED)
                    for future in done:
                        results[futures[future]] = future.result()
                    progress.refresh()
                except KeyboardInterrupt:
                    interrupted = True
                    self._interrupt(progress)
            for future, name in futures.items():  # any result an interrupt came between
                if name not in results and future.done():
                    results[name] = future.result()
        finally:
            pool.shutdown(wait=True)
            signal.signal(signal.SIGTERM, previous_term)
            signal.signal(signal.SIGHUP, previous_hup)
            progress.close()
        state.finish(self.key)
        ordered = [results[n] for n in todo if n in results]
        self.out.write(render_table(ordered) + "\n")
        recovered = render_recoveries(ordered)
        if recovered:
            self.out.write(recovered + "\n")
        self.out.write(f"logs: {self.log_dir}  state: {state.path}\n")
        self.out.flush()
        return exit_code(ordered, interrupted)

    def _interrupt(self, progress: Progress) -> None:
        first = not self.cancelled.is_set()
        self.cancelled.set()
        with self._guard:
            commands = list(self._commands)
        pids = [pid for c in commands for pid in c.signal_all(signal.SIGINT)]
        if first:
            progress.note(
                f"interrupted: no more stacks start; asked {len(pids)} running `pulumi` to "
                "cancel (they finish the operations under way). Ctrl-C again to stop them now"
            )
        else:
            progress.note(f"interrupted again: told {len(pids)} running `pulumi` to stop now")

    # -- one stack ---------------------------------------------------------------------------

    def _job(self, base: TrackedCommand, tenant: ResolvedTenant) -> StackResult:
        op = self.options.operation
        log_path = self.log_dir / f"{op}-{tenant.stack}.log"
        result = StackResult(
            stack=tenant.stack,
            fingerprint=tenant.fingerprint(),
            started_at=time.time(),
            log=str(log_path),
        )
        if self.cancelled.is_set():
            result.status = "not run"
            self.state.put(self.key, result)
            return result
        self.state.put(self.key, result)
        self.progress.start(tenant.stack, len(tenant.instances))
        started = time.monotonic()

        def on_start(pid: int) -> None:
            result.pid = pid
            self.state.put(self.key, result)

        watcher = EventWatcher(tenant.stack, self.progress, op)
        with log_path.open("a", encoding="utf-8") as log:

            def write(line: str) -> None:
                watcher.output(line)
                log.write(line + "\n")
                log.flush()

            def on_done(args: list[str], seconds: float, code: int) -> None:
                shown = [a for a in args if a != "--non-interactive"][:2]
                write(f"# pulumi {' '.join(shown)}: {seconds:.2f} s, exit {code}")

            command = base.fork(on_start, on_done)
            with self._guard:
                self._commands.append(command)

            write(f"\n# {op} of stack {tenant.stack} ({tenant.source}), {time.ctime()}")
            try:
                self._run_stack(command, tenant, watcher, write, result)
            except FleetFileError as exc:
                result.status, result.error = "failed", first_line(str(exc))
            except CommandError as exc:
                result.status = "failed"
                result.error = watcher.error or first_error_line(str(exc))
                write(str(exc))
            except Exception as exc:  # one stack's surprise must not stop the others
                result.status = "failed"
                result.error = f"{type(exc).__name__}: {first_line(str(exc))}"
                write(repr(exc))
            if self.cancelled.is_set() and result.status == "failed":
                result.status = "interrupted"
            write(f"# result: {result.status} {result.error}")
        with self._guard:
            self._commands.remove(command)
        result.seconds = time.monotonic() - started
        result.pid = None
        self.state.put(self.key, result)
        self.progress.finish(result)
        return result

    def _workspace(self, command: TrackedCommand) -> LocalWorkspace:
        env = {"PULUMI_BACKEND_URL": str(self.backend)}
        return LocalWorkspace(work_dir=str(self.project_dir), pulumi_command=command, env_vars=env)

    def _run_stack(
        self,
        command: TrackedCommand,
        tenant: ResolvedTenant,
        watcher: EventWatcher,
        write: Callable[[str], None],
        result: StackResult,
    ) -> None:
        op = self.options.operation
        config, endpoint = tenant_config(tenant, self.fleet.project, self.environ)
        workspace = self._workspace(command)
        self.progress.step(tenant.stack, "selecting the stack")
        try:
            stack = self._stack(workspace, tenant.stack, create=op in ("preview", "up"))
        except CommandError as exc:
            if not self._repair_torn(str(exc), tenant.stack, write, result):
                raise
            stack = self._stack(workspace, tenant.stack, create=op in ("preview", "up"))
        if stack is None:
            result.status = "succeeded"
            write(f"# no stack {tenant.stack}: nothing to {op}")
            return
        stack_obj: Stack = stack
        self.progress.step(tenant.stack, "setting its config")
        stack_obj.set_all_config(config)
        tag = fleet_tag(self.fleet.project, tenant.stack)
        for attempt in (1, 2):
            try:
                if op != "preview":
                    # An interrupted run's pending operations, lock or not (recovery.py).
                    result.recovered += settle_pending(stack_obj, endpoint, tag)
                self._operate(stack_obj, watcher, write, result)
                break
            except OrphansLeft as exc:
                result.status, result.error = "failed", first_line(str(exc))
                result.recovered.append(str(exc))
                return
            except CommandError as exc:
                text = str(exc)
                if not is_lock_error(text):
                    raise
                write(text)
                holder = lock_holder(text)
                stale = holder is not None and is_stale(holder)
                if attempt == 1 and op != "preview" and (stale or self.options.break_locks):
                    self.progress.step(tenant.stack, "recovering from a dead run")
                    if stale and holder is not None:
                        ended, alive = end_run(holder.pid)
                        result.recovered.append(leftovers_note(holder, ended, alive))
                        if alive:
                            result.status = "failed"
                            result.error = "plugin processes of a killed run still running"
                            return
                    stack_obj.cancel()
                    why = "its process is gone" if stale else "--break-locks"
                    holder_text = holder or "another run"
                    result.recovered.append(
                        f"removed the lock of {holder_text} ({why}) with `pulumi cancel`"
                    )
                    watcher.reset()
                    continue
                result.status = "locked"
                result.error = f"locked by another run ({holder or 'unknown holder'})"
                return
        if watcher.dropped:
            result.recovered.append(dropped_note(watcher.dropped))

    def _repair_torn(
        self, text: str, stack: str, write: Callable[[str], None], result: StackResult
    ) -> bool:
        """After ``failed to load checkpoint: EOF`` in a file backend: remove the empty metadata
        sidecars a killed run left among the stack's files (torn_metadata.py), said in the
        stack's result; whether any was removed (then the command is worth running again)."""
        if TORN_METADATA not in text:
            return False
        self.progress.step(stack, "recovering from a dead run")
        torn = remove_torn_sidecars(str(self.backend), project=self.fleet.project, stack=stack)
        for path in torn:
            write(removed_note(path))
            result.recovered.append(removed_note(path))
        return bool(torn)

    def _operate(
        self, stack: Stack, watcher: EventWatcher, write: Callable[[str], None], result: StackResult
    ) -> None:
        """``pulumi <operation> --event-log FILE`` through the Automation API's command runner.

        Not ``Stack.up()``: that also runs `stack output` twice and `stack history` after every
        operation (about 1 s of CPU per stack here) to build a result the fleet does not use;
        the engine's own events carry the changes, the progress and the errors.
        """
        op = self.options.operation
        events = self.log_dir / f".{op}-{stack.name}.events.jsonl"
        events.unlink(missing_ok=True)
        args = [*OPERATION_ARGS[op], "--stack", stack.name, "--color", "never"]
        args += ["--event-log", str(events)]
        workspace = stack.workspace
        assert isinstance(workspace, LocalWorkspace)
        self.progress.step(stack.name, f"pulumi {op}: running the program")
        with EventTail(events, watcher):
            # --event-log is one of the CLI's debug flags, as for Stack.up().
            env = {**workspace.env_vars, "PULUMI_DEBUG_COMMANDS": "true"}
            workspace.pulumi_command.run(args, str(self.project_dir), env, write, write)
        totals = watcher.totals()
        result.created, result.updated = totals["created"], totals["updated"]
        result.deleted, result.unchanged = totals["deleted"], totals["unchanged"]
        result.status = "succeeded"

    @staticmethod
    def _stack(workspace: LocalWorkspace, name: str, create: bool) -> Stack | None:
        """The stack, selected (or created when ``create``; None when it does not exist)."""
        try:
            return Stack.select(name, workspace)
        except StackNotFoundError:
            if not create:
                return None
        try:
            return Stack.create(name, workspace)
        except StackAlreadyExistsError:  # another run created it at the same moment
            return Stack.select(name, workspace)


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
