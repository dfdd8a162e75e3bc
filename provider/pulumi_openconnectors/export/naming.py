"""Stable names for what an export writes: the same account gives the same names every time."""

from __future__ import annotations

import keyword
import re


def slug(text: str, fallback: str = "item") -> str:
    """A lower-case ``a-z0-9-`` name (``"Sales CRM (EU)"`` -> ``"sales-crm-eu"``)."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value or fallback


def identifier(text: str) -> str:
    """A Python variable name from a slug (``"sales-crm"`` -> ``"sales_crm"``)."""
    value = re.sub(r"[^a-zA-Z0-9]+", "_", text).strip("_").lower() or "item"
    if value[0].isdigit():
        value = f"r_{value}"
    if keyword.iskeyword(value) or value in {"pulumi", "oc", "cfg", "retain"}:
        value = f"{value}_"
    return value


class Names:
    """Hands out unique names: the first asker of a name gets it, later ones get ``-2``…"""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def unique(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self._taken:
            name = f"{wanted}-{n}"
            n += 1
        self._taken.add(name)
        return name
