"""v2 VDR rules: the definition, and each transformation checked against it and the catalog."""

from __future__ import annotations

from typing import Any

from ...bodies import OBJECT_NAME, bad, check_configuration, check_list, check_name, check_object
from ...catalog import find_connector
from ...errors import ApiError

VERSION = "v2"
LEVEL = "organization"
SERVER_KEYS = ("id", "objectName")
"""Top-level keys of an imported document the server sets (dropped from a body)."""


def check_vdr_name(value: Any, field: str) -> str:
    name = check_name(value, field)
    if not OBJECT_NAME.match(name) or name in (".", ".."):
        raise bad(f"{field} must be 1 to 255 letters, digits, '_', '-' or '.', not '.' or '..'")
    return name


def present(body: dict[str, Any], key: str, kind: type, field: str) -> Any:
    """``body[key]`` when given: of ``kind`` (not null); absent: None."""
    if key in body and not isinstance(body[key], kind):
        raise bad(f"{field} must be {'a list' if kind is list else 'an object'}")
    return body.get(key)


def check_fields(value: Any, field: str) -> list[dict[str, Any]]:
    """A definition's fields: {path, type} each, paths unique (other keys kept, ids dropped)."""
    seen: set[str] = set()
    fields: list[dict[str, Any]] = []
    for index, item in enumerate(check_list(value, field)):
        name = f"{field}[{index}]"
        if not isinstance(item, dict):
            raise bad(f"{name} must be an object with path and type")
        path = check_name(item.get("path"), f"{name}.path")
        check_name(item.get("type"), f"{name}.type")
        if path in seen:
            raise bad(f"{name}.path '{path}' appears twice")
        seen.add(path)
        fields.append({k: v for k, v in item.items() if k != "id"})
    return fields


def _configuration(value: Any, field: str) -> list[dict[str, Any]]:
    items = check_configuration(value, field)
    return [{**item, "level": item.get("level", LEVEL)} for item in items]


def _declares(paths: set[str], path: str) -> bool:
    return path in paths or path.split(".")[0] in paths or path.split("[")[0] in paths


def check_transformation(
    body: Any, field: str, paths: set[str], vdr: str, element_key: str
) -> dict[str, Any]:
    """One transformation of the document, as stored and answered."""
    if find_connector(element_key) is None:
        raise ApiError(404, f"{field}: no element with key '{element_key}'")
    item = check_object(body, field)
    check_name(item.get("vendorName"), f"{field}.vendorName")
    transformation = {
        k: v for k, v in item.items() if k not in ("id", "objectName", "vdrId", "elementId")
    }
    transformation["level"] = item.get("level", LEVEL)
    if item.get("script") is not None:
        script = check_object(item["script"], f"{field}.script")
        if script.get("body") is not None and not isinstance(script["body"], str):
            raise bad(f"{field}.script.body must be a string")
        transformation["script"] = {
            "mimeType": "application/javascript",
            "filterEmptyResponse": False,
            **script,
            "level": script.get("level", LEVEL),
        }
    if "configuration" in item:
        transformation["configuration"] = _configuration(
            item["configuration"], f"{field}.configuration"
        )
    fields: list[dict[str, Any]] = []
    for index, mapped in enumerate(check_list(item.get("fields"), f"{field}.fields")):
        name = f"{field}.fields[{index}]"
        if not isinstance(mapped, dict):
            raise bad(f"{name} must be an object with path and vendorPath")
        path = check_name(mapped.get("path"), f"{name}.path")
        if not _declares(paths, path):
            raise bad(f"{name}.path '{path}' is not a field of the VDR '{vdr}'")
        check_name(mapped.get("vendorPath"), f"{name}.vendorPath")
        if "configuration" in mapped:
            _configuration(mapped["configuration"], f"{name}.configuration")
        clean = {k: v for k, v in mapped.items() if k not in ("id", "vdrFieldId")}
        fields.append({**clean, "level": mapped.get("level", LEVEL)})
    if "fields" in item:
        transformation["fields"] = fields
    return transformation


def check_document(body: dict[str, Any]) -> dict[str, Any]:
    """An imported v2 document (without ids), its name in `vdrName`. Read tolerantly: the
    name may come as `objectName`, the transformations as `transformations`."""
    version = body.get("vdrVersion", VERSION)
    if version != VERSION:
        raise bad(f"vdrVersion must be '{VERSION}' (this endpoint imports v2 VDRs)")
    name = check_vdr_name(body.get("vdrName", body.get("objectName")), "vdrName")
    definition = present(body, "definition", dict, "definition") or {}
    fields = check_fields(
        present(definition, "fields", list, "definition.fields"), "definition.fields"
    )
    key = "transformation" if "transformation" in body else "transformations"
    transformations = present(body, key, dict, "transformation") or {}
    paths = {f["path"] for f in fields}
    document = {
        k: v
        for k, v in body.items()
        if k not in (*SERVER_KEYS, "transformations", "vdrName", "vdrVersion")
    }
    document.update(
        vdrVersion=VERSION,
        vdrName=name,
        definition={
            **{k: v for k, v in definition.items() if k not in ("id", "objectName", "vdrId")},
            "fields": fields,
        },
        transformation={
            str(key): check_transformation(value, f"transformation['{key}']", paths, name, key)
            for key, value in transformations.items()
        },
    )
    return document
