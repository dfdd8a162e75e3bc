"""More than 4 operations at once in the dynamic-provider host (`openconnectors:concurrency`).

The Pulumi Python SDK's dynamic-provider host (``pulumi/dynamic/__main__.py``) serves the
engine's gRPC calls from ``concurrent.futures.ThreadPoolExecutor(max_workers=4)``, a number it
hard-codes. :func:`apply` runs in that host, on a provider's first ``configure()``, in one of
the pool's own worker threads: it finds the executor that runs the current thread and raises
its ``_max_workers`` to the configured concurrency, then starts the extra threads at once (calls
the engine has sent already may be waiting in the pool's queue: a refresh or destroy sends all
of them up front). Nothing else changes (one process, one client, nothing in state).

``_threads``, ``_max_workers``, ``_adjust_thread_count`` and ``_shutdown_lock`` are private
attributes of the standard library's executor,
and that the host uses such an executor is the SDK's private choice. When either is not what
this module expects (another Python, grpcio or SDK version; a call from anything but that host
pool), nothing is changed: the host keeps serving 4 calls at a time and ONE warning on stderr
(the engine shows it) says why. The engine's own ``--parallel`` limit still applies on top of
this one (its default is 4 x the number of CPUs).

Imported by the program through the provider class: standard library only at import time.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

HOST_WORKERS = 4
"""What the SDK's dynamic-provider host serves at a time on its own."""

ConfigLookup = Callable[[str], Any]


class Unavailable(Exception):
    """The mechanism cannot be used in this process; the message says why."""


@dataclass(frozen=True)
class Outcome:
    wanted: int
    effective: int
    reason: str | None = None  # why ``effective < wanted``


_lock = threading.Lock()
_outcome: Outcome | None = None


def apply(config_lookup: ConfigLookup, warn: Callable[[str], None] | None = None) -> Outcome:
    """Make the host serve ``openconnectors:concurrency`` calls at a time (idempotent).

    Raises :class:`~pulumi_openconnectors.errors.ConfigurationError` for an invalid setting.
    Falls back to the host's 4 with one warning (``warn``, default: stderr) when the host
    pool cannot be widened.
    """
    from ..config import resolve_concurrency

    global _outcome
    wanted = resolve_concurrency(config_lookup)
    with _lock:
        if _outcome is not None and (_outcome.wanted >= wanted or _outcome.reason is not None):
            return _outcome  # done already (a fall-back is not retried, nor warned twice)
        if wanted <= HOST_WORKERS:
            _outcome = Outcome(wanted, HOST_WORKERS)
            return _outcome
        try:
            widen(current_pool(), wanted)
        except Exception as exc:  # never let the optional widening break the provider
            reason = str(exc) if isinstance(exc, Unavailable) else f"{type(exc).__name__}: {exc}"
            _outcome = Outcome(wanted, HOST_WORKERS, reason)
            (warn or _stderr)(fallback_message(wanted, reason))
            return _outcome
        _outcome = Outcome(wanted, wanted)
        return _outcome


def current_pool() -> ThreadPoolExecutor:
    """The thread pool whose worker is running this call (the host's gRPC server pool)."""
    me = threading.current_thread()
    found: list[ThreadPoolExecutor] = []
    for obj in gc.get_objects():
        if isinstance(obj, ThreadPoolExecutor):
            threads = getattr(obj, "_threads", None)
            if isinstance(threads, (set, frozenset, list, tuple)) and me in threads:
                found.append(obj)
    if not found:
        raise Unavailable(
            "this call is not served by a concurrent.futures.ThreadPoolExecutor worker "
            "(the dynamic-provider host works differently in this SDK or Python version)"
        )
    if len(found) > 1:
        raise Unavailable("more than one thread pool claims the current thread")
    return found[0]


def widen(pool: ThreadPoolExecutor, workers: int) -> None:
    """Let ``pool`` run up to ``workers`` threads (never fewer than it allows now)."""
    current = getattr(pool, "_max_workers", None)
    if not isinstance(current, int) or isinstance(current, bool):
        raise Unavailable(
            f"the host's thread pool ({type(pool).__name__}) has no integer _max_workers"
        )
    if not callable(getattr(pool, "_adjust_thread_count", None)):
        raise Unavailable(f"the host's thread pool ({type(pool).__name__}) cannot add threads")
    if workers <= current:
        return
    lock = getattr(pool, "_shutdown_lock", None) or contextlib.nullcontext()
    with lock:
        pool._max_workers = workers
        if getattr(pool, "_max_workers", None) != workers:
            raise Unavailable(f"the host's thread pool ({type(pool).__name__}) kept its limit")
        # Start the threads now: calls the engine has sent already wait in the pool's queue,
        # and the executor would add a thread only when it is handed a further call. (Each
        # try may first take an idle worker's token instead of starting a thread: bounded.)
        threads = getattr(pool, "_threads", ())
        for _ in range(2 * workers):
            if len(threads) >= workers:
                break
            pool._adjust_thread_count()


def fallback_message(wanted: int, reason: str) -> str:
    return (
        f"warning: pulumi-openconnectors: openconnectors:concurrency={wanted} is not in effect, "
        f"running {HOST_WORKERS} operations at a time (the Pulumi dynamic-provider host's "
        f"default): {reason}. {_versions()}. Everything else works as usual; set "
        f"openconnectors:concurrency to {HOST_WORKERS} (or unset it) to silence this warning."
    )


def _versions() -> str:
    import importlib.metadata as metadata

    parts = [f"Python {sys.version.split()[0]}"]
    for dist in ("pulumi", "grpcio"):
        try:
            parts.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} ?")
    return ", ".join(parts)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def outcome() -> Outcome | None:
    """What :func:`apply` did in this process (None: not called yet)."""
    return _outcome


def _reset_for_tests() -> None:
    global _outcome
    with _lock:
        _outcome = None
