"""The lifecycle of one resource type against the API, and input validation (``check``).

Runs in the dynamic-provider process only. A type subclasses :class:`Operations` with its
spec, its pydantic inputs model and create/read/update/delete.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from ..client import OpenConnectorsClient
from ..errors import ConflictError, NotFoundError, ProviderError
from ..markers import is_unknown, none_value_paths
from ..reconcile import OwnedKind, create_reconciled, delete_owned
from .documents import put_body, request_document, state_values
from .ownership import CreatedSince
from .spec import OnChange, ResourceSpec

Failures = list[tuple[str, str]]


class Inputs(BaseModel):
    """Base of every type's validated inputs. Unknown properties are refused.

    Cross-field rules (``model_validator``) must skip any rule that involves a value not known
    yet: :func:`unknown_fields` tells which (from the validation context).
    """

    model_config = ConfigDict(extra="forbid", strict=False)


class DocumentInputs(Inputs):
    """Inputs of a type whose API object is a JSON document: each input with a key of its own
    (``Prop.api``) and the extra input make the document to send (:meth:`document`)."""

    spec: ClassVar[ResourceSpec]

    @field_validator("extra", check_fields=False)
    @classmethod
    def _extra_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        clash = sorted(set(value) & {*cls.spec.known_keys, *cls.spec.top_server_keys})
        if clash:
            raise ValueError(
                f"holds {', '.join(map(repr, clash))}: set those with their own inputs "
                "(server-set keys such as 'id' are not sent)"
            )
        return value

    def document(self) -> dict[str, Any]:
        """The document to send."""
        return request_document(self.spec, dict(self))


def unknown_fields(info: ValidationInfo) -> frozenset[str]:
    """The inputs whose values are not known yet (a preview), from the validation context."""
    context = info.context if isinstance(info.context, Mapping) else {}
    return frozenset(context.get("unknown", ()))


InputsT = TypeVar("InputsT", bound=Inputs)
FoundT = TypeVar("FoundT")
DocumentInputsT = TypeVar("DocumentInputsT", bound="DocumentInputs")
PostT = TypeVar("PostT")


def found_or_none(get: Callable[[], FoundT]) -> FoundT | None:
    """The object ``get()`` reads, or None when the API answers 404 (a read of a resource
    whose object is gone)."""
    try:
        return get()
    except NotFoundError:
        return None


def to_adopt(get: Callable[[], FoundT], missing: str) -> FoundT:
    """The object to take over, or a ProviderError saying (``missing``) that there is none."""
    return _or_provider_error(get, NotFoundError, missing)


def to_post(value: PostT | None, what: str) -> PostT:
    """What a create posts; a delete's kind has none (an internal error to post then)."""
    if value is None:
        raise ProviderError(f"internal error: no {what} to post")
    return value


def unless_taken(post: Callable[[], FoundT], taken: str) -> FoundT:
    """A create whose key is taken (409) says so (``taken``: how to take it over)."""
    return _or_provider_error(post, ConflictError, taken)


def _or_provider_error(call: Callable[[], FoundT], error: type[Exception], says: str) -> FoundT:
    """``call()``, or a ProviderError saying ``says`` when it raises ``error``."""
    try:
        return call()
    except error:
        raise ProviderError(says) from None


@contextmanager
def still_there(what: str) -> Iterator[None]:
    """Around the write of an update: the API no longer has the object (404) -> say how to
    recover, naming it (``what``: "formula 12", "common resource 'contacts'")."""
    try:
        yield
    except NotFoundError:
        raise ProviderError(
            f"{what} no longer exists. Run `pulumi refresh` to drop it from the stack, then "
            "`pulumi up` to create it again."
        ) from None


