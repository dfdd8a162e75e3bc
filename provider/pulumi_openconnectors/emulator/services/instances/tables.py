"""The connector-instance area's tables: instances and OAuth codes (functions take a conn)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...store import storable_id

FIRST_INSTANCE_ID = 100001

_INSTANCES = (
    """CREATE TABLE IF NOT EXISTS instances (
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
)""",
    "CREATE INDEX IF NOT EXISTS instances_org ON instances(org)",
)

_CODES = (
    """CREATE TABLE IF NOT EXISTS oauth_codes (
    code TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    issued_at REAL NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
)""",
)


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


class InstanceTable:
    """The `instances` table (ids from 100001 up, AUTOINCREMENT: never reused)."""

    stat = "instances"

    def create(self, conn: sqlite3.Connection) -> None:
        for statement in _INSTANCES:
            conn.execute(statement)
        seeded = conn.execute("SELECT 1 FROM sqlite_sequence WHERE name = 'instances'").fetchone()
        if seeded is None:
            conn.execute(
                "INSERT INTO sqlite_sequence(name, seq) VALUES ('instances', ?)",
                (FIRST_INSTANCE_ID - 1,),
            )

    def reset(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM instances")

    def count(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT COUNT(*) FROM instances").fetchone()[0])

    @staticmethod
    def insert(conn: sqlite3.Connection, new: NewInstance) -> InstanceRecord:
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
        row = conn.execute(f"SELECT {_COLUMNS} FROM instances WHERE id = ?", (new_id,)).fetchone()
        return _record(row)

    @staticmethod
    def get(conn: sqlite3.Connection, org: str, instance_id: int) -> InstanceRecord | None:
        if not storable_id(instance_id):
            return None
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM instances WHERE id = ? AND org = ?", (instance_id, org)
        ).fetchone()
        return None if row is None else _record(row)

    @staticmethod
    def by_token(conn: sqlite3.Connection, token: str) -> InstanceRecord | None:
        row = conn.execute(f"SELECT {_COLUMNS} FROM instances WHERE token = ?", (token,)).fetchone()
        return None if row is None else _record(row)

    @staticmethod
    def list(conn: sqlite3.Connection, org: str) -> list[InstanceRecord]:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM instances WHERE org = ? ORDER BY id", (org,)
        ).fetchall()
        return [_record(row) for row in rows]

    @staticmethod
    def update(conn: sqlite3.Connection, record: InstanceRecord) -> None:
        conn.execute(
            "UPDATE instances SET name = ?, tags = ?, configuration = ?, disabled = ? WHERE id = ?",
            (
                record.name,
                json.dumps(record.tags),
                json.dumps(record.configuration),
                int(record.disabled),
                record.id,
            ),
        )

    @staticmethod
    def delete(conn: sqlite3.Connection, org: str, instance_id: int) -> bool:
        if not storable_id(instance_id):
            return False
        cursor = conn.execute("DELETE FROM instances WHERE id = ? AND org = ?", (instance_id, org))
        return cursor.rowcount > 0


class CodeTable:
    """One-time OAuth authorization codes (not counted in the stats)."""

    stat = None

    def create(self, conn: sqlite3.Connection) -> None:
        for statement in _CODES:
            conn.execute(statement)

    def reset(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM oauth_codes")

    def count(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT COUNT(*) FROM oauth_codes").fetchone()[0])

    @staticmethod
    def add(conn: sqlite3.Connection, code: str, api_key: str, issued_at: float) -> None:
        conn.execute(
            "INSERT INTO oauth_codes (code, api_key, issued_at) VALUES (?, ?, ?)",
            (code, api_key, issued_at),
        )

    @staticmethod
    def claim(
        conn: sqlite3.Connection, code: str, check: Callable[[CodeRecord | None], None]
    ) -> None:
        """Check the code (`check` raises to refuse it) and burn it, in the caller's transaction."""
        row = conn.execute(
            "SELECT code, api_key, issued_at, used FROM oauth_codes WHERE code = ?", (code,)
        ).fetchone()
        record = None if row is None else CodeRecord(*_code_fields(row))
        check(record)
        conn.execute("UPDATE oauth_codes SET used = 1 WHERE code = ?", (code,))


def _code_fields(row: tuple[Any, ...]) -> tuple[str, str, float, bool]:
    return str(row[0]), str(row[1]), float(row[2]), bool(row[3])


INSTANCES = InstanceTable()
CODES = CodeTable()
