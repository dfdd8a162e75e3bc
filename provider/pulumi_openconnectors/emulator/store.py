"""SQLite persistence for instances and OAuth codes (stdlib sqlite3, one locked connection)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

FIRST_INSTANCE_ID = 100001

_SCHEMA = """
CREATE TABLE IF NOT EXISTS instances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    element_key TEXT NOT NULL,
    name TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    created_date TEXT NOT NULL,
    tags TEXT NOT NULL,
    configuration TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    objects TEXT
);
CREATE INDEX IF NOT EXISTS instances_org ON instances(org);
CREATE TABLE IF NOT EXISTS oauth_codes (
    code TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    issued_at REAL NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
"""


@dataclass(frozen=True)
class NewInstance:
    """What a create stores; the id is assigned by SQLite."""

    org: str
    user_id: int
    element_key: str
    name: str
    token: str
    created_date: str
    tags: list[str]
    configuration: dict[str, str]
    disabled: bool
    objects: list[dict[str, str]] | None


@dataclass(frozen=True)
class InstanceRecord(NewInstance):
    """A stored instance, with unmasked configuration: what a create stored, and its id."""

    id: int


@dataclass(frozen=True)
class CodeRecord:
    code: str
    api_key: str
    issued_at: float
    used: bool


_COLUMNS = (
    "id, org, user_id, element_key, name, token, created_date, tags, configuration, "
    "disabled, objects"
)


def _record(row: tuple[Any, ...]) -> InstanceRecord:
    return InstanceRecord(
        id=int(row[0]),
        org=str(row[1]),
        user_id=int(row[2]),
        element_key=str(row[3]),
        name=str(row[4]),
        token=str(row[5]),
        created_date=str(row[6]),
        tags=list(json.loads(row[7])),
        configuration=dict(json.loads(row[8])),
        disabled=bool(row[9]),
        objects=None if row[10] is None else list(json.loads(row[10])),
    )


class Store:
    """Thread-safe store: every transaction holds one lock on one shared connection."""

    def __init__(self, path: str = ":memory:") -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # executescript commits implicitly, so run it outside an explicit transaction.
        with self._lock:
            self._conn.executescript(_SCHEMA)
        with self._transaction() as conn:
            seeded = conn.execute(
                "SELECT 1 FROM sqlite_sequence WHERE name = 'instances'"
            ).fetchone()
            if seeded is None:
                conn.execute(
                    "INSERT INTO sqlite_sequence(name, seq) VALUES ('instances', ?)",
                    (FIRST_INSTANCE_ID - 1,),
                )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- instances -------------------------------------------------------------------------

    def create_instance(
        self,
        new: NewInstance,
        claim_code: str | None = None,
        check_code: Callable[[CodeRecord | None], None] | None = None,
    ) -> InstanceRecord:
        """Insert an instance; with `claim_code`, check and burn that OAuth code atomically.

        `check_code` receives the code's record (or None when unknown) and raises to refuse.
        """
        with self._transaction() as conn:
            if claim_code is not None:
                code = self._get_code(conn, claim_code)
                if check_code is not None:
                    check_code(code)
                conn.execute("UPDATE oauth_codes SET used = 1 WHERE code = ?", (claim_code,))
            cursor = conn.execute(
                "INSERT INTO instances (org, user_id, element_key, name, token, created_date, "
                "tags, configuration, disabled, objects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.org,
                    new.user_id,
                    new.element_key,
                    new.name,
                    new.token,
                    new.created_date,
                    json.dumps(new.tags),
                    json.dumps(new.configuration),
                    int(new.disabled),
                    None if new.objects is None else json.dumps(new.objects),
                ),
            )
            new_id = cursor.lastrowid
            assert new_id is not None
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM instances WHERE id = ?", (new_id,)
            ).fetchone()
        return _record(row)

    def get_instance(self, org: str, instance_id: int) -> InstanceRecord | None:
        with self._transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM instances WHERE id = ? AND org = ?", (instance_id, org)
            ).fetchone()
        return None if row is None else _record(row)

    def find_by_token(self, token: str) -> InstanceRecord | None:
        with self._transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM instances WHERE token = ?", (token,)
            ).fetchone()
        return None if row is None else _record(row)

    def list_instances(self, org: str) -> list[InstanceRecord]:
        with self._transaction() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM instances WHERE org = ? ORDER BY id", (org,)
            ).fetchall()
        return [_record(row) for row in rows]

    def update_instance(
        self,
        org: str,
        instance_id: int,
        change: Callable[[InstanceRecord], InstanceRecord],
    ) -> InstanceRecord | None:
        """Read-modify-write under the lock; `change` may raise to refuse the update."""
        with self._transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM instances WHERE id = ? AND org = ?", (instance_id, org)
            ).fetchone()
            if row is None:
                return None
            updated = change(_record(row))
            conn.execute(
                "UPDATE instances SET name = ?, tags = ?, configuration = ?, disabled = ? "
                "WHERE id = ?",
                (
                    updated.name,
                    json.dumps(updated.tags),
                    json.dumps(updated.configuration),
                    int(updated.disabled),
                    instance_id,
                ),
            )
        return updated

    def delete_instance(self, org: str, instance_id: int) -> bool:
        with self._transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM instances WHERE id = ? AND org = ?", (instance_id, org)
            )
            return cursor.rowcount > 0

    def count_instances(self) -> int:
        with self._transaction() as conn:
            row = conn.execute("SELECT COUNT(*) FROM instances").fetchone()
        return int(row[0])

    # -- oauth codes -----------------------------------------------------------------------

    def add_code(self, code: str, api_key: str, issued_at: float) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO oauth_codes (code, api_key, issued_at) VALUES (?, ?, ?)",
                (code, api_key, issued_at),
            )

    @staticmethod
    def _get_code(conn: sqlite3.Connection, code: str) -> CodeRecord | None:
        row = conn.execute(
            "SELECT code, api_key, issued_at, used FROM oauth_codes WHERE code = ?", (code,)
        ).fetchone()
        if row is None:
            return None
        return CodeRecord(str(row[0]), str(row[1]), float(row[2]), bool(row[3]))

    # -- admin -----------------------------------------------------------------------------

    def reset(self) -> None:
        """Delete every instance and OAuth code. Ids keep counting up (never reused)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM instances")
            conn.execute("DELETE FROM oauth_codes")