class Operations(ABC, Generic[InputsT]):
    """Create, read, update and delete of one resource type, with its input validation."""

    spec: ClassVar[ResourceSpec]
    """The type's spec; by default that of ``inputs_model`` (a :class:`DocumentInputs`)."""
    inputs_model: ClassVar[type[Inputs]]
    omit_default_inputs: ClassVar[bool] = False
    """``check`` leaves out inputs that hold their default (smaller state). Only for types
    whose diff, create and update read an absent input as its default."""
    document_problems: ClassVar[staticmethod[[Mapping[str, Any]], Failures] | None] = None
    """The rules across the API document the inputs make (the type's ``rules.py``), which
    :meth:`rules` checks: ``(property, message)`` each. None: no such rules."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        model = cls.__dict__.get("inputs_model")
        if (
            "spec" not in cls.__dict__
            and isinstance(model, type)
            and issubclass(model, DocumentInputs)
        ):
            cls.spec = model.spec

    def __init__(self, client: OpenConnectorsClient) -> None:
        self.client = client

    @property
    def noun(self) -> str:
        """The type in messages ("formula instance"): its name in lower-case words."""
        return re.sub(r"(?<!^)(?=[A-Z])", " ", self.spec.name).lower()

    # -- check ---------------------------------------------------------------------------

    @classmethod
    def validate(cls, news: Mapping[str, Any]) -> tuple[InputsT | None, Failures]:
        """Validate raw inputs: the model (None when invalid or not known yet) and failures.

        Each failure is (property, message); the message starts with the property's name.
        Values not known yet are left out, and so are the rules that need them.
        """
        spec = cls.spec
        names = spec.input_names
        failures: Failures = []
        for key in news:
            if key not in names and not key.startswith("__") and key not in spec.computed_names:
                failures.append(
                    (key, f"unknown property {key!r}; valid inputs: {', '.join(names)}")
                )
        unknown = {k for k in names if k in news and is_unknown(news[k])}
        known = {k: v for k, v in news.items() if k in names and k not in unknown}
        for name, value in known.items():
            for path in none_value_paths(value):
                failures.append(
                    (name, f"{name}{path} has no value (None); remove the key or give it a value")
                )
        if failures:
            return None, failures
        try:
            model = cls.inputs_model.model_validate(known, context={"unknown": unknown})
        except ValidationError as exc:
            failures.extend(_failures(exc, unknown))
            return None, failures
        if failures or unknown:
            return None, failures
        failures.extend(cls.rules(model))  # type: ignore[arg-type]
        if failures:
            return None, failures
        return model, failures  # type: ignore[return-value]

    @classmethod
    def rules(cls, inputs: InputsT) -> Failures:
        """Rules across the whole input: (property, message) each. By default those of
        ``document_problems`` over the inputs' document; a type may override it."""
        if cls.document_problems is None:
            return []
        return cls.document_problems(cast(DocumentInputs, inputs).document())

    @classmethod
    def check(cls, news: Mapping[str, Any]) -> tuple[dict[str, Any] | None, Failures]:
        """What ``check`` stores: only the inputs, normalised (None while some are unknown);
        with ``omit_default_inputs``, without those that hold their default."""
        model, failures = cls.validate(news)
        if model is None:
            return None, failures
        return model.model_dump(
            exclude_none=True, exclude_defaults=cls.omit_default_inputs
        ), failures

    @classmethod
    def parse(cls, props: Mapping[str, Any]) -> InputsT:
        """Validated inputs, or a ProviderError naming every invalid field."""
        model, failures = cls.validate(props)
        if model is None:
            reasons = "; ".join(reason for _, reason in failures) or "some inputs are not known"
            raise ProviderError(f"invalid {cls.spec.name} inputs: {reasons}")
        return model

    @classmethod
    def imported_inputs(cls, outputs: Mapping[str, Any]) -> dict[str, Any]:
        """The inputs that describe an object as :meth:`read` found it (``pulumi import`` of
        the provider plugin): each input the outputs hold, but those used at create only."""
        return {
            p.name: outputs[p.name]
            for p in cls.spec.inputs
            if p.on_change is not OnChange.CREATE_ONLY and outputs.get(p.name) is not None
        }

    def matches(self, outputs: Mapping[str, Any], inputs: InputsT) -> bool:
        """Whether an object's outputs already are what the inputs ask for (no diff): adoption
        then writes nothing."""
        replaces, changes = self.spec.diff(dict(outputs), inputs.model_dump(exclude_none=True))
        return not replaces and not changes

    def adopted(
        self,
        inputs: InputsT,
        existing: FoundT,
        outputs_of: Callable[[FoundT], dict[str, Any]],
        replace: Callable[[], FoundT],
    ) -> dict[str, Any]:
        """The outputs of an adopted object: as it is when it already matches the inputs (no
        write), else after ``replace()`` puts the program's document in place."""
        outputs = outputs_of(existing)
        return outputs if self.matches(outputs, inputs) else outputs_of(replace())

    # -- lifecycle -----------------------------------------------------------------------

    @abstractmethod
    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """Create (or adopt); returns the id and the outputs."""

    @abstractmethod
    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        """The live outputs, or None when the object no longer exists."""

    @abstractmethod
    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        """Apply the changed inputs; returns the outputs."""

    @abstractmethod
    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        """Delete; an object that is already gone counts as deleted."""


