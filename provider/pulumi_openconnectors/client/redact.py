"""Redaction of known secrets from any text that goes into an exception or a log line.

The client registers every secret it knows (user secret, organization secret, bearer token,
instance tokens it has seen, configuration values it sent) with one :class:`Redactor`, and runs
every message through :meth:`Redactor.redact` before it leaves the client. Each secret is also
matched in its URL-encoded and JSON-escaped spellings, because that is how it appears in query
strings and echoed bodies.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "***"
MIN_LENGTH = 3
"""Shorter strings are not registered: masking "a" or "1" everywhere would garble messages."""


def _spellings(secret: str) -> set[str]:
    forms = {
        secret,
        quote(secret, safe=""),
        quote(secret),
        quote_plus(secret),
        json.dumps(secret)[1:-1],
    }
    return {form for form in forms if len(form) >= MIN_LENGTH}


class Redactor:
    """A thread-safe set of secrets, and the function that masks them in text."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._lock = threading.Lock()
        self._forms: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        """Register secrets; ``None``, empty and very short values are ignored."""
        new: set[str] = set()
        for secret in secrets:
            if secret is not None and len(secret) >= MIN_LENGTH:
                new |= _spellings(secret)
        with self._lock:
            if new <= self._forms:
                return
            self._forms |= new
            # Compiled on the next redact(), not here: recompiling an ever longer alternation
            # on every add (each new instance token) made creates O(n^2).
            self._pattern = None

    def redact(self, text: str) -> str:
        """Return ``text`` with every registered secret replaced by ``***``."""
        if not text:
            return text
        pattern = self._pattern
        if pattern is None:
            with self._lock:
                if not self._forms:
                    return text
                if self._pattern is None:
                    longest_first = sorted(self._forms, key=len, reverse=True)
                    self._pattern = re.compile("|".join(re.escape(f) for f in longest_first))
                pattern = self._pattern
        return pattern.sub(MASK, text)

    def __len__(self) -> int:
        return len(self._forms)

    def __repr__(self) -> str:
        return f"Redactor(<{len(self._forms)} masked spellings>)"
