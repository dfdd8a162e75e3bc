"""Python source for literals and calls, laid out as ``ruff format`` lays them out (double
quotes, one item per line with a trailing comma when a line would be too long)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

LINE_LENGTH = 88
INDENT = "    "


@dataclass(frozen=True)
class Code:
    """Python source to insert as it is (an expression such as ``crm.instance_id``)."""

    text: str


@dataclass(frozen=True)
class Call:
    """A call with one string argument (``cfg.require_secret("key")``), split like ruff splits
    it when it does not fit."""

    function: str
    argument: str


_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str, quote: str) -> str:
    if char == quote:
        return "\\" + char
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable() or char == " ":
        return char
    code = ord(char)  # lower-case hex, as ruff format normalises escapes
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def string(value: str) -> str:
    """A string literal as ``ruff format`` writes it: double quotes unless the value holds
    more double than single quotes; non-printable characters escaped."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    return quote + "".join(_escape(c, quote) for c in value) + quote


def width(text: str) -> int:
    """Columns ``text`` takes, as ruff measures a line (wide characters count two, combining
    marks none)."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _flat(value: Any) -> str:
    if isinstance(value, Code):
        return value.text
    if isinstance(value, Call):
        return f"{value.function}({string(value.argument)})"
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string(str(k))}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    raise TypeError(f"cannot render {type(value).__name__}")


def literal(value: Any, indent: int, prefix: int) -> str:
    """``value`` as source starting after ``prefix`` characters on a line indented ``indent``
    levels; exploded over several lines when it does not fit."""
    flat = _flat(value)
    fits = len(INDENT) * indent + prefix + width(flat) + 1 <= LINE_LENGTH
    if isinstance(value, Call) and not fits:
        inner = INDENT * (indent + 1)
        return f"{value.function}(\n{inner}{string(value.argument)}\n{INDENT * indent})"
    if fits or not isinstance(value, (dict, list, tuple)):
        return flat
    inner = INDENT * (indent + 1)
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            key = f"{string(str(k))}: "
            lines.append(f"{inner}{key}{literal(v, indent + 1, width(key))},")
        return "{\n" + "\n".join(lines) + "\n" + INDENT * indent + "}"
    lines = [f"{inner}{literal(v, indent + 1, 0)}," for v in value]
    return "[\n" + "\n".join(lines) + "\n" + INDENT * indent + "]"


def call(target: str | None, function: str, args: list[tuple[str | None, Any]]) -> str:
    """``target = function(args...)`` (or a bare call), one argument per line when long."""
    head = f"{target} = {function}(" if target else f"{function}("
    flat_args = ", ".join(f"{k}={_flat(v)}" if k else _flat(v) for k, v in args)
    if width(head) + width(flat_args) + 1 <= LINE_LENGTH:
        return f"{head}{flat_args})"
    lines = []
    for key, value in args:
        prefix = f"{key}=" if key else ""
        lines.append(f"{INDENT}{prefix}{literal(value, 1, len(prefix))},")
    return head + "\n" + "\n".join(lines) + "\n)"