def _failures(exc: ValidationError, unknown: set[str]) -> Failures:
    """One (property, message) per pydantic error, the message naming the property."""
    failures: Failures = []
    for error in exc.errors():
        location = [str(part) for part in error["loc"]]
        prop = location[0] if location else ""
        if error["type"] == "missing" and prop in unknown:
            continue  # required, and given, but not known yet
        message = str(error["msg"]).removeprefix("Value error, ")
        if not prop and ":" in message:
            # A rule across fields names its property first: "configuration: needs …".
            prop, rule = (s.strip() for s in message.split(":", 1))
            failures.append((prop, f"{prop}: {rule}"))
            continue
        detail = "".join(f"[{p!r}]" if not p.isdigit() else f"[{p}]" for p in location[1:])
        if error["type"] == "missing":
            message = "is required"
        gap = "" if message.startswith(("[", ".")) else " "
        failures.append((prop, f"{prop}{detail}{gap}{message}".strip()))
    return failures


class KeyedOperations(Operations[DocumentInputsT], Generic[DocumentInputsT, FoundT]):
    """A type whose objects have a natural key (a name; a scope and an object): the key is the
    Pulumi id and the ownership marker (:func:`...reconcile.keyed_kind`), a create whose key
    is taken answers 409, an update is a replacing ``PUT`` (read, merge, write what the
    program leaves unmanaged), and ``adopt=True`` takes over the object of that key."""

    missing: ClassVar[str] = "adopt=True: there is no {noun} {key!r} to take over."
    """What ``adopt=True`` says when there is nothing to take over (``{noun}``, ``{key}``)."""
    key_input: ClassVar[str]
    """The input that holds the key (``name``, ``key``): what :meth:`key` answers and what
    :meth:`read` takes from the id. A type whose key is made of several inputs overrides both."""

    put_after_post: ClassVar[bool] = False
    """The create's POST makes only part of the object: the create always puts the inputs'
    document after it (not only when the POST's answer was lost)."""

    def key(self, inputs: DocumentInputsT) -> str:
        """The object's key (the Pulumi id)."""
        key: str = getattr(inputs, self.key_input)
        return key

    @abstractmethod
    def fetch(self, key: str) -> FoundT:
        """The object of that key (NotFoundError when there is none)."""

    def get(self, inputs: DocumentInputsT) -> FoundT:
        """The object of the inputs' key (NotFoundError when there is none)."""
        return self.fetch(self.key(inputs))

    @abstractmethod
    def put(self, inputs: DocumentInputsT, body: Mapping[str, Any]) -> FoundT:
        """Replace the object of the inputs' key with ``body``."""

    @abstractmethod
    def outputs(self, inputs: DocumentInputsT, found: FoundT, key: str) -> dict[str, Any]:
        """The outputs of the object."""

    @abstractmethod
    def _kind(self, inputs: DocumentInputsT | None) -> OwnedKind[Any]:
        """The type's objects for reconciliation (``inputs`` None: to delete)."""

    def unwrap(self, keyed: Any) -> FoundT:
        """The object in what :meth:`_kind` returns (by default: what it returns is the
        object)."""
        return cast(FoundT, keyed)

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        key = self.key(inputs)
        if getattr(inputs, "adopt", False):
            existing = to_adopt(
                lambda: self.get(inputs), self.missing.format(noun=self.noun, key=key)
            )
            outputs = self.adopted(
                inputs,
                existing,
                lambda found: self.outputs(inputs, found, key),
                lambda: self.put(
                    inputs,
                    put_body(
                        self.spec,
                        inputs.document(),
                        existing.document,  # type: ignore[attr-defined]
                        None,
                    ),
                ),
            )
            return key, outputs
        created, unclear = create_reconciled(self._kind(inputs), key, f"{self.noun} {key!r}")
        if unclear or self.put_after_post:
            # found after a lost answer, or made in part: make it hold what the program says
            found = self.put(inputs, inputs.document())
        else:
            found = self.unwrap(created)
        return key, self.outputs(inputs, found, key)

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        with still_there(f"{self.noun} {id_!r}"):  # PUT replaces: read, merge, write
            body = put_body(
                self.spec,
                inputs.document(),
                lambda: self.get(inputs).document(),  # type: ignore[attr-defined]
                request_document(self.spec, olds),
            )
            found = self.put(inputs, body)
        return self.outputs(inputs, found, id_)

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        """The outputs of the object of that key, projected onto the inputs in the state."""
        known = {**state_values(self.spec, props), self.key_input: id_}
        desired = cast(DocumentInputsT, self.inputs_model.model_construct(**known))
        found = found_or_none(lambda: self.get(desired))
        if found is None:
            return None
        return self.outputs(desired, found, id_)

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        delete_owned(self._kind(None), id_, None, look_for_strays=False)


class Stamped(Protocol):
    """An object that carries no tag: known by its id, its name and its creation time."""

    id: int
    name: str
    created_date: datetime | None

    def document(self) -> dict[str, Any]: ...


StampedT = TypeVar("StampedT", bound=Stamped)


