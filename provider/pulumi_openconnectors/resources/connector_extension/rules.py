"""The documented rules of a ConnectorExtension across its inputs (pure: unit-test them).

From the Element Builder documents: a resource added to an existing element is a ``path``
(from ``/``) and an HTTP ``method`` (``POST``, ``GET``, ``PATCH``, ``PUT``, ``DELETE``);
the-doctor matches an account's resources by method and path, so there is one per method and
path. The connector's own resources carry ``ownerAccountId`` 1 (the-doctor leaves them out).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..connector.rules import KEY, METHODS, Problems, check_key, resource_problems
from ..documents import load_json_object

__all__ = [
    "KEY",
    "METHODS",
    "Problems",
    "check_key",
    "own_resources",
    "problems",
    "read_export",
    "route",
]

SYSTEM_ACCOUNT_ID = 1


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
    found = resource_problems(resources)
    for index, resource in enumerate(resources):
        parameters = resource.get("parameters") if isinstance(resource, Mapping) else None
        if parameters is not None and not (
            isinstance(parameters, list) and all(isinstance(p, Mapping) for p in parameters)
        ):
            found.append(("resources", f"resources[{index}].parameters must be a list of objects"))
    return found


def read_export(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """``from_file``'s reader: the element JSON of an extended connector, without the
    connector's own resources (an export without ``extendedOnly`` holds them too)."""
    document = load_json_object(path, what)
    resources = document.get("resources")
    if isinstance(resources, list):
        document = {**document, "resources": own_resources(resources)}
    return document, Path(path).stem
