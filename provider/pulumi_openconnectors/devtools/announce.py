"""The line the emulator prints once it listens, and its parser.

``python -m pulumi_openconnectors.emulator`` prints
``Open Connectors emulator listening on http://127.0.0.1:<port>/elements/api-v2`` (the
benchmark's counting emulator: ``counting emulator listening on ...``). With ``--port 0`` the
emulator binds a free port itself and this line is the only way to learn it: no "pick a free
port, then start on it" race.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ANNOUNCE = re.compile(r"emulator listening on (http://(\[[^\]]+\]|[^:/\s]+):(\d+))(/\S*)?")


@dataclass(frozen=True)
class Announced:
    """Where an emulator listens."""

    root_url: str  # http://host:port
    base_url: str  # root_url + the API prefix
    host: str
    port: int


def parse_announce(text: str) -> Announced | None:
    """The first announce line in ``text`` (a log or a line of output), or None."""
    found = ANNOUNCE.search(text)
    if found is None:
        return None
    root = found.group(1)
    return Announced(
        root_url=root,
        base_url=root + (found.group(4) or ""),
        host=found.group(2).strip("[]"),
        port=int(found.group(3)),
    )
