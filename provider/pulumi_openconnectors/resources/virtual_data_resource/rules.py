"""The documented rules of a v2 VDR across its document (pure: unit-tested).

A VDR's definition lists its fields (``{path, type}``, paths unique); each transformation,
keyed by connector key, names the vendor object (as a v1 transformation does) and maps vendor
fields onto fields of the VDR (``{path, vendorPath}``). "The objects referenced in your
transform must exist … before registering the transform" (the transformation guide): a
transformation field whose ``path`` is not a field of the definition is refused, naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def definition_problems(definition: Mapping[str, Any]) -> tuple[Failures, list[str]]:
    """The definition's failures and its field paths."""
    failures: Failures = []
    fields = definition.get("fields", [])
    if not isinstance(fields, list):
        return [(DEFINITION, f"{DEFINITION}.fields must be a list of {{path, type}}")], []
    paths: list[str] = []
    for index, field in enumerate(fields):
        where = f"{DEFINITION}.fields[{index}]"
        if not isinstance(field, Mapping):
            failures.append((DEFINITION, f"{where} must be an object with path and type"))
            continue
        for key in ("path", "type"):
            if not _text(field.get(key)):
                failures.append((DEFINITION, f"{where}.{key} is required (a non-empty string)"))
        path = field.get("path")
        if _text(path):
            if path in paths:
                failures.append((DEFINITION, f"{where}.path {path!r} is declared twice"))
            paths.append(str(path))
    return failures, paths


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
    mapped: set[str] = set()
    for index, field in enumerate(fields):
        at = f"{where}.fields[{index}]"
        if not isinstance(field, Mapping):
            failures.append((TRANSFORMATIONS, f"{at} must be an object with path and vendorPath"))
            continue
        for key in ("path", "vendorPath"):
            if not _text(field.get(key)):
                failures.append((TRANSFORMATIONS, f"{at}.{key} is required (a string)"))
        path = field.get("path")
        if not _text(path):
            continue
        if path in mapped:
            failures.append((TRANSFORMATIONS, f"{at}.path {path!r} is mapped twice"))
        mapped.add(str(path))
        if not _declares(paths, str(path)):
            known = ", ".join(paths) or "none"
            failures.append(
                (
                    TRANSFORMATIONS,
                    f"{at}.path {path!r} is not a field of VDR {vdr!r} (its fields: {known})",
                )
            )
    return failures


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
