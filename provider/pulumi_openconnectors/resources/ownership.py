"""Ownership markers for objects that cannot carry a tag (formulas, formula instances).

Such an object is recognised as the one a create made by its name and a creation time at or
after the moment the create was sent, on the server's clock (the client learns it from the
API's ``Date`` headers; one second resolution, so a tolerance of ``CLOCK_TOLERANCE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..client import OpenConnectorsClient

CLOCK_TOLERANCE = 2.0
"""Seconds: the server's ``Date`` and ``createdDate`` both have second resolution."""


@dataclass(frozen=True)
class CreatedSince:
    """ "Created at or after this server time" (epoch seconds)."""

    value: float

    @classmethod
    def now(cls, client: OpenConnectorsClient) -> CreatedSince:
        return cls(client.server_time())

    @classmethod
    def from_state(cls, value: Any) -> CreatedSince | None:
        try:
            return None if value is None else cls(float(value))
        except (TypeError, ValueError):
            return None

    @property
    def marker(self) -> str:
        """A description of the marker for messages."""
        moment = datetime.fromtimestamp(self.value, tz=timezone.utc)
        return f"created at or after {moment.isoformat(timespec='seconds')}"

    def covers(self, created: datetime | None) -> bool:
        if created is None:
            return False
        if created.tzinfo is None:
            created = created.replace(tzinfo=timezone.utc)
        return created.timestamp() >= self.value - CLOCK_TOLERANCE
