"""The store core: one SQLite connection, one lock, transactions; the services bring tables.

Each API area (``services/``) hands the store its tables as :class:`Tables` objects: the store
creates them at start, empties them on an admin reset and counts them for the admin stats, so
that neither the admin API nor the runtime knows any area. Id sequences (``next_id``) live here
too: they are never reset, so an id is never handed out twice, not even after a reset.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

MAX_ID = 2**63 - 1
"""The largest id SQLite can store; a larger id (or a negative one) names nothing."""

_SEQUENCES = (
    "CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, last INTEGER NOT NULL)",
)


class Tables(Protocol):
    """What a service's tables tell the store.

    ``create`` runs at every start (``CREATE … IF NOT EXISTS``: a database file is reopened as
    it is), ``reset`` empties them, ``stat`` names their count in ``/_emulator/stats`` (None:
    not counted) and ``count`` gives it.
    """

    @property
    def stat(self) -> str | None: ...

    def create(self, conn: sqlite3.Connection) -> None: ...

    def reset(self, conn: sqlite3.Connection) -> None: ...

    def count(self, conn: sqlite3.Connection) -> int: ...


def storable_id(value: int) -> bool:
    """Whether an id can be stored at all (1 .. 2**63-1); any other id names nothing."""
    return 0 < value <= MAX_ID


def next_id(conn: sqlite3.Connection, name: str, first: int) -> int:
    """The next id of the sequence `name` (the first one is `first`); call inside a transaction."""
    row = conn.execute("SELECT last FROM sequences WHERE name = ?", (name,)).fetchone()
    value = first if row is None else max(int(row[0]) + 1, first)
    conn.execute(
        "INSERT INTO sequences (name, last) VALUES (?, ?) "
        "ON CONFLICT(name) DO UPDATE SET last = excluded.last",
        (name, value),
    )
    return value


class Store:
    """Thread-safe store: every transaction holds one lock on one shared connection."""

    def __init__(self, path: str = ":memory:", tables: Sequence[Tables] = ()) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._tables = tuple(tables)
        with self.transaction() as conn:
            for statement in _SEQUENCES:
                conn.execute(statement)
            for table in self._tables:
                table.create(conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK when the block raises)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def reset(self) -> None:
        """Empty every service's tables in one transaction (sequences keep counting)."""
        with self.transaction() as conn:
            for table in self._tables:
                table.reset(conn)

    def counts(self) -> dict[str, int]:
        """The count of every counted table, by its stat name."""
        with self.transaction() as conn:
            return {t.stat: t.count(conn) for t in self._tables if t.stat is not None}

    def close(self) -> None:
        with self._lock:
            self._conn.close()
