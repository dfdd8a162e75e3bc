"""The documented rules of a ConnectorExtension across its inputs (pure: unit-test them).

From the Element Builder documents: a resource added to an existing element is a ``path``
(from ``/``) and an HTTP ``method`` (``POST``, ``GET``, ``PATCH``, ``PUT``, ``DELETE``);
the-doctor matches an account's resources by method and path, so there is one per method and
path. The connector's own resources carry ``ownerAccountId`` 1 (the-doctor leaves them out).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..documents import load_json_object

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
SYSTEM_ACCOUNT_ID = 1

Problems = list[tuple[str, str]]


def route(resource: Mapping[str, Any]) -> tuple[str, str]:
    """``(METHOD, path)``: a resource's identity among the organization's of one connector."""
    return (str(resource.get("method", "")).upper(), str(resource.get("path", "")))


def own_resources(resources: list[Any]) -> list[Any]:
    """The resources without the connector's own (``ownerAccountId`` 1, as an export without
    ``extendedOnly`` holds them), and without the owner key (the server sets it)."""
    kept: list[Any] = []
    for resource in resources:
        if isinstance(resource, Mapping):
            if resource.get("ownerAccountId") == SYSTEM_ACCOUNT_ID:
                continue
            resource = {k: v for k, v in resource.items() if k != "ownerAccountId"}
        kept.append(resource)
    return kept


def problems(document: Mapping[str, Any]) -> Problems:
    """(property, message) for each documented rule the document breaks; each message names
    the field (``resources[1].method``)."""
    resources = document.get("resources") or []
    if not resources:
        return [
            (
                "resources",
                "resources must hold at least one resource (an extension without a resource "
                "of its own is no extension: delete the ConnectorExtension instead)",
            )
        ]
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
        parameters = resource.get("parameters")
        if parameters is not None and not (
            isinstance(parameters, list) and all(isinstance(p, Mapping) for p in parameters)
        ):
            found.append(("resources", f"{where}.parameters must be a list of objects"))
        if isinstance(path, str) and method in METHODS:
            if (method, path) in routes:
                found.append(("resources", f"{where}: {method} {path} is declared twice"))
            routes.add((method, path))
    return found


def read_export(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """``from_file``'s reader: the element JSON of an extended connector, without the
    connector's own resources (an export without ``extendedOnly`` holds them too)."""
    document = load_json_object(path, what)
    resources = document.get("resources")
    if isinstance(resources, list):
        document = {**document, "resources": own_resources(resources)}
    return document, Path(path).stem
