"""Helpers for the document-like types (formulas, formula instances, common resources,
transformations): JSON documents the user writes (or exports from the UI) and the API returns
with server-set keys added.

Outputs hold the API's document *projected onto the program's*: server-set keys are dropped,
and so is any key the program does not write whose value is empty (``[]``, ``{}``, ``""``,
``null``) or that the type's spec lists as filled in by the server at that place
(``ResourceSpec.server_filled``: ``"async": true`` on a formula's trigger, ``"level"`` on a
definition's field, …). Anything else the API holds shows, so a change made out of band is
drift that refresh shows and the next `up` puts back.

A read without inputs (``pulumi import``, the ``import`` resource option) has no program to
project onto: its outputs are the inputs of the program that declares the object, so they keep
every key that holds a value and drop only what the server would fill in again — an empty
value, or a filled-in key whose value is the spec's server default for it
(``ResourceSpec.server_defaults``: ``"name": "trigger"`` on a formula's trigger), or one the
spec declares generated (ids, timestamps): :func:`as_imported`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .spec import GENERATED, ResourceSpec


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


ServerFilled = Mapping[str, Collection[str]]
"""Per path (``""``, ``"triggers[]"``, ``"script"``, ``"script.fields[]"``): the keys the
server fills in there. A ``*`` segment stands for any key of an object (``"map.*.fields[]"``:
the fields of every entry of a map)."""


def _matches(pattern: str, path: str) -> bool:
    if "*" not in pattern:
        return pattern == path
    return re.fullmatch(re.escape(pattern).replace(r"\*", r"[^.\[\]]+"), path) is not None


def filled_at(filled: ServerFilled | None, path: str) -> frozenset[str]:
    """The keys ``filled`` lists at ``path`` (its ``*`` segments matching any key)."""
    keys: set[str] = set()
    for pattern, names in (filled or {}).items():
        if _matches(pattern, path):
            keys.update(names)
    return frozenset(keys)


def project(live: Any, desired: Any, filled: ServerFilled | None = None, path: str = "") -> Any:
    """``live`` without the keys ``desired`` lacks whose value is empty, or that ``filled``
    lists at their path (recursively; ``path`` is where ``live`` sits in the document)."""
    if isinstance(live, Mapping):
        want = desired if isinstance(desired, Mapping) else {}
        server = filled_at(filled, path)
        return {
            str(k): project(v, want.get(k), filled, f"{path}.{k}" if path else str(k))
            for k, v in live.items()
            if k in want or not (is_empty(v) or k in server)
        }
    if isinstance(live, list):
        wanted = desired if isinstance(desired, list) else []
        return [
            project(v, wanted[i] if i < len(wanted) else None, filled, f"{path}[]")
            for i, v in enumerate(live)
        ]
    return live


_WITHOUT_INPUTS: ContextVar[bool] = ContextVar("read_without_inputs", default=False)


@contextmanager
def read_without_inputs(flag: bool = True) -> Iterator[None]:
    """Within: a read without inputs (``pulumi import``, the ``import`` resource option), so
    :func:`document_outputs` gives what a program that declares the object would write
    (:func:`as_imported`). The provider's ``read`` sets it when the engine gives no state."""
    token = _WITHOUT_INPUTS.set(flag)
    try:
        yield
    finally:
        _WITHOUT_INPUTS.reset(token)


ServerDefaults = Mapping[str, Mapping[str, Any]]
"""Per path as :data:`ServerFilled`, per key: the value the server fills in (or ``GENERATED``)."""


def defaults_at(defaults: ServerDefaults | None, path: str) -> dict[str, Any]:
    """The server defaults ``defaults`` declares at ``path`` (its ``*`` segments matching)."""
    found: dict[str, Any] = {}
    for pattern, values in (defaults or {}).items():
        if _matches(pattern, path):
            found.update(values)
    return found


