"""A tiny HTTP server that answers canned responses, for client tests that must not depend on
the emulator's choices (the documents' answers, scripted)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    method: str
    path: str
    query: list[tuple[str, str]]
    body: Any


Script = Callable[[Seen], Answer]


@contextmanager
def scripted_server(script: Script) -> Iterator[tuple[str, list[Seen]]]:
    """Serve ``script`` on loopback; yields (base URL ending in /elements/api-v2, requests)."""
    seen: list[Seen] = []

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            request = Seen(
                method=self.command,
                path=parts.path.removeprefix("/elements/api-v2"),
                query=parse_qsl(parts.query),
                body=json.loads(raw) if raw else None,
            )
            seen.append(request)
            answer = script(request)
            payload = b"" if answer.body is None else json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/elements/api-v2", seen
    finally:
        server.shutdown()
        server.server_close()
