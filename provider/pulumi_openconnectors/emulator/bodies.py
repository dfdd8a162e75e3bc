"""Request bodies: the JSON object a handler parses itself, and checks every area shares."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import ApiError


def parse_json_object(content_type: str | None, raw: bytes) -> dict[str, Any]:
    """The request body as a JSON object: 415 when it is not JSON, 400 when not an object."""
    if content_type:
        media = content_type.split(";", 1)[0].strip().lower()
        if media != "application/json" and not media.endswith("+json"):
            raise ApiError(415, "Unsupported media type: the request body must be JSON")
    if not raw.strip():
        raise ApiError(400, "The request body is required (a JSON object)")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(415, "Unsupported media type: the request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object")
    return body


def check_bool(body: dict[str, Any], field: str) -> bool | None:
    """`body[field]` when it is a boolean, None when absent or null; 400 otherwise."""
    value = body.get(field)
    if value is not None and not isinstance(value, bool):
        raise ApiError(400, f"{field} must be a boolean")
    return value


def bad(message: str) -> ApiError:
    return ApiError(400, message)


def check_name(value: Any, field: str = "name") -> str:
    """A required, non-blank string."""
    if value is None:
        raise bad(f"{field} is required")
    if not isinstance(value, str):
        raise bad(f"{field} must be a string")
    if not value.strip():
        raise bad(f"{field} must not be empty")
    return value


def check_optional_str(body: dict[str, Any], key: str, field: str | None = None) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise bad(f"{field or key} must be a string")
    return value


def check_list(value: Any, field: str) -> list[Any]:
    """A list (absent or null: empty)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad(f"{field} must be a list")
    return value


def check_object(value: Any, field: str) -> dict[str, Any]:
    """A JSON object (absent or null: empty)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad(f"{field} must be an object")
    return value


def check_names(value: Any, field: str) -> list[str]:
    """A list of strings (absent or null: empty)."""
    items = check_list(value, field)
    if not all(isinstance(item, str) for item in items):
        raise bad(f"{field} must be a list of step names (strings)")
    return items


OBJECT_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,255}$")


def check_object_name(value: str) -> str:
    """An object (common resource) name: letters, digits, `_`, `-`, `.` (1 to 255)."""
    if not OBJECT_NAME.match(value):
        raise bad("objectName must be 1 to 255 letters, digits, '_', '-' or '.'")
    return value
