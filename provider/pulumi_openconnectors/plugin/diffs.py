"""What a change does (:meth:`ResourceSpec.diff` decides) with the path of every changed field
for ``pulumi preview --diff``: ``tags``, ``steps[1]``, ``configuration.password``."""

from __future__ import annotations

import re
from typing import Any

from pulumi.provider.experimental.provider import PropertyDiff, PropertyDiffKind

from ..markers import is_unknown
from ..resources.spec import ResourceSpec
from .names import camel

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_KINDS = {
    # (how, replaces) -> kind
    ("add", False): PropertyDiffKind.ADD,
    ("add", True): PropertyDiffKind.ADD_REPLACE,
    ("delete", False): PropertyDiffKind.DELETE,
    ("delete", True): PropertyDiffKind.DELETE_REPLACE,
    ("update", False): PropertyDiffKind.UPDATE,
    ("update", True): PropertyDiffKind.UPDATE_REPLACE,
}


def key_path(parent: str, key: str) -> str:
    """A map key in a property path (``configuration.user``, ``configuration["oauth.api.key"]``)."""
    if _IDENTIFIER.match(key):
        return f"{parent}.{key}"
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{parent}["{escaped}"]'


def _how(old: Any, new: Any) -> str:
    if old is None:
        return "add"
    if new is None:
        return "delete"
    return "update"


def changed_paths(path: str, old: Any, new: Any) -> dict[str, str]:
    """Each changed element (lists of the same kind: per index; maps: per key) -> how it
    changed; the whole value when it is not a list or a map on both sides."""
    if isinstance(old, list) and isinstance(new, list):
        found: dict[str, str] = {}
        for index in range(max(len(old), len(new))):
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            if before != after:
                found[f"{path}[{index}]"] = _how(before, after)
        return found or {path: "update"}
    if isinstance(old, dict) and isinstance(new, dict):
        found = {}
        for key in [*old, *(k for k in new if k not in old)]:
            if old.get(key) != new.get(key):
                found[key_path(path, str(key))] = _how(old.get(key), new.get(key))
        return found or {path: "update"}
    return {path: _how(old, new)}


def detailed_diff(
    spec: ResourceSpec, olds: dict[str, Any], news: dict[str, Any]
) -> tuple[list[str], dict[str, PropertyDiff]]:
    """(the engine names of the properties whose change replaces, every changed path), from
    the state's outputs and the new inputs (both with the spec's names)."""
    replaces, changes = spec.diff(olds, news)
    paths: dict[str, PropertyDiff] = {}
    for name in [*replaces, *changes]:
        prop = spec.prop(name)
        replacing = name in replaces
        old = olds.get(name)
        new = news.get(name)
        if is_unknown(new):
            found = {camel(name): "update"}
        else:
            old = prop.default if old is None else old
            new = prop.default if new is None else new
            found = changed_paths(camel(name), old, new)
        for path, how in found.items():
            paths[path] = PropertyDiff(_KINDS[(how, replacing)], input_diff=False)
    return [camel(name) for name in replaces], paths
