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

CLOCK_TOLERANCE = 1.0
"""Seconds. The server's ``Date`` is truncated to the second (so "now" on its clock is known to
within the second before it) and so is ``createdDate``: an object created after the POST was
sent shows a ``createdDate`` at most one second before the estimate. Two creates of one name
within that second cannot be told apart by this marker."""


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
