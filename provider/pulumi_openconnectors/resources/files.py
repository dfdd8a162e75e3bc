"""``from_file`` of every document type: the inputs a document file (an export, a file
written by hand) gives, read as the type's spec says (:class:`.spec.FileSpec`).

Imported by the Pulumi program (through the resource classes): no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .documents import extra_keys, load_json_object, without_server_keys
from .spec import ResourceSpec, resolve


def _at(document: Mapping[str, Any], dotted: str) -> Any:
    """The value at a dotted path (``"element.key"``), or None."""
    value: Any = document
    for part in dotted.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def file_inputs(
    spec: ResourceSpec, path: str | Path, name: str | None, overrides: Mapping[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The Pulumi resource name and the inputs of the type's resource from a document file.

    Each input with a document key takes that key's value; one with ``file_keys`` the first
    of them that holds a text; server-set keys are dropped (at the top level and in the lists
    the spec names); the other keys go to the extra input. ``overrides`` replace single inputs
    (an override of one input of an exclusive group drops the others the file gave).
    """
    file = spec.file
    if file is None:
        raise TypeError(f"{spec.name} has no from_file")
    if file.reader is None:
        document, stem = load_json_object(path, file.what), Path(path).stem
    else:
        read: Callable[[str | Path, str], tuple[dict[str, Any], str]] = resolve(file.reader)
        document, stem = read(path, file.what)
    if file.wrapped is not None and file.wrapped not in document and len(document) == 1:
        [inner] = document.values()
        if isinstance(inner, Mapping) and file.wrapped in inner:
            document = dict(inner)  # {"<name>": {...}}: the object under its name
    kept = without_server_keys(spec, document)
    inputs: dict[str, Any] = {}
    elsewhere: set[str] = set()
    for prop in spec.inputs:
        elsewhere.update(key.split(".")[0] for key in prop.file_keys)
        if prop.in_document and prop.api in kept:
            inputs[prop.name] = kept[str(prop.api)]
            continue
        for key in prop.file_keys:
            value = _at(document, key)
            if isinstance(value, str) and value:
                inputs[prop.name] = value
                break
    extra = {k: v for k, v in extra_keys(spec, kept).items() if k not in elsewhere}
    if extra and spec.extra_prop is not None:
        inputs[spec.extra_prop.name] = extra
    if file.stem_input is not None and file.stem_input not in inputs:
        inputs[file.stem_input] = stem
    resource_name = name or (
        str(inputs[file.resource_name_input]) if file.resource_name_input else stem
    )
    for group in file.exclusive:
        if set(group) & set(overrides):
            for member in group:
                if member not in overrides:
                    inputs.pop(member, None)  # the scope the caller gives wins over the file's
    return resource_name, {**inputs, **overrides}
