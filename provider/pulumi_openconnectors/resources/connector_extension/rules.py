"""The documented rules of a ConnectorExtension across its inputs (pure: unit-test them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def problems(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(property, message) for each documented rule the document breaks."""
    return []
