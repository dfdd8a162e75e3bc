"""Element resource rules: what a body must hold, the resource the platform keeps, and the
catalog's own resources of an element."""

from __future__ import annotations

import hashlib
from typing import Any

from ...bodies import bad, check_list
from ...catalog import SYSTEM_ACCOUNT_ID, Connector

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
SERVER_KEYS = ("id", "elementId", "ownerAccountId", "createdDate", "updatedDate")
"""Set by the server: what a body says of them is ignored."""


def owner_account_id(org: str) -> int:
    """The account's id as resources show it (`ownerAccountId`): stable, never 1."""
    return int(hashlib.sha256(org.encode()).hexdigest()[:6], 16) + 2


def route_of(resource: dict[str, Any]) -> str:
    """`METHOD path`: a resource's identity among one account's resources of an element."""
    return f"{resource.get('method')} {resource.get('path')}"


def check_resource(body: dict[str, Any]) -> dict[str, Any]:
    """The resource to keep (server keys dropped); 400 naming the field that breaks a rule."""
    path, method = body.get("path"), body.get("method")
    if not isinstance(path, str) or not path.startswith("/"):
        raise bad("path is required (a string starting with '/')")
    if method not in METHODS:
        raise bad(f"method must be one of {', '.join(METHODS)}")
    kind = body.get("type")
    if kind is not None and not isinstance(kind, str):
        raise bad("type must be a string (api, ...)")
    for index, parameter in enumerate(check_list(body.get("parameters"), "parameters")):
        if not isinstance(parameter, dict):
            raise bad(f"parameters[{index}] must be an object")
    return {k: v for k, v in body.items() if k not in SERVER_KEYS and v is not None}


def answered(
    document: dict[str, Any], ident: int, element_id: int, owner: int, created: str, updated: str
) -> dict[str, Any]:
    """The resource as the platform keeps and answers it."""
    parameters = [
        {**p, "id": ident * 100 + n, "resourceId": ident, "createdDate": created}
        for n, p in enumerate(document.get("parameters") or [])
    ]
    return {
        **document,
        "type": document.get("type", "api"),
        "parameters": parameters,
        "id": ident,
        "elementId": element_id,
        "ownerAccountId": owner,
        "createdDate": created,
        "updatedDate": updated,
    }


def system_resources(connector: Connector) -> list[dict[str, Any]]:
    """The resources a catalog element comes with: a search and a read of each hub object
    (owned by account 1; never changed nor deleted through an account)."""
    found: list[dict[str, Any]] = []
    for index, hub_object in enumerate(connector.hub_objects):
        base = f"/hubs/{connector.hub}/{hub_object.name}"
        for offset, (path, description) in enumerate(
            ((base, f"Search for {hub_object.name}"), (f"{base}/{{id}}", "Retrieve one"))
        ):
            found.append(
                {
                    "id": connector.id * 1000 + index * 2 + offset,
                    "path": path,
                    "method": "GET",
                    "vendorPath": path.removeprefix(f"/hubs/{connector.hub}"),
                    "vendorMethod": "GET",
                    "description": description,
                    "type": "api",
                    "parameters": [],
                    "elementId": connector.id,
                    "ownerAccountId": SYSTEM_ACCOUNT_ID,
                }
            )
    return found
