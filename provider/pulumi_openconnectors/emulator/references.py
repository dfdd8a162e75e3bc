"""Cross-area rules without cross-area imports: a small registry of reference hooks.

An area that *uses* another area's objects registers a :class:`Referrer` (its users block the
delete of such an object: 409) or a :class:`Cascade` (its objects go when that object goes); an
area whose objects others refer to registers a :class:`Lookup` (others can read one by key)
and, when others list them, a :class:`Listing`.
Objects are named by a kind (``"instance"``, ``"formula"``, ``"objectDefinition"``), the
organization and a key (an id or a name). Every hook runs inside the caller's transaction, so a
check and the write it guards are atomic.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import ApiError

Key = int | str


@dataclass(frozen=True)
class Referrer:
    """`users(refs, conn, org, key)`: a sentence naming the first user of the object, or None."""

    kind: str
    users: Callable[[References, sqlite3.Connection, str, Key], str | None]


@dataclass(frozen=True)
class Cascade:
    """`run(refs, conn, org, key)`: delete what belongs to the object (it is being deleted)."""

    kind: str
    run: Callable[[References, sqlite3.Connection, str, Key], None]


@dataclass(frozen=True)
class Lookup:
    """`find(refs, conn, org, key)`: the object as JSON, or None when the organization has none.

    Every hook gets the registry (`refs`), so that it can look other areas' objects up too.
    """

    kind: str
    find: Callable[[References, sqlite3.Connection, str, Key], dict[str, Any] | None]


@dataclass(frozen=True)
class Listing:
    """`all(refs, conn, org)`: every object of the kind the organization has, as JSON."""

    kind: str
    all: Callable[[References, sqlite3.Connection, str], list[dict[str, Any]]]


Hook = Referrer | Cascade | Lookup | Listing
H = TypeVar("H", Referrer, Cascade, Lookup, Listing)


class References:
    """The hooks of every service, asked by kind."""

    def __init__(self, hooks: Iterable[Hook] = ()) -> None:
        self._hooks = tuple(hooks)

    def users(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> str | None:
        """A sentence naming the first object that uses this one, or None when none does."""
        for hook in self._of(Referrer, kind):
            message = hook.users(self, conn, org, key)
            if message is not None:
                return message
        return None

    def refuse_delete(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> None:
        """409 with the first user's sentence when something still uses the object."""
        message = self.users(conn, kind, org, key)
        if message is not None:
            raise ApiError(409, message)

    def deleted(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> None:
        """Run the cascades of an object that is being deleted."""
        for hook in self._of(Cascade, kind):
            hook.run(self, conn, org, key)

    def deleting(self, conn: sqlite3.Connection, kind: str, org: str, key: Key) -> None:
        """An object is about to be deleted: 409 while something uses it (:meth:`refuse_delete`),
        else its cascades run (:meth:`deleted`)."""
        self.refuse_delete(conn, kind, org, key)
        self.deleted(conn, kind, org, key)

    def find(
        self, conn: sqlite3.Connection, kind: str, org: str, key: Key
    ) -> dict[str, Any] | None:
        """The object of `kind` with that key, through the area that owns it (None: none)."""
        for hook in self._of(Lookup, kind):
            found = hook.find(self, conn, org, key)
            if found is not None:
                return found
        return None

    def list(self, conn: sqlite3.Connection, kind: str, org: str) -> list[dict[str, Any]]:
        """Every object of `kind` the organization has, through the areas that list them."""
        return [item for hook in self._of(Listing, kind) for item in hook.all(self, conn, org)]

    def _of(self, cls: type[H], kind: str) -> Iterator[H]:
        """The hooks of that class for that kind, in registration order."""
        return (hook for hook in self._hooks if isinstance(hook, cls) and hook.kind == kind)
