"""``pulumi-resource-openconnectors``: the provider plugin's executable (a console script).

The engine starts it with its own address, reads the port it prints and talks gRPC to it.
The plugin reports the package's version (the engine compares it with the version it expects).
The SDK's ``pulumi.provider.experimental.server`` serves the provider; the errors of our own
(an API refusal, a missing setting) reach the user as their message, without a wrapper.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Awaitable
from typing import Any, TypeVar

import grpc
import grpc.aio
from pulumi.provider.experimental.server import ProviderServicer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import provider_pb2_grpc

from .._version import __version__
from ..errors import OpenConnectorsError
from .provider import OpenConnectorsProvider

R = TypeVar("R")


async def _plainly(call: Awaitable[R], context: Any) -> R:
    """A gRPC call whose errors of our own end it with their message alone."""
    try:
        return await call
    except (OpenConnectorsError, LookupError) as exc:
        await context.abort(grpc.StatusCode.UNKNOWN, str(exc))
        raise  # abort raises; not reached


class Servicer(ProviderServicer):
    """The SDK's servicer, with our errors as plain messages."""

    async def Configure(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Configure(request, context), context)

    async def Check(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Check(request, context), context)

    async def Diff(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Diff(request, context), context)

    async def Create(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Create(request, context), context)  # type: ignore[no-untyped-call]

    async def Read(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Read(request, context), context)  # type: ignore[no-untyped-call]

    async def Update(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Update(request, context), context)  # type: ignore[no-untyped-call]

    async def Delete(self, request: Any, context: Any) -> Any:
        return await _plainly(super().Delete(request, context), context)  # type: ignore[no-untyped-call]


async def serve(engine_address: str, args: list[str]) -> None:
    """What ``pulumi.provider.experimental.server.main`` does, with :class:`Servicer`."""
    server = grpc.aio.server(options=_GRPC_CHANNEL_OPTIONS)
    servicer = Servicer(args, __version__, OpenConnectorsProvider(), engine_address=engine_address)
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(servicer, server)
    port = server.add_insecure_port(address="127.0.0.1:0")
    await server.start()
    sys.stdout.buffer.write(f"{port}\n".encode())
    sys.stdout.buffer.flush()
    await server.wait_for_termination()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        prog="pulumi-resource-openconnectors",
        description="The Pulumi provider plugin of pulumi-openconnectors (started by the engine).",
    )
    parser.add_argument("engine", help="the Pulumi engine's address")
    parser.add_argument("--logflow", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--logtostderr", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=__version__)
    known, _ = parser.parse_known_args(args)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(known.engine, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