def as_imported(
    live: Any,
    filled: ServerFilled | None = None,
    defaults: ServerDefaults | None = None,
    path: str = "",
) -> Any:
    """``live`` as the program that declares it would write it (a read without inputs):
    without the keys whose value is empty, nor those ``filled`` lists at their path whose
    value is their server default in ``defaults`` (or that are ``GENERATED``), recursively. A
    filled-in key holding anything else is kept: a program may have set it (a step's
    ``properties``, a trigger's ``onSuccess``)."""
    if isinstance(live, Mapping):
        server = filled_at(filled, path)
        preset = defaults_at(defaults, path)

        def servers(key: str, value: Any) -> bool:
            if is_empty(value):
                return True
            if key not in server or key not in preset:
                return False
            return preset[key] is GENERATED or bool(preset[key] == value)

        return {
            str(k): as_imported(v, filled, defaults, f"{path}.{k}" if path else str(k))
            for k, v in live.items()
            if not servers(str(k), v)
        }
    if isinstance(live, list):
        return [as_imported(v, filled, defaults, f"{path}[]") for v in live]
    return live


def keeping_unmanaged(
    body: Mapping[str, Any], keys: Collection[str], live: Callable[[], Mapping[str, Any]]
) -> dict[str, Any]:
    """A full PUT body that keeps what the program does not manage: each of ``keys`` the body
    leaves out (its input is unset) is sent as the live object has it, so that a replacing
    PUT does not wipe what was set elsewhere (read, merge, write). ``live()`` (a GET, or an
    object already read) is called only when the body leaves one of them out."""
    missing = [key for key in keys if key not in body]
    if not missing:
        return dict(body)
    document = live()
    return {**body, **{key: document[key] for key in missing if key in document}}


_IDENTITY = ("name", "key")


def _paired(item: Any, others: Any, index: int) -> Any:
    """The item of the list ``others`` that ``item`` stands for: the one of the same ``name``
    (or ``key``) where ``item`` has one, else the one at the same position (None: none)."""
    if not isinstance(others, list):
        return None
    if isinstance(item, Mapping):
        for ident in _IDENTITY:
            if ident in item:
                same = (o for o in others if isinstance(o, Mapping) and o.get(ident) == item[ident])
                return next(same, None)
    return others[index] if index < len(others) else None


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def leaves_out(body: Any, kept: ServerFilled, before: Any, path: str = "") -> bool:
    """Whether ``body`` leaves out, somewhere below it, a key ``kept`` lists at that path that
    ``before`` (the document the program wrote last time; None: none) did not hold either."""
    if isinstance(body, Mapping):
        was = before if isinstance(before, Mapping) else {}
        if any(k not in body and k not in was for k in filled_at(kept, path)):
            return True
        return any(leaves_out(v, kept, was.get(k), _child(path, str(k))) for k, v in body.items())
    if isinstance(body, list):
        return any(
            leaves_out(v, kept, _paired(v, before, i), f"{path}[]") for i, v in enumerate(body)
        )
    return False


def keeping_live(body: Any, live: Any, kept: ServerFilled, before: Any, path: str = "") -> Any:
    """``body`` with each key ``kept`` lists at its path that it leaves out, and that
    ``before`` did not hold either, taken from ``live`` (the object as the API has it): what
    the program does not write, and so the diff does not show, a replacing PUT keeps."""
    if isinstance(body, Mapping):
        now = live if isinstance(live, Mapping) else {}
        was = before if isinstance(before, Mapping) else {}
        out = {
            str(k): keeping_live(v, now.get(k), kept, was.get(k), _child(path, str(k)))
            for k, v in body.items()
        }
        for key in sorted(filled_at(kept, path)):
            if key not in body and key not in was and key in now:
                out[key] = now[key]
        return out
    if isinstance(body, list):
        return [
            keeping_live(v, _paired(v, live, i), kept, _paired(v, before, i), f"{path}[]")
            for i, v in enumerate(body)
        ]
    return body