class StampedOperations(Operations[DocumentInputsT], Generic[DocumentInputsT, StampedT]):
    """A type whose objects carry no tag (formulas, formula instances): the object a create
    made is recognised by its name and a creation time at or after the first POST
    (:class:`.ownership.CreatedSince`; the state keeps it as ``created_since``, and
    ``late_create_possible`` when a POST went unanswered), an update is a replacing ``PUT``
    (read, merge, write what the program leaves unmanaged), and the ``adopt_*_id`` input
    takes over an existing object.

    ``where`` (the inputs, or the state) says where the objects are beyond their id: a formula
    instance's ``formula_id``."""

    @property
    def adopt_key(self) -> str:
        """The input naming an object to take over (``adopt_formula_id``)."""
        return f"adopt_{self.noun.replace(' ', '_')}_id"

    @abstractmethod
    def get(self, where: Mapping[str, Any], ident: int) -> StampedT:
        """The object (NotFoundError when there is none)."""

    @abstractmethod
    def put(self, where: Mapping[str, Any], ident: int, body: Mapping[str, Any]) -> StampedT:
        """Replace the object with ``body``."""

    @abstractmethod
    def post(self, where: Mapping[str, Any], body: Mapping[str, Any]) -> StampedT:
        """Create an object."""

    @abstractmethod
    def listed(self, where: Mapping[str, Any]) -> Iterable[StampedT]:
        """The objects among which a create's may be."""

    @abstractmethod
    def remove(self, where: Mapping[str, Any], ident: int) -> None:
        """Delete the object (NotFoundError when it is gone)."""

    @abstractmethod
    def outputs(
        self, desired: DocumentInputsT, found: StampedT, since: float | None, late: bool
    ) -> dict[str, Any]:
        """The outputs of the object (``since``/``late``: the state's marker)."""

    @abstractmethod
    def missing(self, inputs: DocumentInputsT, ident: int) -> str:
        """What adopting says when there is no such object."""

    def creating(self, inputs: DocumentInputsT) -> str:
        """The create in messages."""
        return f"{self.noun} {getattr(inputs, 'name', '')!r}"

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        adopt = getattr(inputs, self.adopt_key)
        if adopt is not None:
            return self._adopt(inputs, int(adopt or 0))
        since = CreatedSince.now(self.client)
        kind = self._kind(dict(inputs), inputs, since)
        found, late = create_reconciled(kind, since.marker, self.creating(inputs))
        return str(found.id), self.outputs(inputs, found, since.value, late)

    def _adopt(self, inputs: DocumentInputsT, ident: int) -> tuple[str, dict[str, Any]]:
        where = dict(inputs)
        existing = to_adopt(lambda: self.get(where, ident), self.missing(inputs, ident))
        outputs = self.adopted(
            inputs,
            existing,
            lambda found: self.outputs(inputs, found, None, False),
            lambda: self.put(
                where,
                ident,
                put_body(self.spec, inputs.document(), existing.document, None),
            ),
        )
        return str(existing.id), outputs

    def marked_outputs(
        self, desired: DocumentInputsT, found: StampedT, state: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The outputs, with the marker the state (``state``) keeps."""
        since, late = state.get("created_since"), bool(state.get("late_create_possible"))
        return self.outputs(desired, found, since, late)

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        where = dict(inputs)
        with still_there(f"{self.noun} {id_}"):  # PUT replaces: read, merge, write
            body = put_body(
                self.spec,
                inputs.document(),
                lambda: self.get(where, int(id_)).document(),
                request_document(self.spec, olds),
            )
            found = self.put(where, int(id_), body)
        return self.marked_outputs(inputs, found, olds)

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        since = CreatedSince.from_state(props.get("created_since"))
        look = bool(props.get("late_create_possible")) and since is not None
        kind = self._kind(props, None, since, str(props.get("name") or ""))
        delete_owned(kind, int(id_), since.marker if since else None, look)

    def _kind(
        self,
        where: Mapping[str, Any],
        inputs: DocumentInputsT | None,
        since: CreatedSince | None,
        name: str | None = None,
    ) -> OwnedKind[StampedT]:
        """The objects for reconciliation: marked by their name and a creation time at or
        after the first POST (``inputs`` None: to delete the object named ``name``)."""
        wanted = getattr(inputs, "name", None) if inputs is not None else name

        def post() -> StampedT:
            return self.post(where, to_post(inputs, self.noun).document())

        def find(_marker: str) -> list[StampedT]:
            if since is None:
                return []
            return [
                o for o in self.listed(where) if o.name == wanted and since.covers(o.created_date)
            ]

        return OwnedKind(
            noun=self.noun,
            post=post,
            find=find,
            get=lambda ident: self.get(where, int(ident)),
            delete=lambda ident: self.remove(where, int(ident)),
        )
