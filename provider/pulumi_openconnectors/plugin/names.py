"""Property names at the plugin's boundary: the specs' Python names (``element_key``) are
``elementKey`` for the engine. The one conversion, used for inputs, outputs, check failures
and detailed diffs; keys that are no property (``__ownership_tag``, user data inside a value)
are left as they are."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..resources.spec import ResourceSpec


def camel(name: str) -> str:
    """``element_key`` -> ``elementKey``; a name starting with ``_`` is kept."""
    if name.startswith("_"):
        return name
    first, *rest = name.split("_")
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


def _to_python(spec: ResourceSpec) -> dict[str, str]:
    return _python_names(spec.name, tuple(p.name for p in spec.props))


@cache
def _python_names(_type: str, names: tuple[str, ...]) -> dict[str, str]:
    return {camel(name): name for name in names}


def python_name(spec: ResourceSpec, name: str) -> str:
    """An engine name -> the spec's name (others as they are)."""
    return _to_python(spec).get(name, name)


def pulumi_name(spec: ResourceSpec, name: str) -> str:
    """The spec's name -> the engine name (others as they are)."""
    return camel(name) if name in spec.output_names else name


def snake(key: str) -> str:
    """A camelCase key as a Python name (``baseUrl`` -> ``base_url``)."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in key)


def to_python(spec: ResourceSpec, props: Mapping[str, Any]) -> dict[str, Any]:
    """Engine names -> the spec's names (top-level keys only)."""
    return {python_name(spec, key): value for key, value in props.items()}


def to_pulumi(spec: ResourceSpec, props: Mapping[str, Any]) -> dict[str, Any]:
    """The spec's names -> engine names (top-level keys only)."""
    return {pulumi_name(spec, key): value for key, value in props.items()}


def foreign_keys(spec: ResourceSpec, props: Mapping[str, Any]) -> list[str]:
    """Keys the engine sent that are no property's camelCase name (``element_key`` included)."""
    names = _to_python(spec)
    return [key for key in props if key not in names and not key.startswith("__")]


def _pattern(spec: ResourceSpec) -> re.Pattern[str] | None:
    return _compiled(tuple(p.name for p in spec.props))


@cache
def _compiled(props: tuple[str, ...]) -> re.Pattern[str] | None:
    names = sorted((name for name in props if camel(name) != name), key=len, reverse=True)
    if not names:
        return None
    return re.compile(
        r"(?<![A-Za-z0-9_.])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_])"
    )


def in_text(spec: ResourceSpec, text: str) -> str:
    """A message with the spec's property names as the engine's (``element_key: …`` ->
    ``elementKey: …``)."""
    pattern = _pattern(spec)
    return text if pattern is None else pattern.sub(lambda m: camel(m.group(1)), text)