def put_body(
    spec: ResourceSpec,
    body: Mapping[str, Any],
    live: Callable[[], Mapping[str, Any]],
    before: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The body of a replacing PUT that keeps what the program does not manage: the unmanaged
    top-level keys it leaves unset (:func:`keeping_unmanaged`) and the server-filled keys the
    spec keeps on a PUT that neither it nor the program's last document (``before``; None at
    an adoption) wrote (:func:`keeping_live`). ``live()`` (a GET, or an object already read)
    is called at most once, and only when something is left out."""
    read: list[Mapping[str, Any]] = []

    def once() -> Mapping[str, Any]:
        if not read:
            read.append(live())
        return read[0]

    merged = keeping_unmanaged(body, spec.unmanaged_keys, once)
    if spec.kept_on_put and leaves_out(merged, spec.kept_on_put, before):
        return dict(keeping_live(merged, once(), spec.kept_on_put, before))
    return merged


def without_keys(items: Iterable[Any], keys: Iterable[str]) -> list[Any]:
    """List items (objects) without the given top-level keys (server-set ids)."""
    drop = set(keys)
    return [
        {k: v for k, v in item.items() if k not in drop} if isinstance(item, Mapping) else item
        for item in items
    ]


def drop_none(value: Any) -> Any:
    """A copy without ``None`` values in objects (recursively)."""
    if isinstance(value, Mapping):
        return {str(k): drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def layout_file(path: str | Path, main: str, what: str, layout: str) -> tuple[Path, str]:
    """The JSON file ``path`` names — a directory's ``main`` file (``formula.json``) — and the
    stem that names the resource by default (the file's stem; a directory's name). ``layout``
    says what such a directory holds, for the error when it lacks ``main``."""
    given = Path(path)
    if not given.is_dir():
        return given, given.stem
    file = given / main
    if not file.is_file():
        raise ValueError(
            f"{what} directory {str(given)!r} holds no {main} (a {what} directory is {main} "
            f"and {layout})"
        )
    return file, given.name


def load_json_object(path: str | Path, what: str) -> dict[str, Any]:
    """A JSON file holding one object (a formula, a definition, ...), with a clear error."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {what} file {str(file)!r}: {exc.strerror}") from None
    except ValueError as exc:
        raise ValueError(f"{what} file {str(file)!r} is not valid JSON: {exc}") from None
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        data = data[0]  # some exports wrap the object in a list
    if not isinstance(data, dict):
        raise ValueError(f"{what} file {str(file)!r} must hold one JSON object")
    return data


# -- the API's document of a type, from its spec ----------------------------------------------


def _copied(value: Any) -> Any:
    """A copy of lists and objects one level deep (items of lists too), as sent."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, list):
        return [dict(v) if isinstance(v, Mapping) else v for v in value]
    return value


def request_document(spec: ResourceSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The document to send for validated input ``values``: the extra input's keys, then each
    input that has a key of its own (``Prop.api``), in the spec's order; an unset (None) input
    is not sent, nor an empty one with ``omit_empty``."""
    extra = spec.extra_prop
    body: dict[str, Any] = dict(values.get(extra.name) or {}) if extra is not None else {}
    for prop in spec.document_props:
        value = values.get(prop.name)
        if value is None or (prop.omit_empty and is_empty(value)):
            continue
        body[str(prop.api)] = _copied(value)
    return body


def _without_at(value: Any, segments: list[str], keys: frozenset[str]) -> Any:
    """``value`` without ``keys`` in the objects at ``segments`` below it (a copy where
    something changes): ``"x"`` a key, ``"x[]"`` each item of a list, ``"*"`` each value of
    an object."""
    if not segments:
        if isinstance(value, Mapping):
            return {str(k): v for k, v in value.items() if k not in keys}
        return value
    head, rest = segments[0], segments[1:]
    if not isinstance(value, Mapping):
        return value
    if head == "*":
        return {str(k): _without_at(v, rest, keys) for k, v in value.items()}
    name, items = (head[:-2], True) if head.endswith("[]") else (head, False)
    if name not in value:
        return value
    inner = value[name]
    if items:
        if not isinstance(inner, list):
            return value
        changed: Any = [_without_at(item, rest, keys) for item in inner]
    else:
        changed = _without_at(inner, rest, keys)
    return {**{str(k): v for k, v in value.items()}, name: changed}


