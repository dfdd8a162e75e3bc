"""Validators and conversions the input models of several types share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any


def whole_number(value: Any) -> Any:
    """A ``mode="before"`` validator: integers as the engine sends them (``5.0``, ``"5"``)."""
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError("must be a whole number")
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def iso_utc(moment: datetime | None) -> str | None:
    """``2026-01-01T00:00:00Z``; None stays None."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def string_map(
    value: Any, convert: Callable[[Any], str], mapping: str, keys: str
) -> dict[str, str] | None:
    """A map with non-empty text keys and values converted by ``convert`` (None stays None);
    ``mapping``/``keys`` name them in errors ("a mapping of strings", "non-empty strings")."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError(f"must be {mapping}, got {type(value).__name__}")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f"keys must be {keys}")
        try:
            out[key] = convert(item)
        except ValueError as exc:
            raise ValueError(f"[{key!r}] {exc}") from None
    return out
