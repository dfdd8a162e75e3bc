"""Transformation rules: the body, checked against its object definition."""

from __future__ import annotations

from typing import Any

from ...bodies import bad, check_bool, check_configuration, check_list, check_name, check_object

SERVER_FIELDS = ("objectName", "level", "startDate")


def check_transformation(
    body: dict[str, Any], object_name: str, definition: dict[str, Any] | None, level: str
) -> dict[str, Any]:
    """The transformation as stored and answered (server fields set, unknown keys kept)."""
    if definition is None:
        raise bad(
            f"objectName '{object_name}' has no object definition: create it first (the "
            "objects a transformation references must exist)"
        )
    known = {str(f.get("path")) for f in definition.get("fields", []) if isinstance(f, dict)}
    transformation = {k: v for k, v in body.items() if k not in SERVER_FIELDS}
    check_name(body.get("vendorName"), "vendorName")
    check_bool(body, "isLegacy")
    transformation.setdefault("isLegacy", False)
    if body.get("script") is not None:
        script = check_object(body["script"], "script")
        if script.get("body") is not None and not isinstance(script["body"], str):
            raise bad("script.body must be a string")
        # as the platform answers a script: its defaults and level filled in
        transformation["script"] = {
            "mimeType": "application/javascript",
            "filterEmptyResponse": False,
            **script,
            "level": level,
        }
    if "configuration" in body:
        transformation["configuration"] = [
            {**item, "level": level}
            for item in check_configuration(body["configuration"], "configuration")
        ]
    fields: list[dict[str, Any]] = []
    for index, field in enumerate(check_list(body.get("fields"), "fields")):
        name = f"fields[{index}]"
        if not isinstance(field, dict):
            raise bad(f"{name} must be an object with path and vendorPath")
        path = check_name(field.get("path"), f"{name}.path")
        if path not in known:
            raise bad(
                f"{name}.path '{path}' is not a field of the object definition '{object_name}'"
            )
        check_name(field.get("vendorPath"), f"{name}.vendorPath")
        for key in ("type", "vendorType"):
            if field.get(key) is not None and not isinstance(field[key], str):
                raise bad(f"{name}.{key} must be a string")
        if "configuration" in field:
            check_configuration(field["configuration"], f"{name}.configuration")
        fields.append({**field, "level": level})
    if "fields" in body:
        transformation["fields"] = fields
    return {**transformation, "objectName": object_name, "level": level}
