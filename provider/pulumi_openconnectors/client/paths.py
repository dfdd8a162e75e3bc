"""Request paths: a route template, filled. The template is written once per call; the
:class:`Path` carries both the filled path (what is sent, what messages name) and its template
(what the request counters count)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Path:
    """A request path relative to the base URL (no query string) and the route it fills."""

    text: str
    template: str

    def __str__(self) -> str:
        return self.text


def route(template: str, **values: str | int) -> Path:
    """``template`` filled with ``values`` (see :func:`fill_path`); a fixed route without any."""
    return Path(fill_path(template, **values), template)


def fill_path(template: str, **values: str | int) -> str:
    """Fill a route template, each value quoted as one path segment; ``.`` and ``..`` as
    ``%2E`` and ``%2E%2E``, which an HTTP library does not remove from the path as it does
    dot segments (the call would reach another route)."""
    return template.format(**{k: _segment(str(v)) for k, v in values.items()})


def _segment(value: str) -> str:
    return "%2E" * len(value) if value in (".", "..") else quote(value, safe="")
