"""Request bodies: the JSON object a handler parses itself, and checks every area shares."""

from __future__ import annotations

import json
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
