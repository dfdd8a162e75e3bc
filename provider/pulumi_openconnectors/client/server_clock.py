"""The server's clock, as far as the ``Date`` headers of its answers tell."""

from __future__ import annotations

import email.utils
import time


class ServerClock:
    """How far the server's clock is from ours (second resolution; 0 before any answer)."""

    def __init__(self) -> None:
        self._offset = 0.0

    def note(self, date_header: str | None) -> None:
        """Remember the offset an answer's ``Date`` header shows (ignored when unreadable)."""
        if not date_header:
            return
        try:
            server = email.utils.parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError):
            return
        self._offset = server - time.time()

    def now(self) -> float:
        """Now on the server's clock (epoch seconds)."""
        return time.time() + self._offset
