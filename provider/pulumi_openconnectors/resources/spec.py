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
from importlib import import_module
from typing import Any

from ..markers import is_unknown


class OnChange(str, Enum):
    """What changing an input does to an existing resource."""

    UPDATE = "update in place"
    REPLACE = "replace"
    CREATE_ONLY = "create only"
    """Used when the resource is created; a later change has no effect and shows no diff."""


class _Generated:
    """The marker of :data:`GENERATED`."""

    def __repr__(self) -> str:
        return "GENERATED"


GENERATED: Any = _Generated()
"""A ``ResourceSpec.server_defaults`` value: whatever the key holds, the server put it there
(an id, a timestamp, a value derived from other keys); no program sets it."""


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

    Where the input sits in the API's document (the request body and the answer):
    ``api``: its key there (the JSON name, as the API spells it); :data:`EXTRA` for the
    input that holds every other key of the document; None when it is not part of the
    document (a path parameter, the provider's own bookkeeping). ``omit_empty``: an empty
    value is not sent. ``file_keys``: where else a document file (an export) may hold the
    input (a key, or a dotted path into an object), read by ``from_file`` and never sent.

    How the resource class takes it (the generated ``__init__``): ``py`` is the Python type
    of the output (``"bool | None"``), ``py_input`` what the keyword takes when that is not
    derived from ``py`` (``list`` -> ``Sequence``, ``dict`` -> ``Mapping``); ``required``
    makes it a keyword without default;
    ``init_default`` is the keyword's default, and with ``init_default_unsent`` that default
    is not sent (not recorded in state); ``resource_name_default``: unset means the resource
    name. An unset input with a ``default`` is sent as that default.
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
    api: str | None = None
    omit_empty: bool = False
    file_keys: tuple[str, ...] = ()
    py: str = "Any"
    py_input: str | None = None
    required: bool = False
    init_default: Any = None
    init_default_unsent: bool = False
    resource_name_default: bool = False

    @classmethod
    def output(
        cls,
        name: str,
        type_: str,
        doc: str,
        *,
        py: str | None = None,
        secret: bool = False,
        internal: bool = False,
    ) -> Prop:
        """A computed output (not an input); its Python type ``py`` is ``type_`` unless given
        (``"int"``, ``"list[str]"`` are both)."""
        py = type_ if py is None else py
        return cls(name, type_, doc, input=False, secret=secret, internal=internal, py=py)

    @classmethod
    def extra_keys(cls, doc: str) -> Prop:
        """``extra``: every key of the API's document that has no input of its own (``doc``:
        which document, and what it keeps)."""
        return cls("extra", "dict", doc, default={}, api=EXTRA, py="dict[str, Any]")

    @classmethod
    def adopt_id(cls, name: str, what: str) -> Prop:
        """``adopt_<type>_id``: take over the existing object of that id (``what`` names it)
        instead of creating one."""
        return cls(
            name,
            "int",
            f"take over an existing {what} instead of creating one",
            on_change=OnChange.CREATE_ONLY,
            py="int | None",
        )

    @property
    def in_document(self) -> bool:
        """A key of its own in the API's document."""
        return self.api is not None and self.api != EXTRA

    def input_annotation(self, precise: bool = True) -> str:
        """The annotation of the input's keyword in a generated class: ``py_input`` (when
        ``precise``), else ``py``'s type with an abstract ``Sequence``/``Mapping`` of anything."""
        if precise and self.py_input is not None:
            inner = self.py_input
        else:
            inner = self.py.removesuffix(" | None")
            if inner.startswith("list["):
                inner = "Sequence[Any]"
            elif inner.startswith("dict["):
                inner = "Mapping[str, Any]"
        return f"pulumi.Input[{inner}]"


EXTRA = "*"
"""``Prop.api`` of the input holding the document's keys that have no input of their own."""


def lost_answer_props(
    marker: str, marker_type: str, marker_doc: str, marker_py: str = "Any"
) -> tuple[Prop, Prop]:
    """The provider's bookkeeping of a type whose creates are reconciled by a marker: the
    marker itself, and whether a POST went unanswered (delete then sweeps for a late copy)."""
    return (
        Prop.output(marker, marker_type, marker_doc, py=marker_py, internal=True),
        Prop.output(
            "late_create_possible",
            "bool",
            "a POST of the create went unanswered (delete then sweeps for a late copy)",
            internal=True,
        ),
    )


def connector_by_id(py: str = "int | None") -> Prop:
    """``element_id``: the connector by id (its key being ``element_key``); changing it
    replaces the resource, unset it is not managed."""
    return Prop(
        "element_id",
        "int",
        "the connector by id",
        on_change=OnChange.REPLACE,
        unset_is_unmanaged=True,
        same=same_integer,
        py=py,
    )


def adopt_flag(what: str) -> Prop:
    """``adopt``: take over the object of the same key (``what``) instead of failing on it."""
    return Prop(
        "adopt",
        "bool",
        f"take over {what} if it exists instead of failing",
        on_change=OnChange.CREATE_ONLY,
        py="bool",
        init_default=False,
    )


def created_since_props() -> tuple[Prop, Prop, Prop]:
    """The creation date and the bookkeeping of a type that carries no tags: a create whose
    answer is lost is found by its name and a creation date at or after the POST."""
    return (
        Prop.output("created_date", "str", "ISO 8601, UTC"),
        *lost_answer_props(
            "created_since",
            "float",
            "server time just before the create was sent (finds a create whose answer was lost)",
            marker_py="float | None",
        ),
    )


def resolve(reference: str) -> Any:
    """What a spec's ``"module:name"`` reference names (``operations``, ``FileSpec.reader``,
    ``ExportSpec.read``), imported when it is first needed."""
    module, _, name = reference.partition(":")
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class FileSpec:
    """How ``from_file`` reads a document file (an export) of the type.

    ``what`` names the file in errors ("formula file 'x.json' is not valid JSON").
    ``stem_input``: an input the file's stem gives when the file does not.
    ``resource_name_input``: an input whose value names the Pulumi resource (default: the
    file's stem). ``exclusive``: groups of inputs of which one is set (a scope): an override
    of one drops the others that the file gave. ``reader``: ``"module:function"`` that reads
    the document instead of one JSON file (``function(path, what) -> (document, stem)``; a
    formula directory, :mod:`.formula.layout`); imported only when ``from_file`` runs.
    ``wrapped``: a document key that marks the document when a file holds it under its name
    (``{"<name>": {...}}``, as some export tools write one object per file): such a file is
    read as the object inside.
    """

    what: str
    doc: str
    stem_input: str | None = None
    resource_name_input: str | None = None
    exclusive: tuple[tuple[str, ...], ...] = ()
    reader: str | None = None
    wrapped: str | None = None


@dataclass(frozen=True)
class InitArg:
    """A keyword of the resource class that is not an input: the spec's ``init_hook``
    (``"module:function"``, called with the resource name, the inputs and these keywords)
    turns it into inputs. ``py`` is its annotation; ``import_`` what the annotation needs
    (``"from ..common_resource.resource import CommonResource"``, for type checkers only)."""

    name: str
    py: str
    doc: str
    import_: str = ""


@dataclass(frozen=True)
class ExportSpec:
    """How ``export`` writes the objects of a type that stands alone (no other exported object
    refers to one, nor one to another): a data file each, ``<folder>/<key>.json``, that the
    Python program reads with ``from_file`` and the Pulumi YAML program holds inline, adopting
    the object (``adopt``).

    ``read`` is ``"module:function"`` (the type's ``export.py``), imported only when an export
    runs: ``function(client, elements)`` lists the objects (``elements``: the connector keys
    ``--element`` asks for, empty for all) as ``(key, label, fetch)`` in the order they are
    written, where ``fetch()`` gives the object's document as written (None: nothing of the
    organization's to write) and ``label`` names it in a note when it cannot be exported.
    ``kind`` is the ``--kinds`` word that selects the type, ``after`` the kind it is read and
    written after; ``section`` the comment over its part of the Python program, ``count`` its
    line in the README (``count_none``: also when there is none); ``stem`` what the section
    calls the file's name; ``resource`` the Pulumi resource name (``{key}``); ``named``: the
    Python program keeps it in a variable.
    """

    kind: str
    after: str
    folder: str
    section: str
    count: str
    read: str
    stem: str = "<key>"
    resource: str = "{key}"
    count_none: bool = True
    named: bool = True


@dataclass(frozen=True)
class ResourceSpec:
    """A resource type: its Pulumi type name, its properties and where its operations live.

    ``operations`` is ``"module:Class"`` of the type's operations (loaded in the provider
    process only, on first use). ``module``/``name`` make the type token
    ``pulumi-python:dynamic/<module>:<name>``.

    ``server_keys``: per path in the API's document (``""`` the top level, ``"fields[]"``
    each field), the keys the server sets: never sent, never kept in the extra input, dropped
    from a file (``from_file``), from the outputs and from an export.

    ``file``: what ``from_file`` reads (None: the type has no ``from_file``).
    ``export``: how ``export`` writes a type that stands alone (None: the export writes the
    type its own way, or not at all).

    ``guide``: how to use the type, for the resource class's docstring and its reference page.
    ``init_args``/``init_hook``: keywords of the resource class that are not inputs, and the
    function of the type's folder (``"module:function"``) that turns them into inputs.

    ``server_filled``: per path in the API's document (``""`` the top level, ``"triggers[]"``
    each trigger, ``"script"`` an object), the keys the server fills in or defaults when the
    program leaves them out. Such a key that the program does not set is never drift (outputs
    leave it out, :func:`..documents.project`); one that it sets is compared as any other.

    ``server_defaults``: per path as ``server_filled``, per key filled in there, the value the
    server fills in when a document leaves the key out, or :data:`GENERATED` for a key the
    server alone sets (an id, a timestamp). A read without inputs (``pulumi import``, the
    ``import`` resource option) has no program to compare with: it keeps every key that holds
    a value, but drops an empty one and a filled-in key whose value is its server default (or
    generated) — what the server would fill in again (:func:`..documents.as_imported`). A
    filled-in key without a declared default is kept: it may hold what a program set.

    ``kept_on_put``: per nested path as ``server_filled`` (a subset of it), the keys a
    replacing ``PUT`` (an update, an adoption) sends as the live object has them where the
    program leaves them out and did not write them before: a key the diff does not show (the
    program does not set it) must not be wiped by the next update (a step's script body of an
    adopted formula). A key the program wrote before and dropped is sent without: that is
    the change. List items are paired by their ``name`` (or ``key``), else by position
    (:func:`..documents.keeping_live`).
    """

    name: str
    doc: str
    props: tuple[Prop, ...]
    operations: str
    id_output: str
    module: str = "openconnectors"
    notes: tuple[str, ...] = field(default=())
    server_filled: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    server_keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    server_defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)
    kept_on_put: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    file: FileSpec | None = None
    export: ExportSpec | None = None
    init_args: tuple[InitArg, ...] = ()
    init_hook: str | None = None
    guide: str = ""

    def __post_init__(self) -> None:
        names = [p.name for p in self.props]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"{self.name}: duplicate properties {sorted(duplicates)}")
        if self.id_output not in names:
            raise ValueError(f"{self.name}: id_output {self.id_output!r} is not a property")
        keys = [p.api for p in self.props if p.api is not None]
        repeated = {k for k in keys if keys.count(k) > 1}
        if repeated:
            raise ValueError(f"{self.name}: API keys given to two properties {sorted(repeated)}")
        clash = set(self.known_keys) & set(self.server_keys.get("", ()))
        if clash:
            raise ValueError(f"{self.name}: server keys that are inputs too {sorted(clash)}")
        for path, defaults in self.server_defaults.items():
            unfilled = set(defaults) - set(self.server_filled.get(path, ()))
            if unfilled:
                raise ValueError(
                    f"{self.name}: server defaults of keys not filled in by the server at "
                    f"{path!r}: {sorted(unfilled)}"
                )
        for path, kept in self.kept_on_put.items():
            unfilled = set(kept) - set(self.server_filled.get(path, ()))
            if not path or unfilled:
                raise ValueError(
                    f"{self.name}: kept_on_put at {path!r} must name nested keys the server "
                    f"fills in there: {sorted(unfilled)}"
                )

    # -- the API's document ----------------------------------------------------------------

    @property
    def document_props(self) -> tuple[Prop, ...]:
        """The inputs with a key of their own in the API's document, in the order sent."""
        return tuple(p for p in self.inputs if p.in_document)

    @property
    def extra_prop(self) -> Prop | None:
        """The input holding the document's other keys (``extra``), if the type has one."""
        return next((p for p in self.inputs if p.api == EXTRA), None)

    @property
    def known_keys(self) -> tuple[str, ...]:
        """The document keys that have an input of their own."""
        return tuple(str(p.api) for p in self.document_props)

    @property
    def unmanaged_keys(self) -> tuple[str, ...]:
        """The document keys whose input, left unset, is not managed: a replacing ``PUT``
        sends them as the live object has them (read, merge, write)."""
        return tuple(str(p.api) for p in self.document_props if p.unset_is_unmanaged)

    @property
    def top_server_keys(self) -> tuple[str, ...]:
        return tuple(self.server_keys.get("", ()))

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

    def prop_by_api(self, key: str) -> Prop:
        """The input whose document key is ``key``."""
        for p in self.props:
            if p.api == key:
                return p
        raise KeyError(key)

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
