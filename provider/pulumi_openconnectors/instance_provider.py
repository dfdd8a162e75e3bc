"""The dynamic resource provider behind ConnectorInstance: check, diff, create, read, update,
delete.

The provider object is pickled into every resource's state by reference (this module is
importable), so it holds nothing but its class: the client and its settings are built in
``configure`` (stack config) or lazily from the environment, inside the provider process.

Create is made safe against lost answers: every instance carries an ownership tag
(``pulumi-openconnectors:<uuid>``, hidden from the ``tags`` output). When a POST fails in a way
that may have created the instance (timeout, dropped connection, 5xx), the provider looks the
tag up, adopts what it finds, and only re-posts when nothing was created.

A POST whose answer timed out may still be running on the server: before concluding that
nothing was created the provider keeps looking for a settle period (twice as long as the POST
went unanswered, at least ``SETTLE_MIN`` seconds), and after a create that needed a second
POST it removes any other instance carrying the same ownership tag. Deleting a resource also
removes any stray instance with its tag (a create that landed after the settle period). Once
an instance exists, ``create`` returns it rather than raise (a raised create is not recorded in
the state, so the instance would be orphaned), unless it can remove it again.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from .client import OpenConnectorsClient
from .config import resolve_settings
from .errors import APIError, NotFoundError, OpenConnectorsError, TransportError
from .inputs import OWNERSHIP_TAG_PREFIX, InstanceInputs, is_unknown, validate_inputs
from .models import CreateInstanceRequest, Instance, UpdateInstanceRequest

log = logging.getLogger("pulumi_openconnectors.provider")

CREATE_ATTEMPTS = 4
RECONCILE_WAITS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # bounded: about a minute in all
SETTLE_MIN = 1.0
"""Seconds to keep looking for the instance of an unanswered POST before posting again."""
SETTLE_MAX = 120.0
"""Upper bound of the settle period (a POST unanswered for minutes gets this long)."""
REPOST_WAITS = (0.5, 1.0, 2.0)
"""Pause before the 2nd, 3rd, 4th POST of one create (a struggling API is not hammered)."""
MASKED = "********"


class ProviderError(OpenConnectorsError):
    """An operation of the provider failed; the message says what to do."""


def _ownership_tag() -> str:
    return f"{OWNERSHIP_TAG_PREFIX}{uuid.uuid4().hex}"


def _user_tags(tags: list[str], ownership_tag: str | None) -> list[str]:
    return [t for t in tags if t != ownership_tag and not t.startswith(OWNERSHIP_TAG_PREFIX)]


def _settle_seconds(exc: OpenConnectorsError, unanswered_for: float) -> float:
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


def _brief(exc: OpenConnectorsError | None) -> str:
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
    first = exc.message.split(". ", 1)[0].rstrip(".")
    return first


def _is_gone(client: OpenConnectorsClient, instance_id: int) -> bool:
    """Whether the instance certainly no longer exists (GET answers 404)."""
    try:
        client.get_instance(instance_id)
    except NotFoundError:
        return True
    except OpenConnectorsError:
        return False
    return False


def _as_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _parse(props: Mapping[str, Any]) -> InstanceInputs:
    model, failures = validate_inputs(props)
    if model is None:
        reasons = "; ".join(reason for _, reason in failures) or "some inputs are not known yet"
        raise ProviderError(f"invalid ConnectorInstance inputs: {reasons}")
    return model


def _objects(instance: Instance) -> list[dict[str, str]] | None:
    if instance.objects is None:
        return None
    return [
        {"name": o.name, "vendor_name": o.vendor_name or o.name, "type": str(o.type or "")}
        for o in instance.objects
    ]


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def _live_configuration(desired: Mapping[str, str], instance: Instance) -> dict[str, str]:
    """Our configuration, with any value the API shows in clear and differently (drift)."""
    live = dict(desired)
    shown = instance.configuration or {}
    for key in desired:
        value = shown.get(key)
        if isinstance(value, str) and value != MASKED and value != desired[key]:
            live[key] = value
    return live


def _outputs(
    inputs: InstanceInputs,
    instance: Instance,
    ownership_tag: str | None,
    objects: list[dict[str, str]] | None,
) -> dict[str, Any]:
    element = instance.element
    element_id = (
        element.id if element is not None and element.id is not None else instance.element_id
    )
    return {
        # inputs, as the API now holds them (so that refresh shows drift)
        "element_key": element.key if element is not None else inputs.element_key,
        "element_id": element_id,
        "name": instance.name,
        "configuration": _live_configuration(inputs.configuration, instance),
        "provider_data": inputs.provider_data,
        "tags": _user_tags(list(instance.tags or []), ownership_tag),
        "retrieve_objects": inputs.retrieve_objects,
        "disabled": instance.disabled,
        "adopt_instance_id": inputs.adopt_instance_id,
        # computed
        "instance_id": instance.id,
        "token": instance.token.get_secret_value() if instance.token is not None else None,
        "element_name": element.name if element is not None else None,
        "valid": instance.valid,
        "created_date": _iso(instance.created_date),
        "objects": objects,
        "ownership_tag": ownership_tag,
    }


def _inputs_from_state(props: Mapping[str, Any]) -> InstanceInputs:
    """The last known inputs, rebuilt from a resource's state (outputs carry every input)."""
    state = {
        "element_key": props.get("element_key"),
        "name": props.get("name") or "unnamed",
        "configuration": props.get("configuration") or {},
        "provider_data": props.get("provider_data"),
        "tags": _user_tags(list(props.get("tags") or []), props.get("ownership_tag")),
        "retrieve_objects": bool(props.get("retrieve_objects") or False),
        "disabled": props.get("disabled"),
        "adopt_instance_id": _as_int(props.get("adopt_instance_id")),
    }
    if state["element_key"] is None:
        state["element_id"] = _as_int(props.get("element_id"))
    return InstanceInputs.model_validate(state)


