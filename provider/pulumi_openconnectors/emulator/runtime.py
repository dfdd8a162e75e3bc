"""The emulator's live state shared by the middleware and the route handlers."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .faults import FaultEngine
from .references import Hook, References
from .settings import Settings
from .store import Store, Tables


class ServiceParts(Protocol):
    """What the runtime takes from an API area (``services.Service``): its tables and hooks.

    The app hands its services to the runtime; the runtime imports none of them (their
    handlers import this module)."""

    @property
    def tables(self) -> tuple[Tables, ...]: ...

    @property
    def hooks(self) -> tuple[Hook, ...]: ...


class RequestStats:
    """Thread-safe request counter keyed by `<METHOD> <route template>`, and a gauge of the
    platform requests in flight (now and the peak since the last reset)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._in_flight = 0
        self._peak_in_flight = 0

    def count(self, key: str) -> None:
        with self._lock:
            self._counts[key] += 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(sorted(self._counts.items()))

    def started(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._peak_in_flight = max(self._peak_in_flight, self._in_flight)

    def finished(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    def peak_in_flight(self) -> int:
        with self._lock:
            return self._peak_in_flight

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()
            self._peak_in_flight = self._in_flight


@dataclass
class Runtime:
    settings: Settings
    store: Store
    faults: FaultEngine
    references: References = field(default_factory=References)
    stats: RequestStats = field(default_factory=RequestStats)
    generation: int = 0  # bumped by every reset; an injected sleep that sees it change ends

    @classmethod
    def from_settings(cls, settings: Settings, services: Iterable[ServiceParts]) -> Runtime:
        """The runtime of these services: their tables in the store, their reference hooks."""
        services = tuple(services)
        return cls(
            settings=settings,
            store=Store(settings.db, [t for s in services for t in s.tables]),
            faults=FaultEngine(settings.latency_ms),
            references=References(h for s in services for h in s.hooks),
        )

    def reset(self) -> None:
        self.generation += 1
        self.store.reset()
        self.faults.clear()
        self.stats.clear()

    async def reset_settled(self, timeout: float = 5.0) -> None:
        """Reset, end the requests still in flight (an injected sleep ends at once and its
        request is dropped unexecuted), wait until none is left (at most ``timeout``), and reset
        again: nothing a request of before the reset did can show after it."""
        self.reset()
        deadline = time.monotonic() + timeout
        while self.stats.in_flight() > 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        self.reset()

    async def sleep(self, seconds: float) -> bool:
        """An injected delay; False when a reset ended it early (drop the request then)."""
        generation = self.generation
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            await asyncio.sleep(min(remaining, 0.05))
            if self.generation != generation:
                return False
        return True
