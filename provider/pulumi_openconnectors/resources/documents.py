"""Helpers for the document-like types (formulas, formula instances, common resources,
transformations): JSON documents the user writes (or exports from the UI) and the API returns
with server-set keys added.

Outputs hold the API's document *projected onto the program's*: server-set keys are dropped,
and so is any key the program does not write whose value is empty (``[]``, ``{}``, ``""``,
``null``) or that the type's spec lists as filled in by the server at that place
(``ResourceSpec.server_filled``: ``"async": true`` on a formula's trigger, ``"level"`` on a
definition's field, …). Anything else the API holds shows, so a change made out of band is
drift that refresh shows and the next `up` puts back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


ServerFilled = Mapping[str, Collection[str]]
"""Per path (``""``, ``"triggers[]"``, ``"script"``, ``"script.fields[]"``): the keys the
server fills in there."""


def project(live: Any, desired: Any, filled: ServerFilled | None = None, path: str = "") -> Any:
    """``live`` without the keys ``desired`` lacks whose value is empty, or that ``filled``
    lists at their path (recursively; ``path`` is where ``live`` sits in the document)."""
    if isinstance(live, Mapping):
        want = desired if isinstance(desired, Mapping) else {}
        server = frozenset((filled or {}).get(path, ()))
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
