"""Formulas as reviewable code: a formula as a directory, its JavaScript in ``.js`` files.

The layout is the one of the-doctor's ``--directory`` export (``saveFormulasToDir.js``,
``buildFormulasFromDir.js`` in CloudElementsOpenLabs/the-doctor)::

    <formula directory>/
        formula.json          the formula document, without the body of its script and
                              filter steps
        <step name>.js        the body of each script and filter step (``properties.body``)

The ``.js`` file name is the step name as the-doctor writes it: ``?``, ``>``, ``-``, ``|`` and
``/`` become spaces, the ends are trimmed, each run of spaces becomes one ``-``
(``"Get-contacts?"`` -> ``Get-contacts.js``). A step whose ``formula.json`` still holds its
``body`` keeps it (the file form is not required per step).

``Formula.from_file(path)`` reads this layout when ``path`` is a directory (its
``formula.json``; the resource name defaults to the directory's name) or a file named
``formula.json``; the document it gives (for the state and the API) is exactly the one the
single JSON file with the bodies inline gives. The bodies are read as they are (UTF-8, line
ends untouched).

Imported by the Pulumi program (through ``from_file``): no heavy imports here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..documents import layout_file, load_json_object

FORMULA_FILE = "formula.json"
SCRIPT_FILE_STEP_TYPES = ("script", "filter")
"""The step types whose ``properties.body`` lives in a ``.js`` file (as the-doctor does it)."""

_DOCTOR_SPACES = re.compile(r"[?>\-|/]")
_UNSAFE_FILE_CHARS = re.compile(r'[\x00-\x1f\x7f\\:*"<>]')
MAX_FILE_NAME = 200


def script_file_name(step_name: str) -> str:
    """The ``.js`` file of a step (the-doctor's ``toDirectoryName(name) + ".js"``)."""
    return re.sub(r" +", "-", _DOCTOR_SPACES.sub(" ", step_name).strip()) + ".js"


def is_layout(path: str | Path) -> bool:
    """Whether ``from_file(path)`` reads the directory layout."""
    file = Path(path)
    return file.is_dir() or file.name == FORMULA_FILE


def _bodyless(step: Any) -> bool:
    if not isinstance(step, Mapping) or step.get("type") not in SCRIPT_FILE_STEP_TYPES:
        return False
    properties = step.get("properties")
    return not isinstance(properties, Mapping) or "body" not in properties


def read_formula(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """The formula document of a JSON file or of a formula directory, and the stem that names
    the resource by default (the file's stem; a directory's name)."""
    file, stem = layout_file(path, FORMULA_FILE, what, "a .js file per script step")
    document = load_json_object(file, what)
    if file.name != FORMULA_FILE:
        return document, stem
    steps = document.get("steps")
    if not isinstance(steps, list):
        return document, stem
    joined: list[Any] = []
    for step in steps:
        if _bodyless(step):
            step = dict(step)
            script = file.parent / script_file_name(str(step.get("name")))
            try:
                with open(script, encoding="utf-8", newline="") as handle:
                    body = handle.read()
            except OSError as exc:
                raise ValueError(
                    f"{what} file {str(file)!r}: step {step.get('name')!r} ({step.get('type')}) "
                    f"has no properties.body and its script {str(script)!r} cannot be read: "
                    f"{exc.strerror}"
                ) from None
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"{what} file {str(file)!r}: the script {str(script)!r} of step "
                    f"{step.get('name')!r} is not UTF-8: {exc.reason}"
                ) from None
            properties = step.get("properties")
            step["properties"] = {**(properties if isinstance(properties, Mapping) else {})}
            step["properties"]["body"] = body
        joined.append(step)
    return {**document, "steps": joined}, stem


def _safe_file_name(name: str) -> bool:
    return (
        name != ".js"
        and not name.startswith(".")
        and len(name) <= MAX_FILE_NAME
        and not _UNSAFE_FILE_CHARS.search(name)
    )


def split_formula(document: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The layout of a formula document: ``formula.json``'s document and the ``.js`` files (file
    name -> body), such that :func:`read_formula` gives ``document`` back. A body whose file
    name would be unsafe or clash with another step's (letter case aside) stays inline. None
    when the layout cannot hold the document (a script or filter step without a body: the
    directory form would read a file for it)."""
    steps = document.get("steps")
    if not isinstance(steps, list):
        return dict(document), {}
    if any(_bodyless(step) for step in steps):
        return None
    files: dict[str, str] = {}
    taken: set[str] = {FORMULA_FILE}
    written: list[Any] = []
    for step in steps:
        scripted = isinstance(step, Mapping) and step.get("type") in SCRIPT_FILE_STEP_TYPES
        properties = step.get("properties") if scripted else None
        body = properties.get("body") if isinstance(properties, Mapping) else None
        if isinstance(properties, Mapping) and isinstance(body, str):
            name = script_file_name(str(step.get("name")))
            if _safe_file_name(name) and name.lower() not in taken:
                taken.add(name.lower())
                files[name] = body
                step = {**step, "properties": {k: v for k, v in properties.items() if k != "body"}}
        written.append(step)
    return {**document, "steps": written}, files
