"""The one description of a resource type that everything else is derived from.

A :class:`ResourceSpec` lists a type's properties (:class:`Prop`). From it come the resource's
inputs and computed outputs (the resource class, ``check``), its secret outputs
(``additional_secret_outputs``), what a change does (``diff``: replace, update in place, or
nothing for create-only inputs) and its reference documentation (:mod:`.docs`).

This module is imported by the Pulumi program (through the resource classes): it must stay
free of heavy imports (no pydantic, no HTTP client).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..markers import is_unknown


class OnChange(str, Enum):
    """What changing an input does to an existing resource."""

    UPDATE = "update in place"
    REPLACE = "replace"
    CREATE_ONLY = "create only"
    """Used when the resource is created; a later change has no effect and shows no diff."""


def same_exact(old: Any, new: Any) -> bool:
    return bool(old == new)


def same_unordered(old: Any, new: Any) -> bool:
    """Lists compared as multisets (e.g. tags)."""
    return sorted(map(str, old or [])) == sorted(map(str, new or []))


def same_integer(old: Any, new: Any) -> bool:
    """Numbers that may arrive as floats or strings from the engine."""
    try:
        return int(old) == int(new)
    except (TypeError, ValueError):
        return bool(old == new)


@dataclass(frozen=True)
class Prop:
    """One property of a resource type.

    ``input``: the user sets it (else it is computed by the provider). Every input is also an
    output, holding the value the API reports (so that refresh shows drift).
    ``secret``: always a secret in state and outputs.
    ``unset_is_unmanaged``: an input left unset (None) is not managed: no diff, no update.
    ``default``: what an unset input means when comparing (e.g. ``{}`` for a map).
    ``internal``: a computed output that is the provider's bookkeeping, not for users.
    ``refuse_none``: a map whose ``None`` values are a check error naming the key (the SDK
    would otherwise drop such keys silently on the way to the provider).
    """

    name: str
    type: str
    doc: str
    input: bool = True
    secret: bool = False
    on_change: OnChange = OnChange.UPDATE
    unset_is_unmanaged: bool = False
    default: Any = None
    same: Callable[[Any, Any], bool] = same_exact
    internal: bool = False
    refuse_none: bool = False


def lost_answer_props(marker: str, marker_type: str, marker_doc: str) -> tuple[Prop, Prop]:
    """The provider's bookkeeping of a type whose creates are reconciled by a marker: the
    marker itself, and whether a POST went unanswered (delete then sweeps for a late copy)."""
    return (
        Prop(marker, marker_type, marker_doc, input=False, internal=True),
        Prop(
            "late_create_possible",
            "bool",
            "a POST of the create went unanswered (delete then sweeps for a late copy)",
            input=False,
            internal=True,
        ),
    )


@dataclass(frozen=True)
class ResourceSpec:
    """A resource type: its Pulumi type name, its properties and where its operations live.

    ``operations`` is ``"module:Class"`` of the type's operations (loaded in the provider
    process only, on first use). ``module``/``name`` make the type token
    ``pulumi-python:dynamic/<module>:<name>``.

    ``server_filled``: per path in the API's document (``""`` the top level, ``"triggers[]"``
    each trigger, ``"script"`` an object), the keys the server fills in or defaults when the
    program leaves them out. Such a key that the program does not set is never drift (outputs
    leave it out, :func:`..documents.project`); one that it sets is compared as any other.
    """

    name: str
    doc: str
    props: tuple[Prop, ...]
    operations: str
    id_output: str
    module: str = "openconnectors"
    notes: tuple[str, ...] = field(default=())
    server_filled: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        names = [p.name for p in self.props]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"{self.name}: duplicate properties {sorted(duplicates)}")
        if self.id_output not in names:
            raise ValueError(f"{self.name}: id_output {self.id_output!r} is not a property")

    @property
    def type_token(self) -> str:
        return f"pulumi-python:dynamic/{self.module}:{self.name}"

    @property
    def pulumi_type(self) -> dict[str, str]:
        """The class keywords of :class:`pulumi.dynamic.Resource` for this type."""
        return {"module": self.module, "name": self.name}

    @property
    def inputs(self) -> tuple[Prop, ...]:
        return tuple(p for p in self.props if p.input)

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.inputs)

    @property
    def computed(self) -> tuple[Prop, ...]:
        return tuple(p for p in self.props if not p.input)

    @property
    def computed_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.computed)

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)

    @property
    def secret_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props if p.secret)

    def prop(self, name: str) -> Prop:
        for p in self.props:
            if p.name == name:
                return p
        raise KeyError(name)

    def diff(self, olds: dict[str, Any], news: dict[str, Any]) -> tuple[list[str], list[str]]:
        """(replaces, in-place changes) between the state's outputs and new inputs.

        A value not known yet (preview) counts as a change; create-only inputs never do.
        """
        replaces: list[str] = []
        changes: list[str] = []
        for p in self.inputs:
            if p.on_change is OnChange.CREATE_ONLY:
                continue
            new = news.get(p.name)
            if new is None and p.unset_is_unmanaged:
                continue
            if is_unknown(new):
                changed = True
            else:
                old = olds.get(p.name)
                old = p.default if old is None else old
                new = p.default if new is None else new
                changed = not p.same(old, new)
            if changed:
                (replaces if p.on_change is OnChange.REPLACE else changes).append(p.name)
        return replaces, changes
