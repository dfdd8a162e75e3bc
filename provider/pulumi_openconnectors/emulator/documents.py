"""A shared table of JSON documents for the document-like areas (formulas, definitions, …).

One row per document: its kind, id, organization, an optional natural key (unique per kind and
organization: an object name, ``element:<key>/<object>``), the references it holds on other
objects (``"formula:12"``, ``"instance:100001"``: what reference hooks look for) and its JSON
body. A :class:`DocumentKind` is one area's view of it and is also that area's ``Tables`` for
the store (created at start, emptied on reset, counted in the stats).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .references import Key, References, Referrer
from .store import next_id, storable_id

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS documents (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    org TEXT NOT NULL,
    key TEXT,
    refs TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, id)
)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS documents_key ON documents(kind, org, key) "
    "WHERE key IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS documents_org ON documents(kind, org, id)",
)


def ref(kind: str, key: int | str) -> str:
    """How a document records a reference to another object."""
    return f"{kind}:{key}"


@dataclass(frozen=True)
class Document:
    id: int
    org: str
    key: str | None
    body: dict[str, Any]
    refs: tuple[str, ...] = field(default=())


def _document(row: tuple[Any, ...]) -> Document:
    return Document(
        id=int(row[0]),
        org=str(row[1]),
        key=None if row[2] is None else str(row[2]),
        refs=tuple(json.loads(row[3])),
        body=dict(json.loads(row[4])),
    )


_COLUMNS = "id, org, key, refs, body"


@dataclass(frozen=True)
class Users:
    """The documents that refer to an object about to be deleted (at least one), and where
    to look further (the hooks, the transaction, the organization)."""

    refs: References
    conn: sqlite3.Connection
    org: str
    key: Key
    docs: list[Document]


class DocumentKind:
    """The documents of one kind; ids count from `first_id` up and are never reused."""

    def __init__(self, kind: str, stat: str, first_id: int) -> None:
        self.kind = kind
        self._stat = stat
        self.first_id = first_id

    @property
    def stat(self) -> str | None:
        return self._stat

    # -- Tables ----------------------------------------------------------------------------

    def create(self, conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA:
            conn.execute(statement)

    def reset(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM documents WHERE kind = ?", (self.kind,))

    def count(self, conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT COUNT(*) FROM documents WHERE kind = ?", (self.kind,))
        return int(row.fetchone()[0])

    # -- documents -------------------------------------------------------------------------

    def new_id(self, conn: sqlite3.Connection) -> int:
        return next_id(conn, f"documents:{self.kind}", self.first_id)

    def insert(self, conn: sqlite3.Connection, doc: Document) -> Document:
        conn.execute(
            "INSERT INTO documents (kind, id, org, key, refs, body) VALUES (?, ?, ?, ?, ?, ?)",
            (self.kind, doc.id, doc.org, doc.key, json.dumps(doc.refs), json.dumps(doc.body)),
        )
        return doc

    def replace(self, conn: sqlite3.Connection, doc: Document) -> Document:
        conn.execute(
            "UPDATE documents SET key = ?, refs = ?, body = ? WHERE kind = ? AND id = ?",
            (doc.key, json.dumps(doc.refs), json.dumps(doc.body), self.kind, doc.id),
        )
        return doc

    def get(self, conn: sqlite3.Connection, org: str, doc_id: int) -> Document | None:
        if not storable_id(doc_id):
            return None
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE kind = ? AND org = ? AND id = ?",
            (self.kind, org, doc_id),
        ).fetchone()
        return None if row is None else _document(row)

    def by_key(self, conn: sqlite3.Connection, org: str, key: str) -> Document | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE kind = ? AND org = ? AND key = ?",
            (self.kind, org, key),
        ).fetchone()
        return None if row is None else _document(row)

    def list(
        self, conn: sqlite3.Connection, org: str, refers_to: str | None = None
    ) -> list[Document]:
        """The organization's documents of this kind by id (those holding `refers_to`)."""
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE kind = ? AND org = ? ORDER BY id",
            (self.kind, org),
        ).fetchall()
        docs = [_document(row) for row in rows]
        return docs if refers_to is None else [d for d in docs if refers_to in d.refs]

    def referrer(self, kind: str, say: Callable[[Users], str]) -> Referrer:
        """The :class:`Referrer` of `kind` whose users are this kind's documents that refer to
        the object (:func:`ref`, by id); `say` words the refusal when there is one at least."""

        def users(refs: References, conn: sqlite3.Connection, org: str, key: Key) -> str | None:
            docs = self.list(conn, org, refers_to=ref(kind, key))
            return say(Users(refs, conn, org, key, docs)) if docs else None

        return Referrer(kind, users)

    def delete(self, conn: sqlite3.Connection, org: str, doc_id: int) -> bool:
        if not storable_id(doc_id):
            return False
        cursor = conn.execute(
            "DELETE FROM documents WHERE kind = ? AND org = ? AND id = ?", (self.kind, org, doc_id)
        )
        return cursor.rowcount > 0
