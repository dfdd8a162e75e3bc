"""Progress on stderr: a live line per running stack and a bar for the whole run.

On a terminal the block (one line per running stack, then the bar) is redrawn in place a few
times a second. Elsewhere (CI logs, files) each stack's start and end is one line, and the bar
is printed whenever a stack ends, so logs stay short and readable.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TextIO

from .results import StackResult
from .summary import result_label

BAR_WIDTH = 30


@dataclass
class Live:
    stack: str
    started: float
    step: str = "starting"
    done: int = 0
    total: int = 0


@dataclass
class Progress:
    stream: TextIO
    operation: str
    total: int
    tty: bool = False
    finished: int = 0
    failed: int = 0
    running: dict[str, Live] = field(default_factory=dict)
    _drawn: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def for_stream(cls, stream: TextIO, operation: str, total: int) -> Progress:
        return cls(stream=stream, operation=operation, total=total, tty=stream.isatty())

    def note(self, message: str) -> None:
        with self._lock:
            self._clear()
            self.stream.write(f"[fleet] {message}\n")
            self._draw()

    def start(self, stack: str, total_steps: int) -> None:
        with self._lock:
            self.running[stack] = Live(stack, time.monotonic(), total=total_steps)
            if not self.tty:
                self.stream.write(f"[fleet] {stack}: {self.operation} started\n")
                self.stream.flush()

    def step(self, stack: str, step: str | None, done: int | None = None) -> None:
        """What a stack is doing now (None: unchanged) and how many steps it has finished."""
        with self._lock:
            live = self.running.get(stack)
            if live is not None:
                if step is not None:
                    live.step = step
                if done is not None:
                    live.done = max(live.done, done)

    def finish(self, result: StackResult) -> None:
        with self._lock:
            self.running.pop(result.stack, None)
            self.finished += 1
            self.failed += 0 if result.ok else 1
            self._clear()
            counts = f"+{result.created} ~{result.updated} -{result.deleted} ={result.unchanged}"
            line = (
                f"[fleet] {result.stack}: {result_label(result)} ({counts}) {result.seconds:.1f}s"
            )
            if result.error:
                line += f": {result.error}"
            self.stream.write(line + "\n")
            if not self.tty:
                self.stream.write(self.bar() + "\n")
            self._draw()

    def refresh(self) -> None:
        """Redraw the live block (terminal only); called by the runner a few times a second."""
        if not self.tty:
            return
        with self._lock:
            self._clear()
            self._draw()

    def close(self) -> None:
        with self._lock:
            self._clear()

    def bar(self) -> str:
        filled = int(BAR_WIDTH * self.finished / self.total) if self.total else BAR_WIDTH
        failed = f", {self.failed} not ok" if self.failed else ""
        return (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.finished}/{self.total} "
            f"stacks done{failed}, {len(self.running)} running"
        )

    def _lines(self) -> list[str]:
        now = time.monotonic()
        lines = []
        for live in self.running.values():
            steps = f" {live.done}/{live.total}" if live.total else ""
            lines.append(
                f"  {live.stack:<24} {self.operation}{steps}  {live.step:<40.40} "
                f"{now - live.started:5.0f}s"
            )
        return [*lines, self.bar()]

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F\x1b[J")
            self._drawn = 0

    def _draw(self) -> None:
        if self.tty:
            lines = self._lines()
            self.stream.write("\n".join(lines) + "\n")
            self._drawn = len(lines)
        self.stream.flush()
