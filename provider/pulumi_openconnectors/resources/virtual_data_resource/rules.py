"""The documented rules of a v2 VDR across its document (pure: unit-tested).

A VDR's definition lists its fields (``{path, type}``, paths unique); each transformation,
keyed by connector key, names the vendor object (as a v1 transformation does) and maps vendor
fields onto fields of the VDR (``{path, vendorPath}``). "The objects referenced in your
transform must exist … before registering the transform" (the transformation guide): a
transformation field whose ``path`` is not a field of the definition is refused, naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..transformation.spec import SPEC as TRANSFORMATION

Failures = list[tuple[str, str]]

VENDOR_NAME = str(TRANSFORMATION.prop("vendor_name").api)
"""A v2 transformation names the vendor object with the key a v1 transformation uses."""

DEFINITION = "definition"
TRANSFORMATIONS = "transformations"
"""The inputs the rules name (the property of each failure)."""


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _field_list(
    fields: list[Any],
    where: str,
    prop: str,
    keys: tuple[str, str],
    required: str,
    twice: str,
    path_problems: Callable[[str, str], Failures] = lambda at, path: [],
) -> tuple[Failures, list[str]]:
    """The failures of a list of ``{path, …}`` objects (each an object whose ``keys`` are
    non-empty strings, each ``path`` once; ``path_problems(where, path)`` what else a field's
    path breaks, in the field's order), and the path of each field that has one. ``required``
    says what a key must be, ``twice`` what a repeated path is."""
    failures: Failures = []
    found: list[str] = []
    seen: set[str] = set()
    for index, field in enumerate(fields):
        at = f"{where}.fields[{index}]"
        if not isinstance(field, Mapping):
            failures.append((prop, f"{at} must be an object with {' and '.join(keys)}"))
            continue
        for key in keys:
            if not _text(field.get(key)):
                failures.append((prop, f"{at}.{key} is required ({required})"))
        path = field.get("path")
        if not _text(path):
            continue
        if path in seen:
            failures.append((prop, f"{at}.path {path!r} is {twice} twice"))
        seen.add(str(path))
        found.append(str(path))
        failures += path_problems(at, str(path))
    return failures, found


def definition_problems(definition: Mapping[str, Any]) -> tuple[Failures, list[str]]:
    """The definition's failures and its field paths."""
    fields = definition.get("fields", [])
    if not isinstance(fields, list):
        return [(DEFINITION, f"{DEFINITION}.fields must be a list of {{path, type}}")], []
    return _field_list(
        fields, DEFINITION, DEFINITION, ("path", "type"), "a non-empty string", "declared"
    )


def _declares(paths: list[str], path: str) -> bool:
    """``path`` is a field of the VDR, or below one (``address.city`` under ``address``)."""
    return path in paths or path.split(".")[0] in paths or path.split("[")[0] in paths


def transformation_problems(
    element_key: str, transformation: Any, paths: list[str], vdr: str
) -> Failures:
    where = f"{TRANSFORMATIONS}[{element_key!r}]"
    if not _text(element_key):
        return [(TRANSFORMATIONS, f"{TRANSFORMATIONS} has an empty connector key")]
    if not isinstance(transformation, Mapping):
        return [(TRANSFORMATIONS, f"{where} must be an object ({VENDOR_NAME}, fields, ...)")]
    failures: Failures = []
    if not _text(transformation.get(VENDOR_NAME)):
        failures.append((TRANSFORMATIONS, f"{where}.{VENDOR_NAME} is required (e.g. 'Contact')"))
    fields = transformation.get("fields", [])
    if not isinstance(fields, list):
        return [*failures, (TRANSFORMATIONS, f"{where}.fields must be a list")]
    known = ", ".join(paths) or "none"

    def undeclared(at: str, path: str) -> Failures:
        if _declares(paths, path):
            return []
        says = f"{at}.path {path!r} is not a field of VDR {vdr!r} (its fields: {known})"
        return [(TRANSFORMATIONS, says)]

    listed, _ = _field_list(
        fields, where, TRANSFORMATIONS, ("path", "vendorPath"), "a string", "mapped", undeclared
    )
    return failures + listed


def problems(document: Mapping[str, Any]) -> Failures:
    """(property, message) for each documented rule the v2 document breaks."""
    definition = document.get("definition", {})
    if not isinstance(definition, Mapping):
        return [(DEFINITION, f"{DEFINITION} must be an object with fields")]
    failures, paths = definition_problems(definition)
    transformations = document.get("transformation", {})
    if not isinstance(transformations, Mapping):
        return [*failures, (TRANSFORMATIONS, f"{TRANSFORMATIONS} must map connector keys")]
    vdr = str(document.get("vdrName", ""))
    for element_key, transformation in transformations.items():
        failures.extend(transformation_problems(str(element_key), transformation, paths, vdr))
    return failures
