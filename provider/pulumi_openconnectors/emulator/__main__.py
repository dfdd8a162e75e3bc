"""Command line: `python -m pulumi_openconnectors.emulator` (or `openconnectors-emulator`).

python -m pulumi_openconnectors.emulator [--port P] [--db FILE] ...   the server, in the
                                                                      foreground
python -m pulumi_openconnectors.emulator start|stop|status [--state-dir .state]
    a detached emulator of `make up` / `make down` (see devtools/background.py)
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import uvicorn

from ..devtools import background
from .app import create_app
from .logs import configure_cli_logging, uvicorn_log_settings
from .settings import (
    API_PREFIX,
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEMO_ACCOUNT,
    Settings,
    parse_account,
)


class _Parser(argparse.ArgumentParser):
    """Errors are one line on stderr and exit 2 (no usage block, no traceback)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _port(text: str) -> int:
    value = int(text) if text.strip().lstrip("-").isdigit() else -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be a number from 0 to 65535 (0: any free port)")
    return value


def _db_problem(db: str) -> str | None:
    """Why ``--db`` cannot be a database file, found before SQLite says it less clearly."""
    if db == ":memory:":
        return None
    path = Path(db)
    if path.is_dir():
        return f"--db: {db} is a directory; name a file in it (e.g. {path / 'e.db'})"
    if not path.parent.is_dir():
        return f"--db: the directory {path.parent} does not exist"
    return None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="openconnectors-emulator",
        description="Local emulator of the SAP Open Connectors platform API.",
        epilog=(
            "start|stop|status [--state-dir .state] instead of the options: a background "
            "emulator on a free loopback port, as `make up` / `make down` use it"
        ),
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default loopback)")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help="port (0: any free port)")
    parser.add_argument("--db", default=":memory:", help="SQLite file, or :memory: (default)")
    parser.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="USER_SECRET:ORG_SECRET",
        help="add an account (its own organization); repeatable",
    )
    parser.add_argument("--latency-ms", type=int, default=0, help="latency added to each call")
    parser.add_argument("--log-level", default="info", help="debug, info, warning, error")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    words = list(sys.argv[1:] if argv is None else argv)
    if words and words[0] in background.COMMANDS:
        background.main(words, prog="python -m pulumi_openconnectors.emulator")
        return
    parser = _parser()
    args = parser.parse_args(words)
    try:
        extra = tuple(parse_account(a) for a in args.account)
    except ValueError as exc:
        parser.error(f"--account: {exc}")
    if args.latency_ms < 0:
        parser.error("--latency-ms must not be negative")
    if (problem := _db_problem(args.db)) is not None:
        parser.error(problem)
    settings = Settings(
        host=args.host,
        port=args.port,
        db=args.db,
        accounts=(DEMO_ACCOUNT, *extra),
        latency_ms=args.latency_ms,
    )
    configure_cli_logging(args.log_level)
    try:
        app = create_app(settings)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            parser.error(f"--db: {args.db} is not an SQLite database")
        parser.error(f"--db: cannot use {args.db}: {exc}")
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        http="h11",
        lifespan="off",
        log_level=args.log_level.lower(),
        **uvicorn_log_settings(),
    )
    server = uvicorn.Server(config)
    _announce_when_started(server, settings)
    server.run()


def _announce_when_started(server: uvicorn.Server, settings: Settings) -> None:
    """Print the base URL (with the real port) and the credentials once uvicorn listens."""
    startup = server.startup

    async def startup_and_announce(sockets: list[socket.socket] | None = None) -> None:
        await startup(sockets=sockets)
        port = settings.port
        for srv in getattr(server, "servers", []):
            for sock in getattr(srv, "sockets", []):
                port = int(sock.getsockname()[1])
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(f"Open Connectors emulator listening on http://{host}:{port}{API_PREFIX}")
        print(f"  user secret:         {settings.accounts[0].user_secret}")
        print(f"  organization secret: {settings.accounts[0].organization_secret}")
        if len(settings.accounts) > 1:
            print(f"  plus {len(settings.accounts) - 1} account(s) from --account")
        print("  database:", settings.db)
        sys.stdout.flush()

    server.startup = startup_and_announce  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