class ConnectorInstanceProvider(ResourceProvider):
    """CRUD of Open Connectors connector instances through the platform REST API."""

    # The pickled provider captures nothing secret (no client, no credentials), so it need not
    # be stored encrypted: this keeps state small and diffs readable.
    serialize_as_secret_always = False

    _lock = threading.Lock()  # a class attribute: pickled by reference with the class

    # -- plumbing -----------------------------------------------------------------------
    # These attributes are only ever set in the provider process, after unpickling; the
    # object the program pickles has none, so no client or credential is ever serialised.

    def configure(self, req: ConfigureRequest) -> None:
        self._config_lookup: Callable[[str], Any] = req.config.get

    def _client(self) -> OpenConnectorsClient:
        client: OpenConnectorsClient | None = getattr(self, "_api_client", None)
        if client is None:
            with self._lock:
                client = getattr(self, "_api_client", None)
                if client is None:
                    lookup = getattr(self, "_config_lookup", lambda _key: None)
                    client = OpenConnectorsClient(resolve_settings(lookup))
                    self._api_client = client
        return client

    # -- check / diff --------------------------------------------------------------------

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        model, failures = validate_inputs(news)
        if failures:
            return CheckResult(news, [CheckFailure(prop, reason) for prop, reason in failures])
        if model is None:  # some values are unknown until the preview's dependencies exist
            return CheckResult(news, [])
        normalised = dict(news)
        normalised.update(model.model_dump(exclude_none=False))
        return CheckResult(normalised, [])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        replaces: list[str] = []
        changes: list[str] = []

        def differs(key: str, old: Any, new: Any) -> bool:
            return is_unknown(new) or old != new

        if news.get("element_key") is not None:
            if differs("element_key", olds.get("element_key"), news.get("element_key")):
                replaces.append("element_key")
        elif news.get("element_id") is not None:
            old_id = _as_int(olds.get("element_id"))
            new_id = news.get("element_id")
            if is_unknown(new_id) or old_id != _as_int(new_id):
                replaces.append("element_id")

        if differs("name", olds.get("name"), news.get("name")):
            changes.append("name")
        new_tags = news.get("tags") or []
        old_tags = _user_tags(list(olds.get("tags") or []), olds.get("ownership_tag"))
        if is_unknown(new_tags) or sorted(old_tags) != sorted(new_tags):
            changes.append("tags")
        if differs(
            "configuration", olds.get("configuration") or {}, news.get("configuration") or {}
        ):
            changes.append("configuration")
        new_disabled = news.get("disabled")
        if new_disabled is not None and differs("disabled", olds.get("disabled"), new_disabled):
            changes.append("disabled")

        return DiffResult(
            changes=bool(replaces or changes),
            replaces=replaces,
            delete_before_replace=False,
        )

    # -- create ------------------------------------------------------------------------

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = _parse(props)
        client = self._client()
        if inputs.adopt_instance_id is not None:
            return self._adopt(client, inputs)

        ownership_tag = _ownership_tag()
        request = CreateInstanceRequest(
            element_key=inputs.element_key,
            element_id=inputs.element_id,
            name=inputs.name,
            configuration=inputs.configuration,
            provider_data=inputs.provider_data,
            tags=[*inputs.tags, ownership_tag],
            retrieve_objects_after_instantiation=inputs.retrieve_objects or None,
        )
        instance = self._create_reconciled(client, request, ownership_tag, inputs)
        if inputs.disabled:
            instance = self._disable_after_create(client, instance, ownership_tag, inputs)
        outs = _outputs(inputs, instance, ownership_tag, _objects(instance))
        return CreateResult(str(instance.id), outs)

    def _disable_after_create(
        self,
        client: OpenConnectorsClient,
        instance: Instance,
        ownership_tag: str,
        inputs: InstanceInputs,
    ) -> Instance:
        """PATCH disabled=true onto a new instance; if that fails, remove the instance again.

        A failing create is not recorded in the state: leaving the instance behind would orphan
        it, so it is deleted (with anything else carrying its ownership tag) before raising.
        """
        try:
            return client.update_instance(instance.id, UpdateInstanceRequest(disabled=True))
        except OpenConnectorsError as exc:
            what = f"connector instance {inputs.name!r} ({inputs.element_ref()})"
            try:
                self._delete_owned(client, instance.id, ownership_tag)
            except OpenConnectorsError as cleanup:
                raise ProviderError(
                    f"created {what} as instance {instance.id} but could not disable it ({exc}) "
                    f"nor delete it again ({cleanup}). It carries the tag {ownership_tag!r}: "
                    "adopt it with adopt_instance_id="
                    f"{instance.id}, or delete it, then run `pulumi up` again."
                ) from None
            raise ProviderError(
                f"creating {what} failed: the instance was created but disabling it failed "
                f"({exc}), so it was deleted again. Run `pulumi up` again."
            ) from None

    def _create_reconciled(
        self,
        client: OpenConnectorsClient,
        request: CreateInstanceRequest,
        ownership_tag: str,
        inputs: InstanceInputs,
    ) -> Instance:
        what = f"connector instance {inputs.name!r} ({inputs.element_ref()})"
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
                settle = _settle_seconds(exc, time.monotonic() - started)
                found = self._find_owned(client, ownership_tag, what, last, settle)
                if found is not None:
                    return found
                continue
            if last is not None:
                # An earlier POST went unanswered: if it landed after all, keep only this one.
                self._remove_duplicates(client, ownership_tag, keep=created.id)
            return created
        raise ProviderError(
            f"creating {what} failed {CREATE_ATTEMPTS} times without a clear answer (last: "
            f"{_brief(last)}). The API confirmed that no instance tagged {ownership_tag!r} "
            "exists, so nothing was left behind. Check the API's health and run `pulumi up` "
            "again."
        )

    def _find_owned(
        self,
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
                owned = client.list_instances(tags=[ownership_tag])
            except OpenConnectorsError as exc:
                error = exc
                owned = None
            if owned is not None:
                owned = [i for i in owned if ownership_tag in (i.tags or [])]
                if owned:
                    return self._keep_one(client, owned)
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
            f"creating {what} may have succeeded (the API gave no clear answer: {_brief(cause)}), "
            f"and the API stayed unreachable while checking ({_brief(error)}). If it was created "
            f"it carries the tag "
            f"{ownership_tag!r}: adopt it with adopt_instance_id=<its id>, or delete it, then run "
            "`pulumi up` again."
        )

    def _keep_one(self, client: OpenConnectorsClient, owned: list[Instance]) -> Instance:
        """Of the instances carrying one ownership tag, keep the oldest and delete the rest."""
        keep, *extra = sorted(owned, key=lambda i: i.id)
        for duplicate in extra:  # never leave a second copy behind
            try:
                client.delete_instance(duplicate.id)
            except NotFoundError:
                pass
            except OpenConnectorsError as exc:
                log.warning("could not delete duplicate instance %s: %s", duplicate.id, exc)
        try:
            return client.get_instance(keep.id)
        except OpenConnectorsError as exc:
            # The instance exists: return what the list showed rather than orphan it.
            log.warning("could not read instance %s after reconciling: %s", keep.id, exc)
            return keep

    def _remove_duplicates(
        self, client: OpenConnectorsClient, ownership_tag: str, keep: int
    ) -> None:
        """Delete every instance carrying ``ownership_tag`` except ``keep`` (best effort)."""
        try:
            owned = client.list_instances(tags=[ownership_tag])
        except OpenConnectorsError as exc:
            log.warning("could not check for duplicates of instance %s: %s", keep, exc)
            return
        for other in owned:
            if other.id == keep or ownership_tag not in (other.tags or []):
                continue
            try:
                client.delete_instance(other.id)
            except NotFoundError:
                pass
            except OpenConnectorsError as exc:
                log.warning("could not delete duplicate instance %s: %s", other.id, exc)

    def _delete_owned(
        self, client: OpenConnectorsClient, instance_id: int, ownership_tag: str | None
    ) -> None:
        """Delete an instance, then any stray instance carrying its ownership tag.

        When the DELETE fails without a clear answer (timeouts, dropped connections, errors
        after it may have run), the instance is looked up: if it is gone the delete took effect
        and succeeds (else the state would keep an instance that no longer exists).
        """
        try:
            client.delete_instance(instance_id)
        except NotFoundError:
            pass
        except OpenConnectorsError:
            if not _is_gone(client, instance_id):
                raise  # the DELETE's own error: it says what failed and what to do
        if not ownership_tag or not ownership_tag.startswith(OWNERSHIP_TAG_PREFIX):
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

    def _adopt(self, client: OpenConnectorsClient, inputs: InstanceInputs) -> CreateResult:
        instance_id = int(inputs.adopt_instance_id or 0)
        try:
            existing = client.get_instance(instance_id)
        except NotFoundError:
            raise ProviderError(
                f"adopt_instance_id={instance_id}: no such connector instance in this "
                "organization (GET /instances/{id} answered 404)."
            ) from None
        element = existing.element
        if (
            inputs.element_key is not None
            and element is not None
            and element.key != inputs.element_key
        ):
            raise ProviderError(
                f"adopt_instance_id={instance_id}: that instance is a {element.key!r} instance, "
                f"but element_key is {inputs.element_key!r}."
            )
        if (
            inputs.element_id is not None
            and element is not None
            and element.id != inputs.element_id
        ):
            raise ProviderError(
                f"adopt_instance_id={instance_id}: that instance belongs to element {element.id}, "
                f"but element_id is {inputs.element_id}."
            )
        ownership_tag = _ownership_tag()
        # Adoption makes the program the source of truth for name, tags and configuration.
        patch = UpdateInstanceRequest(
            name=inputs.name,
            tags=[*inputs.tags, ownership_tag],
            configuration=inputs.configuration or None,
            disabled=inputs.disabled,
        )
        instance = client.update_instance(instance_id, patch)
        return CreateResult(str(instance.id), _outputs(inputs, instance, ownership_tag, None))

    # -- read / update / delete ----------------------------------------------------------

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        client = self._client()
        try:
            instance = client.get_instance(int(id_))
        except NotFoundError:
            return ReadResult(None, {})  # gone: refresh drops it, the next `up` recreates it
        inputs = _inputs_from_state(props)
        ownership_tag = props.get("ownership_tag")
        outs = _outputs(inputs, instance, ownership_tag, props.get("objects"))
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = _parse(news)
        client = self._client()
        ownership_tag: str | None = olds.get("ownership_tag")
        old_config: dict[str, str] = dict(olds.get("configuration") or {})
        old_tags = _user_tags(list(olds.get("tags") or []), ownership_tag)
        tags = [*inputs.tags, *([ownership_tag] if ownership_tag else [])]
        instance_id = int(id_)
        removed_keys = set(old_config) - set(inputs.configuration)
        if removed_keys:
            # PATCH merges configuration key by key: dropping a key takes a full PUT.
            body: dict[str, Any] = {
                "name": inputs.name,
                "tags": tags,
                "configuration": inputs.configuration,
            }
            if inputs.disabled is not None:
                body["disabled"] = inputs.disabled
            instance = client.replace_instance(instance_id, body)
        else:
            patch = UpdateInstanceRequest(
                name=inputs.name if inputs.name != olds.get("name") else None,
                tags=tags if sorted(old_tags) != sorted(inputs.tags) else None,
                configuration=(
                    {k: v for k, v in inputs.configuration.items() if old_config.get(k) != v}
                    or None
                ),
                disabled=(
                    inputs.disabled
                    if inputs.disabled is not None and inputs.disabled != olds.get("disabled")
                    else None
                ),
            )
            try:
                instance = client.update_instance(instance_id, patch)
            except NotFoundError:
                raise ProviderError(
                    f"connector instance {instance_id} no longer exists. Run `pulumi refresh` "
                    "to drop it from the stack, then `pulumi up` to create it again."
                ) from None
        outs = _outputs(inputs, instance, ownership_tag, olds.get("objects"))
        return UpdateResult(outs)

    def delete(self, id_: str, _props: dict[str, Any]) -> None:
        # A missing instance is already gone: that is what delete wants. Any stray instance
        # with the same ownership tag (a create that landed late) goes too.
        self._delete_owned(self._client(), int(id_), _props.get("ownership_tag"))