def without_server_keys(spec: ResourceSpec, document: Mapping[str, Any]) -> dict[str, Any]:
    """A document without the keys the server sets (``spec.server_keys``): at the top level
    and at each path they are listed for (``"fields[]"`` each field, ``"definition"`` an
    object, ``"transformations.*.fields[]"`` the fields of each entry of a map). What a file,
    an export and the outputs hold."""
    top = set(spec.top_server_keys)
    out: dict[str, Any] = {str(k): v for k, v in document.items() if k not in top}
    for path, keys in spec.server_keys.items():
        if path:
            out = _without_at(out, path.split("."), frozenset(keys))
    return out


def extra_keys(spec: ResourceSpec, document: Mapping[str, Any]) -> dict[str, Any]:
    """The document's keys that have no input of their own and that the server does not set:
    what the extra input holds."""
    skip = set(spec.known_keys) | set(spec.top_server_keys)
    return {str(k): v for k, v in document.items() if k not in skip}


def document_outputs(
    spec: ResourceSpec,
    document: Mapping[str, Any],
    desired: Mapping[str, Any],
    imported: bool | None = None,
) -> dict[str, Any]:
    """The outputs of every input that is part of the document (its own key, or the extra
    input), from the API's ``document`` projected onto the program's ``desired`` inputs:
    server-set keys dropped, keys the program does not write dropped where empty or filled in
    by the server (:func:`project`). An empty object (or text) reads as unset (None).

    ``imported``: a read without inputs (``pulumi import``; default: within
    :func:`read_without_inputs`): nothing to project onto, the outputs keep what a program may
    have set and drop what the server fills in by default (:func:`as_imported`)."""
    if imported is None:
        imported = _WITHOUT_INPUTS.get()
    live = without_server_keys(spec, document)
    want = request_document(spec, desired)
    filled = spec.server_filled

    def shown(value: Any, wanted: Any, path: str) -> Any:
        if imported:
            return as_imported(value, filled, spec.server_defaults, path)
        return project(value, wanted, filled, path)

    outputs: dict[str, Any] = {}
    for prop in spec.document_props:
        key = str(prop.api)
        value = live.get(key)
        if value is None and isinstance(prop.default, list):
            value = []  # an absent list reads as the empty one the input defaults to
        if isinstance(value, list):
            outputs[prop.name] = shown(value, want.get(key), key)
        elif isinstance(value, Mapping) or value == "":
            found = shown(value, want.get(key), key) if value else None
            # imported: an object holding only what the server fills in is unset
            outputs[prop.name] = (found or None) if imported else found
        else:
            outputs[prop.name] = value
    extra = spec.extra_prop
    if extra is not None:
        outputs[extra.name] = shown(extra_keys(spec, live), desired.get(extra.name), "")
    return outputs


def state_values(spec: ResourceSpec, props: Mapping[str, Any]) -> dict[str, Any]:
    """The last known inputs in a resource's state (not validated: the state holds what the
    API had), without those that are unset."""
    return {p.name: props[p.name] for p in spec.inputs if props.get(p.name) is not None}


def without_empty(spec: ResourceSpec, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` without the keys of its own inputs that hold an empty text or object: the
    provider reads those as unset (:func:`document_outputs`), so an exported file that wrote
    them would differ from the object it was read from."""
    own = {str(p.api) for p in spec.document_props if p is not spec.extra_prop}
    return {k: v for k, v in document.items() if not (k in own and v in ("", {}))}
