"""Request bodies: the JSON object a handler parses itself, and checks every area shares."""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Path, Request

from .errors import ApiError
from .store import Store

MAX_DEPTH = 64
"""Nesting deeper than this is refused (400) before it can exhaust the parser's stack."""


def _not_json(_: str) -> Any:
    raise ValueError("NaN and Infinity are not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _depth(raw: bytes) -> int:
    """The deepest nesting of [ and { outside strings (a cheap scan, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _valid_unicode(value: Any) -> bool:
    """No lone surrogate (a `\\ud800` escape without its pair) in any key or string."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


async def json_object(request: Request) -> dict[str, Any]:
    """A request's body as a JSON object (:func:`parse_json_object`)."""
    return parse_json_object(request.headers.get("content-type"), await request.body())


async def json_object_after(
    request: Request, store: Store, look: Callable[[sqlite3.Connection], object]
) -> dict[str, Any]:
    """The body (:func:`json_object`), read once ``look`` passed in a transaction of its own:
    a missing target answers 404 before a bad body answers 400 (``look`` raises the 404)."""
    with store.transaction() as conn:
        look(conn)
    return await json_object(request)


def parse_json_object(content_type: str | None, raw: bytes) -> dict[str, Any]:
    """The request body as a JSON object.

    415 when it is not JSON (another media type, a syntax error, NaN/Infinity, a number too
    large for a double, an integer of more than 4300 digits); 400 when it is empty, not an
    object, nested more than 64 deep, or has a string with a lone surrogate escape (RFC 8259
    section 8.2: not interoperable, and not storable).
    """
    if content_type:
        media = content_type.split(";", 1)[0].strip().lower()
        if media != "application/json" and not media.endswith("+json"):
            raise ApiError(415, "Unsupported media type: the request body must be JSON")
    if not raw.strip():
        raise ApiError(400, "The request body is required (a JSON object)")
    if _depth(raw) > MAX_DEPTH:
        raise ApiError(400, f"The request body is nested more than {MAX_DEPTH} levels deep")
    try:
        body = json.loads(raw, parse_constant=_not_json, parse_float=_finite)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError(415, "Unsupported media type: the request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object")
    if not _valid_unicode(body):
        raise ApiError(400, "The request body has a string that is not valid Unicode")
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


def check_configuration(value: Any, field: str) -> list[dict[str, Any]]:
    """A transformation's configuration: a list of objects, each with a ``type`` and optional
    ``properties`` (absent or null: empty)."""
    items = check_list(value, field)
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise bad(f"{field}[{index}] must be an object with a type")
        check_name(item.get("type"), f"{field}[{index}].type")
        check_object(item.get("properties"), f"{field}[{index}].properties")
    return items


def check_names(value: Any, field: str) -> list[str]:
    """A list of strings (absent or null: empty)."""
    items = check_list(value, field)
    if not all(isinstance(item, str) for item in items):
        raise bad(f"{field} must be a list of step names (strings)")
    return items


OBJECT_NAME_PATTERN = r"^[A-Za-z0-9_.\-]{1,255}$"
OBJECT_NAME = re.compile(OBJECT_NAME_PATTERN)


ObjectName = Annotated[
    str,
    Path(
        pattern=OBJECT_NAME_PATTERN,
        description="letters, digits, '_', '-', '.' (1 to 255), not '.' or '..'",
    ),
]
"""A path parameter naming an object (common resource)."""


def check_object_name(value: str) -> str:
    """An object (common resource) name: letters, digits, `_`, `-`, `.` (1 to 255), and a path
    segment that names something (not `.` or `..`, which arrive here percent-encoded)."""
    if not OBJECT_NAME.match(value) or value in (".", ".."):
        raise bad("objectName must be 1 to 255 letters, digits, '_', '-' or '.', not '.' or '..'")
    return value
