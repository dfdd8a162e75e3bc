"""Never an orphan, never a duplicate: creating and deleting objects when answers get lost.

Every object a create makes carries an ownership marker (``pulumi-openconnectors:<uuid>``, one
per create): a connector instance in its tags, other types where they can hold one (see each
type's :class:`OwnedKind`). When a POST fails in a way that may have created the object
(timeout, dropped connection, 5xx), the marker is looked up: what is found is adopted, and the
POST is repeated only once the API has confirmed that nothing carries the marker.

A POST whose answer timed out may still be running on the server: before concluding that
nothing was created, the lookup goes on for a settle period (twice as long as the POST went
unanswered, at least ``SETTLE_MIN`` seconds), and after a create that needed a second POST any
other instance carrying the tag is removed. A create that had an unanswered POST is flagged in
state, so that deleting it also removes a stray instance that landed even later.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

from .client import deadline
from .errors import APIError, NotFoundError, OpenConnectorsError, ProviderError, TransportError
from .markers import OWNERSHIP_TAG_PREFIX

log = logging.getLogger("pulumi_openconnectors.provider")

CREATE_ATTEMPTS = 4
RECONCILE_WAITS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)
"""Pauses between looks for the marker (the last one repeats)."""
UNREACHABLE_MAX = 60.0
"""Seconds the API may stay unreachable in a row while looking for the marker before the
create gives up (wall clock, the client's own retries included)."""
SETTLE_MIN = 1.0
"""Seconds to keep looking for the instance of an unanswered POST before posting again."""
SETTLE_MAX = 120.0
"""Upper bound of the settle period (a POST unanswered for minutes gets this long)."""
REPOST_WAITS = (0.5, 1.0, 2.0)
"""Pause before the 2nd, 3rd, 4th POST of one create (a struggling API is not hammered)."""


T = TypeVar("T")
Ident = int | str


def by_id(found: Any) -> Ident:
    """An object's id (its ``id`` attribute): the default ``OwnedKind.ident``."""
    return cast(Ident, found.id)


@dataclass(frozen=True)
class OwnedKind(Generic[T]):
    """How reconciliation handles one kind of object (bound to one client).

    ``post`` is one create call; ``find(marker)`` lists the objects that carry the marker (an
    empty list when none do); ``get``/``delete`` raise NotFoundError when the object is gone;
    ``ident`` is an object's id. ``noun`` names the kind in messages ("instance").
    """

    noun: str
    post: Callable[[], T]
    find: Callable[[str], Sequence[T]]
    get: Callable[[Ident], T]
    delete: Callable[[Ident], None]
    ident: Callable[[T], Ident] = field(default=by_id)


def keyed_kind(
    noun: str,
    post: Callable[[], T],
    get: Callable[[Ident], T],
    delete: Callable[[Ident], None],
    ident: Callable[[T], Ident],
) -> OwnedKind[T]:
    """A kind whose objects have a natural key (a name; one object per key, a second create
    answers 409): the key is the marker, and finding it is a GET (404: nothing)."""

    def find(key: str) -> list[T]:
        try:
            return [get(key)]
        except NotFoundError:
            return []

    return OwnedKind(noun=noun, post=post, find=find, get=get, delete=delete, ident=ident)


def new_ownership_tag() -> str:
    return f"{OWNERSHIP_TAG_PREFIX}{uuid.uuid4().hex}"


def settle_seconds(exc: OpenConnectorsError, unanswered_for: float) -> float:
    """How long an unanswered POST may still land on the server.

    An error status from the service itself (500, 503) means the request is finished: one look
    suffices. A gateway error (502, 504) or no answer at all (read timeout, dropped connection)
    means it may still be running: give it twice as long as it went unanswered.
    """
    if isinstance(exc, APIError) and exc.http_status not in (502, 504):
        return 0.0
    if not isinstance(exc, (APIError, TransportError)):
        return SETTLE_MIN
    return min(SETTLE_MAX, max(SETTLE_MIN, 2.0 * unanswered_for))


def brief(exc: OpenConnectorsError | None) -> str:
    """What went wrong, without the error's own advice (the caller gives the advice)."""
    if exc is None:
        return "no answer"
    if isinstance(exc, APIError):
        text = f"{exc.method} {exc.path} answered {exc.http_status}"
        if exc.api_message:
            text += f": {exc.api_message}"
        if exc.request_id:
            text += f" [requestId: {exc.request_id}]"
        return text
    return exc.message.split(". ", 1)[0].rstrip(".")


def is_gone(kind: OwnedKind[T], ident: Ident) -> bool:
    """Whether the object certainly no longer exists (GET answers 404)."""
    try:
        kind.get(ident)
    except NotFoundError:
        return True
    except OpenConnectorsError:
        return False
    return False


def create_reconciled(kind: OwnedKind[T], ownership_tag: str, what: str) -> tuple[T, bool]:
    """POST the object; on an unclear answer, find it by its marker or post again.

    Returns the object and whether any POST went unanswered (a late copy is then possible).
    """
    last: OpenConnectorsError | None = None
    posts = 0
    for attempt in range(CREATE_ATTEMPTS):
        if attempt and not _sleep_within_deadline(
            REPOST_WAITS[min(attempt, len(REPOST_WAITS)) - 1]
        ):
            break
        posts += 1
        started = time.monotonic()
        try:
            created = kind.post()
        except OpenConnectorsError as exc:
            if not getattr(exc, "ambiguous", False):
                raise ProviderError(f"creating {what} failed: {exc}") from None
            last = exc
            log.warning("create of %s had no clear answer (%s); reconciling", what, exc)
            settle = settle_seconds(exc, time.monotonic() - started)
            found = find_owned(kind, ownership_tag, what, last, settle)
            if found is not None:
                return found, True
            continue
        if last is not None:
            # An earlier POST went unanswered: if it landed after all, keep only this one.
            remove_duplicates(kind, ownership_tag, keep=kind.ident(created))
        return created, last is not None
    stopped = "" if posts == CREATE_ATTEMPTS else " before the operation deadline passed"
    raise ProviderError(
        f"creating {what} failed {posts} time{'s' if posts != 1 else ''}{stopped} without a "
        f"clear answer (last: {brief(last)}). The API confirmed that no {kind.noun} marked "
        f"{ownership_tag!r} exists, so nothing was left behind. Check the API's health and run "
        "`pulumi up` again."
    )


def find_owned(
    kind: OwnedKind[T],
    ownership_tag: str,
    what: str,
    cause: OpenConnectorsError | None,
    settle: float = 0.0,
) -> T | None:
    """Find the object an unanswered create made, by its ownership marker (bounded waiting).

    Returns None once the API has answered "no such object" and ``settle`` seconds have
    passed (a request the client gave up on may still be running on the server). Raises a
    ProviderError that names the marker when it cannot tell: the API stayed unreachable for
    ``UNREACHABLE_MAX`` seconds in a row, or the operation's deadline came first.
    """
    settle_until = time.monotonic() + settle
    error: OpenConnectorsError | None = None
    unreachable_since: float | None = None
    empty_waits = iter(RECONCILE_WAITS)  # while the API answers "nothing carries the marker"
    error_waits = iter(RECONCILE_WAITS)  # while it does not answer; restarts after an answer
    while True:
        started = time.monotonic()
        try:
            owned: list[T] = list(kind.find(ownership_tag))
        except OpenConnectorsError as exc:
            error = exc
            if unreachable_since is None:
                unreachable_since = started
            left = UNREACHABLE_MAX - (time.monotonic() - unreachable_since)
            wait = min(next(error_waits, RECONCILE_WAITS[-1]), left)
            if left <= 0 or not _sleep_within_deadline(wait):
                break
            continue
        unreachable_since = None
        error_waits = iter(RECONCILE_WAITS)
        if owned:
            return keep_one(kind, owned)
        remaining = settle_until - time.monotonic()
        if remaining <= 0:
            return None
        # the last wait repeats until the settle period ends
        if not _sleep_within_deadline(min(next(empty_waits, RECONCILE_WAITS[-1]), remaining)):
            error = None
            break
    checking = (
        f"the API stayed unreachable while checking ({brief(error)})"
        if error is not None
        else "the operation deadline (openconnectors:operationTimeout) came before the "
        "create could have landed"
    )
    raise ProviderError(
        f"creating {what} may have succeeded (the API gave no clear answer: {brief(cause)}), "
        f"and {checking}. If it was created it carries the marker {ownership_tag!r}: adopt "
        "it (adopt_*_id=<its id>), or delete it, then run `pulumi up` again."
    )


def _sleep_within_deadline(seconds: float) -> bool:
    """Sleep, unless the operation's deadline would pass first (then return False at once)."""
    left = deadline.remaining()
    if left is not None and seconds >= left:
        return False
    time.sleep(seconds)
    return True


def _order(ident: Ident) -> tuple[int, str]:
    return (int(ident), "") if str(ident).isdigit() else (0, str(ident))


def keep_one(kind: OwnedKind[T], owned: list[T]) -> T:
    """Of the objects carrying one ownership marker, keep the oldest and delete the rest."""
    keep, *extra = sorted(owned, key=lambda o: _order(kind.ident(o)))
    for duplicate in extra:  # never leave a second copy behind
        _delete_quietly(kind, kind.ident(duplicate), "duplicate")
    try:
        return kind.get(kind.ident(keep))
    except OpenConnectorsError as exc:
        # The object exists: return what the list showed rather than orphan it.
        log.warning("could not read %s %s after reconciling: %s", kind.noun, kind.ident(keep), exc)
        return keep


def _others(kind: OwnedKind[T], marker: str, keep: Ident, what: str) -> list[Ident]:
    """The ids of the objects carrying ``marker`` other than ``keep`` (none when the lookup
    fails: logged, best effort)."""
    try:
        found = kind.find(marker)
    except OpenConnectorsError as exc:
        log.warning("could not look for %s of %s %s: %s", what, kind.noun, keep, exc)
        return []
    return [kind.ident(f) for f in found if str(kind.ident(f)) != str(keep)]


def remove_duplicates(kind: OwnedKind[T], ownership_tag: str, keep: Ident) -> None:
    """Delete every object carrying ``ownership_tag`` except ``keep`` (best effort)."""
    for other in _others(kind, ownership_tag, keep, "duplicates"):
        _delete_quietly(kind, other, "duplicate")


def delete_owned(
    kind: OwnedKind[T],
    ident: Ident,
    ownership_tag: str | None,
    look_for_strays: bool,
) -> None:
    """Delete an object; with ``look_for_strays``, also any other carrying its ownership marker.

    When the DELETE fails without a clear answer (timeouts, dropped connections, errors after
    it may have run), the object is looked up: if it is gone the delete took effect and
    succeeds (else the state would keep an object that no longer exists).
    """
    try:
        kind.delete(ident)
    except NotFoundError:
        pass
    except OpenConnectorsError:
        if not is_gone(kind, ident):
            raise  # the DELETE's own error: it says what failed and what to do
    if not look_for_strays or not ownership_tag:
        return
    for stray in _others(kind, ownership_tag, ident, "strays"):
        with contextlib.suppress(NotFoundError):
            kind.delete(stray)


def _delete_quietly(kind: OwnedKind[T], ident: Ident, what: str) -> None:
    try:
        kind.delete(ident)
    except NotFoundError:
        pass
    except OpenConnectorsError as exc:
        log.warning("could not delete %s %s %s: %s", what, kind.noun, ident, exc)
