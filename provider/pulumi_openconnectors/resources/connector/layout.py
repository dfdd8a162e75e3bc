"""Custom connectors as reviewable code: a connector as a directory, its hooks in ``.js`` files.

The layout is the one of the-doctor's ``--directory`` export of elements
(``saveElementsToDir.js``, ``buildElementsFromDir.js``, ``getResourceName.js`` in
CloudElementsOpenLabs/the-doctor)::

    <connector directory>/
        element.json                   the element JSON, its hooks without their ``body``
        <type>Hook.js                  the body of each hook of the element (``hooks[]``, by
                                       its ``type``: ``preRequestHook.js``,
                                       ``postRequestHook.js``)
        resources/<resource><type>Hook.js
                                       the body of each hook of a resource
                                       (``resources[].hooks[]``)

``<resource>`` is the resource as the-doctor names it: ``<method>-<path>`` without its first
``/hubs/<hub>/``, each ``/`` a ``-``, braces dropped, and a ``-`` at the end
(``GET /hubs/crm/contacts/{id}`` -> ``GET-contacts-id-``, so its pre-request hook is
``resources/GET-contacts-id-preRequestHook.js``). A hook whose ``element.json`` entry still
holds its ``body`` keeps it (the file form is not required per hook).

``Connector.from_file(path)`` reads this layout when ``path`` is a directory (its
``element.json``) or a file named ``element.json``; the document it gives (for the state and
the API) is exactly the one the single JSON file with the bodies inline gives. The bodies are
read as they are (UTF-8, line ends untouched). Any other file is read as one JSON document, as
before.

Imported by the Pulumi program (through ``from_file``): no heavy imports here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..documents import layout_file, load_json_object

ELEMENT_FILE = "element.json"
RESOURCES_FOLDER = "resources"
MAX_FILE_NAME = 200
_HUB = re.compile(r"/hubs/[^/]*/")
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def resource_name(resource: Mapping[str, Any]) -> str:
    """The-doctor's name of a resource in its hook files (``getResourceName.js``)."""
    name = f"{resource.get('method')}-{resource.get('path')}"
    return _HUB.sub("", name, count=1).replace("/", "-").replace("{", "").replace("}", "") + "-"


def hook_file(hook: Mapping[str, Any], resource: Mapping[str, Any] | None = None) -> str:
    """The file of a hook, relative to the connector directory."""
    name = f"{hook.get('type')}Hook.js"
    if resource is None:
        return name
    return f"{RESOURCES_FOLDER}/{resource_name(resource)}{name}"


def is_layout(path: str | Path) -> bool:
    """Whether ``from_file(path)`` reads the directory layout."""
    file = Path(path)
    return file.is_dir() or file.name == ELEMENT_FILE


def _bodyless(hook: Any) -> bool:
    return isinstance(hook, Mapping) and "body" not in hook


def _hooks(value: Any) -> list[Any] | None:
    return value if isinstance(value, list) else None


def _read_body(folder: Path, relative: str, file: Path, where: str, what: str) -> str:
    script = folder / relative
    try:
        with open(script, encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as exc:
        raise ValueError(
            f"{what} file {str(file)!r}: {where} has no body and its script {str(script)!r} "
            f"cannot be read: {exc.strerror}"
        ) from None
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{what} file {str(file)!r}: the script {str(script)!r} of {where} is not UTF-8: "
            f"{exc.reason}"
        ) from None


def read_connector(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """The element document of a JSON file or of a connector directory, and the stem that
    names the resource when the document has no key (the file's stem; a directory's name)."""
    file, stem = layout_file(path, ELEMENT_FILE, what, "a .js file per hook")
    document = load_json_object(file, what)
    if file.name != ELEMENT_FILE:
        return document, stem
    folder = file.parent

    def joined(hooks: list[Any], resource: Mapping[str, Any] | None, where: str) -> list[Any]:
        out: list[Any] = []
        for index, hook in enumerate(hooks):
            if _bodyless(hook):
                relative = hook_file(hook, resource)
                named = f"{where}hooks[{index}] ({hook.get('type')})"
                if not _safe(relative):
                    raise ValueError(
                        f"{what} file {str(file)!r}: {named} has no body and its file name "
                        f"{relative!r} is not a plain file name: put the body in {ELEMENT_FILE}"
                    )
                hook = {**hook, "body": _read_body(folder, relative, file, named, what)}
            out.append(hook)
        return out

    hooks = _hooks(document.get("hooks"))
    if hooks is not None:
        document = {**document, "hooks": joined(hooks, None, "")}
    resources = _hooks(document.get("resources"))
    if resources is not None:
        read: list[Any] = []
        for index, resource in enumerate(resources):
            inner = _hooks(resource.get("hooks")) if isinstance(resource, Mapping) else None
            if inner is not None:
                resource = {**resource, "hooks": joined(inner, resource, f"resources[{index}].")}
            read.append(resource)
        document = {**document, "resources": read}
    return document, stem


def _safe(relative: str) -> bool:
    """A plain hook file in the directory, or in its ``resources`` folder."""
    *folders, name = relative.split("/")
    return (
        folders in ([], [RESOURCES_FOLDER])
        and len(name) <= MAX_FILE_NAME
        and bool(_SAFE.match(name))
        and name.endswith("Hook.js")
    )


def split_connector(document: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The layout of an element document: ``element.json``'s document and the hook files
    (path relative to the connector directory -> body), such that :func:`read_connector` gives
    ``document`` back. A body whose file name would be unsafe or clash with another hook's
    (letter case aside) stays inline. None when the layout cannot hold the document (a hook
    without a body: the directory form would read a file for it)."""
    resources = _hooks(document.get("resources")) or []
    every = [*(_hooks(document.get("hooks")) or [])]
    for resource in resources:
        if isinstance(resource, Mapping):
            every.extend(_hooks(resource.get("hooks")) or [])
    if any(_bodyless(hook) for hook in every):
        return None
    files: dict[str, str] = {}
    taken: set[str] = {ELEMENT_FILE}

    def split(hooks: list[Any], resource: Mapping[str, Any] | None) -> list[Any]:
        out: list[Any] = []
        for hook in hooks:
            body = hook.get("body") if isinstance(hook, Mapping) else None
            if isinstance(hook, Mapping) and isinstance(body, str):
                relative = hook_file(hook, resource)
                if _safe(relative) and relative.lower() not in taken:
                    taken.add(relative.lower())
                    files[relative] = body
                    hook = {k: v for k, v in hook.items() if k != "body"}
            out.append(hook)
        return out

    written: dict[str, Any] = dict(document)
    hooks = _hooks(document.get("hooks"))
    if hooks is not None:
        written["hooks"] = split(hooks, None)
    if _hooks(document.get("resources")) is not None:
        written["resources"] = [
            {**r, "hooks": split(inner, r)}
            if isinstance(r, Mapping) and (inner := _hooks(r.get("hooks"))) is not None
            else r
            for r in resources
        ]
    return written, files
