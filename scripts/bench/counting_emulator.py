"""The emulator, plus a TCP-connection counter, for scripts/bench_deploy.py (not a test).

    python scripts/bench/counting_emulator.py [--host H] [--port P] [--latency-ms N]

With --port 0 (the default) it binds a free loopback port itself and announces it on stdout:
``counting emulator listening on http://127.0.0.1:<port>/elements/api-v2``.

Serves exactly what ``python -m pulumi_openconnectors.emulator --db :memory:`` serves (same
app factory, same uvicorn/h11 settings), wrapped in a tiny ASGI layer that records the
client address (host, port) of every platform request (under ``/elements/api-v2``). Each TCP
connection has its own client port, so the number of distinct addresses seen between two
resets is the number of connections the clients opened (keep-alive reuse shows as fewer
connections than requests). Extra loopback-only routes, no credentials:

    GET  /_bench/connections        {"connections": n, "requests": m}
    POST /_bench/connections/reset  {}
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn

from pulumi_openconnectors.emulator.app import create_app
from pulumi_openconnectors.emulator.logs import configure_cli_logging, uvicorn_log_settings
from pulumi_openconnectors.emulator.settings import API_PREFIX, DEMO_ACCOUNT, Settings

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ConnectionCounter:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.clients: set[tuple[str, int]] = set()
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = str(scope.get("path", ""))
            if path.startswith("/_bench/connections"):
                await self._admin(scope, send)
                return
            if path.startswith(API_PREFIX):
                client = scope.get("client")
                if client is not None:
                    self.clients.add((str(client[0]), int(client[1])))
                self.requests += 1
        await self.app(scope, receive, send)

    async def _admin(self, scope: Scope, send: Send) -> None:
        if scope["method"] == "POST" and scope["path"].endswith("/reset"):
            self.clients.clear()
            self.requests = 0
            body: dict[str, int] = {}
        else:
            body = {"connections": len(self.clients), "requests": self.requests}
        payload = json.dumps(body).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(payload)),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (loopback)")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args()
    settings = Settings(
        host=args.host,
        port=args.port,
        db=":memory:",
        accounts=(DEMO_ACCOUNT,),
        latency_ms=args.latency_ms,
    )
    configure_cli_logging(args.log_level)
    config = uvicorn.Config(
        ConnectionCounter(create_app(settings)),
        host=args.host,
        port=args.port,
        http="h11",
        lifespan="off",
        log_level=args.log_level.lower(),
        **uvicorn_log_settings(),
    )
    # Bind (and listen) here, then announce the port actually bound: no free-port race.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(2048)
    port = int(sock.getsockname()[1])
    print(f"counting emulator listening on http://{args.host}:{port}{API_PREFIX}", flush=True)
    print(f"counting emulator on {args.host}:{port}", file=sys.stderr, flush=True)
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
