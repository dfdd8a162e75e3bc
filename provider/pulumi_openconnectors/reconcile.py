"""Never an orphan, never a duplicate: creating and deleting instances when answers get lost.

Every instance carries an ownership tag (``pulumi-openconnectors:<uuid>``, one per create).
When a POST fails in a way that may have created the instance (timeout, dropped connection,
5xx), the tag is looked up: what is found is adopted, and the POST is repeated only once the
API has confirmed that nothing carries the tag.

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

from .client import OpenConnectorsClient
from .errors import APIError, NotFoundError, OpenConnectorsError, ProviderError, TransportError
from .markers import OWNERSHIP_TAG_PREFIX
from .models import CreateInstanceRequest, Instance

log = logging.getLogger("pulumi_openconnectors.provider")

CREATE_ATTEMPTS = 4
RECONCILE_WAITS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # bounded: about a minute in all
SETTLE_MIN = 1.0
"""Seconds to keep looking for the instance of an unanswered POST before posting again."""
SETTLE_MAX = 120.0
"""Upper bound of the settle period (a POST unanswered for minutes gets this long)."""
REPOST_WAITS = (0.5, 1.0, 2.0)
"""Pause before the 2nd, 3rd, 4th POST of one create (a struggling API is not hammered)."""


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


def is_gone(client: OpenConnectorsClient, instance_id: int) -> bool:
    """Whether the instance certainly no longer exists (GET answers 404)."""
    try:
        client.get_instance(instance_id)
    except NotFoundError:
        return True
    except OpenConnectorsError:
        return False
    return False


def create_reconciled(
    client: OpenConnectorsClient, request: CreateInstanceRequest, ownership_tag: str, what: str
) -> tuple[Instance, bool]:
    """POST the instance; on an unclear answer, find it by its tag or post again.

    Returns the instance and whether any POST went unanswered (a late copy is then possible).
    """
    last: OpenConnectorsError | None = None
    for attempt in range(CREATE_ATTEMPTS):
        if attempt:
            time.sleep(REPOST_WAITS[min(attempt, len(REPOST_WAITS)) - 1])
        started = time.monotonic()
        try:
            created = client.create_instance(request)
        except OpenConnectorsError as exc:
            if not getattr(exc, "ambiguous", False):
                raise ProviderError(f"creating {what} failed: {exc}") from None
            last = exc
            log.warning("create of %s had no clear answer (%s); reconciling", what, exc)
            settle = settle_seconds(exc, time.monotonic() - started)
            found = find_owned(client, ownership_tag, what, last, settle)
            if found is not None:
                return found, True
            continue
        if last is not None:
            # An earlier POST went unanswered: if it landed after all, keep only this one.
            remove_duplicates(client, ownership_tag, keep=created.id)
        return created, last is not None
    raise ProviderError(
        f"creating {what} failed {CREATE_ATTEMPTS} times without a clear answer (last: "
        f"{brief(last)}). The API confirmed that no instance tagged {ownership_tag!r} "
        "exists, so nothing was left behind. Check the API's health and run `pulumi up` "
        "again."
    )


def find_owned(
    client: OpenConnectorsClient,
    ownership_tag: str,
    what: str,
    cause: OpenConnectorsError | None,
    settle: float = 0.0,
) -> Instance | None:
    """Find the instance an unanswered create made, by its ownership tag (bounded waiting).

    Returns None once the API has answered "no such instance" and ``settle`` seconds have
    passed (a request the client gave up on may still be running on the server).
    """
    deadline = time.monotonic() + settle
    error: OpenConnectorsError | None = None
    waits = iter(RECONCILE_WAITS)
    wait = 0.0
    while True:
        if wait:
            time.sleep(wait)
        try:
            owned: list[Instance] | None = client.list_instances(tags=[ownership_tag])
        except OpenConnectorsError as exc:
            error = exc
            owned = None
        if owned is not None:
            owned = [i for i in owned if ownership_tag in (i.tags or [])]
            if owned:
                return keep_one(client, owned)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            # bounded by the deadline: the last wait repeats until the settle period ends
            wait = min(next(waits, RECONCILE_WAITS[-1]), remaining)
            continue
        next_wait = next(waits, None)
        if next_wait is None:
            break
        wait = next_wait
    raise ProviderError(
        f"creating {what} may have succeeded (the API gave no clear answer: {brief(cause)}), "
        f"and the API stayed unreachable while checking ({brief(error)}). If it was created "
        f"it carries the tag {ownership_tag!r}: adopt it with adopt_instance_id=<its id>, or "
        "delete it, then run `pulumi up` again."
    )


def keep_one(client: OpenConnectorsClient, owned: list[Instance]) -> Instance:
    """Of the instances carrying one ownership tag, keep the oldest and delete the rest."""
    keep, *extra = sorted(owned, key=lambda i: i.id)
    for duplicate in extra:  # never leave a second copy behind
        _delete_quietly(client, duplicate.id, "duplicate")
    try:
        return client.get_instance(keep.id)
    except OpenConnectorsError as exc:
        # The instance exists: return what the list showed rather than orphan it.
        log.warning("could not read instance %s after reconciling: %s", keep.id, exc)
        return keep


def remove_duplicates(client: OpenConnectorsClient, ownership_tag: str, keep: int) -> None:
    """Delete every instance carrying ``ownership_tag`` except ``keep`` (best effort)."""
    try:
        owned = client.list_instances(tags=[ownership_tag])
    except OpenConnectorsError as exc:
        log.warning("could not check for duplicates of instance %s: %s", keep, exc)
        return
    for other in owned:
        if other.id != keep and ownership_tag in (other.tags or []):
            _delete_quietly(client, other.id, "duplicate")


def delete_owned(
    client: OpenConnectorsClient,
    instance_id: int,
    ownership_tag: str | None,
    look_for_strays: bool,
) -> None:
    """Delete an instance; with ``look_for_strays``, also any other carrying its ownership tag.

    When the DELETE fails without a clear answer (timeouts, dropped connections, errors after
    it may have run), the instance is looked up: if it is gone the delete took effect and
    succeeds (else the state would keep an instance that no longer exists).
    """
    try:
        client.delete_instance(instance_id)
    except NotFoundError:
        pass
    except OpenConnectorsError:
        if not is_gone(client, instance_id):
            raise  # the DELETE's own error: it says what failed and what to do
    if (
        not look_for_strays
        or not ownership_tag
        or not ownership_tag.startswith(OWNERSHIP_TAG_PREFIX)
    ):
        return
    try:
        strays = client.list_instances(tags=[ownership_tag])
    except OpenConnectorsError as exc:
        log.warning("could not look for strays of instance %s: %s", instance_id, exc)
        return
    for stray in strays:
        if stray.id != instance_id and ownership_tag in (stray.tags or []):
            with contextlib.suppress(NotFoundError):
                client.delete_instance(stray.id)


def _delete_quietly(client: OpenConnectorsClient, instance_id: int, what: str) -> None:
    try:
        client.delete_instance(instance_id)
    except NotFoundError:
        pass
    except OpenConnectorsError as exc:
        log.warning("could not delete %s instance %s: %s", what, instance_id, exc)
