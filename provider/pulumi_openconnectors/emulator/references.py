"""Cross-area rules without cross-area imports: a small registry of reference hooks.

An area that *uses* another area's objects registers a :class:`Referrer` (its users block the
delete of such an object: 409) or a :class:`Cascade` (its objects go when that object goes); an
area whose objects others refer to registers a :class:`Lookup` (others can read one by key).
Objects are named by a kind (``"instance"``, ``"formula"``, ``"objectDefinition"``), the
organization and a key (an id or a name). Every hook runs inside the caller's transaction, so a
check and the write it guards are atomic.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .errors import ApiError

Key = int | str


@dataclass(frozen=True)
class Referrer:
    """`users(conn, org, key)`: a sentence naming the first user of that object, or None."""

    kind: str
    users: Callable[[sqlite3.Connection, str, Key], str | None]


@dataclass(frozen=True)
class Cascade:
    """`run(conn, org, key)`: delete what belongs to that object (it is being deleted)."""

    kind: str
    run: Callable[[sqlite3.Connection, str, Key], None]


@dataclass(frozen=True)
class Lookup:
    """`find(conn, org, key)`: that object as JSON, or None when the organization has none."""

    kind: str
    find: Callable[[sqlite3.Connection, str, Key], dict[str, Any] | None]


Hook = Referrer | Cascade | Lookup


class References:
    """The hooks of every service, asked by kind."""

    def __init__(self, hooks: Iterable[Hook] = ()) -> None:
        self._hooks = tuple(hooks)

    def refuse_delete(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> None:
        """409 with the first user's sentence when something still uses the object."""
        for hook in self._hooks:
            if isinstance(hook, Referrer) and hook.kind == kind:
                message = hook.users(conn, org, key)
                if message is not None:
                    raise ApiError(409, message)

    def deleted(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> None:
        """Run the cascades of an object that is being deleted."""
        for hook in self._hooks:
            if isinstance(hook, Cascade) and hook.kind == kind:
                hook.run(conn, org, key)

    def find(
        self, conn: sqlite3.Connection, kind: str, org: str, key: Key
    ) -> dict[str, Any] | None:
        """The object of `kind` with that key, through the area that owns it (None: none)."""
        for hook in self._hooks:
            if isinstance(hook, Lookup) and hook.kind == kind:
                found = hook.find(conn, org, key)
                if found is not None:
                    return found
        return None
