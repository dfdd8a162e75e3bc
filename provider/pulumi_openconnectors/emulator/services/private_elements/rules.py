"""Private element rules: what a body must hold, and the document the platform keeps."""

from __future__ import annotations

import re
from typing import Any

from ...bodies import bad, check_list, check_name

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

SERVER_KEYS = ("id", "private", "createdDate", "updatedDate")
"""Set by the server: what a body says of them is ignored."""

DEFAULTS: dict[str, Any] = {
    "hookName": "",
    "description": "",
    "image": "",
    "active": True,
    "deleted": False,
    "typeOauth": False,
    "trialAccount": False,
    "configuration": [],
    "resources": [],
    "parameters": [],
    "hooks": [],
    "transformationsEnabled": True,
    "bulkDownloadEnabled": False,
    "bulkUploadEnabled": False,
    "cloneable": False,
    "extendable": False,
    "beta": False,
    "extended": False,
    "hub": "general",
    "protocolType": "http",
}
"""What the platform fills in when a body leaves it out (the fields of the catalog's
elements, so that a private element answers in the same shape)."""


def key_of(body: dict[str, Any], name: str) -> str:
    """The body's `key`, or one made of the name (lower case, letters and digits only: the
    documents' example posts no key and gets `"key": "twitter"` for `"name": "Twitter"`)."""
    key = body.get("key")
    if key is None:
        key = re.sub(r"[^a-z0-9]", "", name.lower())
        if not key:
            raise bad("key is required when the name has no letters or digits")
    if not isinstance(key, str) or not KEY.match(key):
        raise bad(
            "key must be 1 to 100 letters, digits, '_' or '-', starting with a letter or digit"
        )
    return key


def check_element(body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The element's key and the document to keep (server keys dropped); 400 naming the
    field that breaks a rule."""
    name = check_name(body.get("name"))
    key = key_of(body, name)
    authentication = body.get("authentication")
    if not isinstance(authentication, dict):
        raise bad("authentication is required: an object with a type (basic, oauth2, custom, ...)")
    kind = authentication.get("type")
    if not isinstance(kind, str) or not kind.strip():
        raise bad("authentication.type is required (basic, oauth2, custom, ...)")
    seen: set[str] = set()
    for index, entry in enumerate(check_list(body.get("configuration"), "configuration")):
        if not isinstance(entry, dict):
            raise bad(f"configuration[{index}] must be an object with a key")
        entry_key = entry.get("key")
        if not isinstance(entry_key, str) or not entry_key.strip():
            raise bad(f"configuration[{index}].key is required (a non-empty string)")
        if entry_key in seen:
            raise bad(f"configuration[{index}].key '{entry_key}' appears twice")
        seen.add(entry_key)
    routes: set[tuple[str, str]] = set()
    for index, resource in enumerate(check_list(body.get("resources"), "resources")):
        if not isinstance(resource, dict):
            raise bad(f"resources[{index}] must be an object with a path and a method")
        path, method = resource.get("path"), resource.get("method")
        if not isinstance(path, str) or not path.startswith("/"):
            raise bad(f"resources[{index}].path is required (a string starting with '/')")
        if method not in METHODS:
            raise bad(f"resources[{index}].method must be one of {', '.join(METHODS)}")
        if (method, path) in routes:
            raise bad(f"resources[{index}]: {method} {path} appears twice")
        routes.add((method, path))
    for field, default in DEFAULTS.items():
        value = body.get(field)
        if value is not None and type(value) is not type(default):
            kind = {bool: "a boolean", str: "a string", list: "a list"}[type(default)]
            raise bad(f"{field} must be {kind}")
    # a null is absent: the platform fills it in
    kept = {k: v for k, v in body.items() if k not in SERVER_KEYS and v is not None}
    return key, {**kept, "key": key}


def answered(document: dict[str, Any], ident: int, created: str, updated: str) -> dict[str, Any]:
    """The element as the platform keeps and answers it: the defaults, the document, the
    server's keys; ids on configuration entries, resources and their parameters."""
    element: dict[str, Any] = {**DEFAULTS, **document}
    element["typeOauth"] = str(element["authentication"].get("type", "")).startswith("oauth")
    element["configuration"] = [
        {**entry, "id": ident * 1000 + index}
        for index, entry in enumerate(element.get("configuration") or [])
    ]
    resources = []
    for index, resource in enumerate(element.get("resources") or []):
        resource_id = ident * 1000 + index
        parameters = [
            {**p, "id": resource_id * 100 + n, "resourceId": resource_id, "createdDate": created}
            if isinstance(p, dict)
            else p
            for n, p in enumerate(resource.get("parameters") or [])
        ]
        resources.append(
            {
                **resource,
                "id": resource_id,
                "createdDate": created,
                "updatedDate": updated,
                "type": resource.get("type", "api"),
                "parameters": parameters,
            }
        )
    element["resources"] = resources
    return {
        **element,
        "id": ident,
        "private": True,
        "createdDate": created,
        "updatedDate": updated,
    }
