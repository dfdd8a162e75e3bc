"""Command line: ``python -m pulumi_openconnectors oauth {url,catch,emulator-code} ...`` and
``python -m pulumi_openconnectors export ...`` (see :mod:`pulumi_openconnectors.export.cli`) and
``python -m pulumi_openconnectors recover [--delete|--adopt]`` (see :mod:`.recover`) and
``python -m pulumi_openconnectors migrate-to-plugin`` (see :mod:`.migrate`) and
``python -m pulumi_openconnectors graph FORMULA`` (see :mod:`.formulas.cli`).

- ``oauth url``: print the authorize URL for a connector.
- ``oauth catch``: serve a one-shot callback on ``http://127.0.0.1:PORT/callback``, print the
  authorize URL for the user to open, wait for the redirect and print the code.
- ``oauth emulator-code``: get a code from the emulator without a browser.

Settings come from the environment (``OPENCONNECTORS_BASE_URL`` or ``OPENCONNECTORS_REGION``,
``OPENCONNECTORS_USER_SECRET``, ``OPENCONNECTORS_ORGANIZATION_SECRET``) unless given as options.
The api secret may come from ``--api-secret`` or ``OPENCONNECTORS_OAUTH_API_SECRET`` (which
keeps it out of the process list). Errors: one line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlsplit

from .errors import ConfigurationError, OAuthCallbackError, OpenConnectorsError
from .oauth import get_oauth_url, obtain_code_noninteractive, parse_callback

EXIT_ERROR = 2
API_SECRET_ENV = "OPENCONNECTORS_OAUTH_API_SECRET"
CALLBACK_PATH = "/callback"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_openconnectors",
        description="SAP Open Connectors helpers.",
    )
    groups = parser.add_subparsers(dest="group", required=True)
    oauth = groups.add_parser("oauth", help="OAuth 2.0 helpers")
    commands = oauth.add_subparsers(dest="command", required=True)

    def common(sub: argparse.ArgumentParser, callback: bool) -> None:
        sub.add_argument("--element", required=True, help="connector key, e.g. hootsuite")
        sub.add_argument("--api-key", required=True, help="the OAuth app's client id")
        sub.add_argument(
            "--api-secret", help=f"the OAuth app's client secret (default: ${API_SECRET_ENV})"
        )
        if callback:
            sub.add_argument("--callback-url", required=True, help="the OAuth redirect URL")
        sub.add_argument("--state", help="opaque value echoed back with the code")
        sub.add_argument("--scope", help="OAuth scope(s), as the provider expects them")
        sub.add_argument("--site-address", help="the provider site, for connectors that need it")
        sub.add_argument("--base-url", help="API base URL (default: $OPENCONNECTORS_BASE_URL)")

    common(commands.add_parser("url", help="print the authorize URL"), callback=True)
    catch = commands.add_parser("catch", help="catch the redirect on a local port, print the code")
    common(catch, callback=False)
    catch.add_argument("--port", type=int, default=8765, help="local port (default 8765)")
    catch.add_argument("--timeout", type=float, default=300.0, help="seconds to wait (default 300)")
    code = commands.add_parser("emulator-code", help="get a code from the emulator, no browser")
    common(code, callback=True)
    code.add_argument("--deny", action="store_true", help="simulate a user who refuses")
    from .export.cli import add_parser as add_export

    add_export(groups)
    from .fleet.cli import add_parser as add_fleet

    add_fleet(groups)
    from .recover import add_parser as add_recover

    add_recover(groups)
    from .migrate.cli import add_parser as add_migrate

    add_migrate(groups)
    from .formulas.cli import add_parser as add_graph

    add_graph(groups)
    return parser


def _api_secret(args: argparse.Namespace) -> str:
    value: str | None = args.api_secret or os.environ.get(API_SECRET_ENV)
    if not value:
        raise ConfigurationError(
            f"Give the OAuth app's secret with --api-secret or ${API_SECRET_ENV}."
        )
    return value


def _authorize_url(args: argparse.Namespace, callback_url: str, state: str | None) -> str:
    return get_oauth_url(
        args.element,
        api_key=args.api_key,
        api_secret=_api_secret(args),
        callback_url=callback_url,
        state=state,
        scope=args.scope,
        site_address=args.site_address,
        base_url=args.base_url,
    )


class _CallbackServer(HTTPServer):
    received: str | None = None


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _CallbackServer

    def do_GET(self) -> None:
        if urlsplit(self.path).path != CALLBACK_PATH:
            self.send_error(404)
            return
        self.server.received = self.path
        body = b"<html><body>Received. You can close this window.</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the query string carries the code."""


def _catch(args: argparse.Namespace) -> int:
    try:
        server = _CallbackServer(("127.0.0.1", args.port), _CallbackHandler)
    except OSError as exc:
        raise ConfigurationError(
            f"Cannot listen on 127.0.0.1:{args.port} ({exc.strerror}); choose another --port."
        ) from None
    with server:
        port = server.server_address[1]
        callback_url = f"http://127.0.0.1:{port}{CALLBACK_PATH}"
        state = args.state or secrets.token_urlsafe(16)
        url = _authorize_url(args, callback_url, state)
        print(
            f"Register {callback_url} as the OAuth app's callback URL, then open this URL "
            f"in a browser (waiting up to {args.timeout:g} s):",
            file=sys.stderr,
        )
        # On stderr, like the instructions: stdout carries only the code, so that
        # CODE="$(python -m pulumi_openconnectors oauth catch ...)" works.
        print(url, file=sys.stderr, flush=True)
        deadline = time.monotonic() + args.timeout
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
        thread.daemon = True
        thread.start()
        try:
            while server.received is None and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            server.shutdown()
        if server.received is None:
            raise OAuthCallbackError(
                f"No redirect reached {callback_url} within {args.timeout:g} s. Open the URL "
                "above and grant access, or raise --timeout.",
                error="timeout",
            )
        code = parse_callback(callback_url + server.received[len(CALLBACK_PATH) :], state)
    print(code, flush=True)
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.group == "export":
        from .export.cli import run as export

        return export(args)
    if args.group == "recover":
        from .recover import run as recover

        return recover(args)
    if args.group == "migrate-to-plugin":
        from .migrate.cli import run as migrate

        return migrate(args)
    if args.group == "graph":
        from .formulas.cli import run as graph

        return graph(args)
    if args.group == "fleet":
        from .fleet.cli import run as fleet

        return fleet(args)
    if args.command == "url":
        print(_authorize_url(args, args.callback_url, args.state))
        return 0
    if args.command == "catch":
        return _catch(args)
    url = _authorize_url(args, args.callback_url, args.state)
    print(obtain_code_noninteractive(url, args.callback_url, deny=args.deny))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (OpenConnectorsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_ERROR
