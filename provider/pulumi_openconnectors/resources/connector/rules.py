"""The documented rules of a Connector across its inputs (pure: unit-test them).

From the Element Builder documents: an element has an authentication type; its configuration
entries are named by a unique ``key``; each resource is a ``path`` (from ``/``) and an HTTP
``method``, one resource per path and method.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

Problems = list[tuple[str, str]]


def check_key(value: str, what: str = "") -> str:
    """``value`` when it is a connector key (:data:`KEY`), else a ValueError that says what a
    key is (``what``: how the message names it, e.g. ``"a connector key: "``)."""
    if not KEY.match(value):
        raise ValueError(
            f"must be {what}1-100 letters, digits, '_' or '-', starting with a letter or digit, "
            f"got {value!r}"
        )
    return value


def problems(document: Mapping[str, Any]) -> Problems:
    """(property, message) for each documented rule the document breaks; each message names
    the field (``configuration[1].key``)."""
    found: Problems = []
    found.extend(_authentication(document.get("authentication")))
    found.extend(_configuration(document.get("configuration") or []))
    found.extend(resource_problems(document.get("resources") or []))
    return found


def _authentication(value: Any) -> Problems:
    kind = value.get("type") if isinstance(value, Mapping) else None
    if not isinstance(kind, str) or not kind.strip():
        return [
            (
                "authentication",
                "authentication.type is required (e.g. 'basic', 'oauth2', 'custom')",
            )
        ]
    return []


def _configuration(entries: list[Any]) -> Problems:
    found: Problems = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"configuration[{index}]"
        key = entry.get("key") if isinstance(entry, Mapping) else None
        if not isinstance(key, str) or not key.strip():
            found.append(("configuration", f"{where}.key is required (e.g. 'base.url')"))
        elif key in seen:
            found.append(("configuration", f"{where}.key {key!r} is declared twice"))
        else:
            seen.add(key)
    return found


def resource_problems(resources: list[Any]) -> Problems:
    """The rules of a connector's ``resources`` (a ``ConnectorExtension``'s too): each an
    object with a ``path`` from ``/`` and a documented ``method``, one per method and path."""
    found: Problems = []
    routes: set[tuple[str, str]] = set()
    for index, resource in enumerate(resources):
        where = f"resources[{index}]"
        if not isinstance(resource, Mapping):
            found.append(("resources", f"{where} must be an object with a path and a method"))
            continue
        path, method = resource.get("path"), resource.get("method")
        if not isinstance(path, str) or not path.startswith("/"):
            found.append(("resources", f"{where}.path is required: a path from '/' (got {path!r})"))
        if method not in METHODS:
            found.append(
                (
                    "resources",
                    f"{where}.method must be one of {', '.join(METHODS)} (got {method!r})",
                )
            )
        if isinstance(path, str) and method in METHODS:
            if (method, path) in routes:
                found.append(("resources", f"{where}: {method} {path} is declared twice"))
            routes.add((method, path))
    return found
