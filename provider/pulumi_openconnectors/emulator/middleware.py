"""ASGI middleware: request ids, request log, stats, latency and fault injection."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.routing import BaseRoute, Match

from .errors import error_body, reason
from .faults import Fault
from .logs import log_request
from .runtime import Runtime
from .settings import API_PREFIX

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def route_template(routes: list[BaseRoute], scope: Scope) -> str | None:
    """The template of the route that serves this request (`/instances/{id}`), if any."""
    partial: str | None = None
    for route in routes:
        match, _ = route.matches(scope)
        template = getattr(route, "path_format", None)
        if not isinstance(template, str):
            continue
        if match == Match.FULL:
            return template
        if match == Match.PARTIAL and partial is None:
            partial = template
    return partial


async def close_connection(receive: Receive) -> bool:
    """Close the client's connection without an answer (uvicorn exposes its transport)."""
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    close = getattr(transport, "close", None)
    if not callable(close):
        return False
    close()
    # Let the server see the connection as lost before the app returns, so that it does not
    # try to answer a 500 for a response that was never started.
    for _ in range(3):
        await asyncio.sleep(0)
    return True


async def abort_response(send: Send) -> None:
    """Fallback when the transport is unreachable: start a response, then break it off."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-length", b"1024"), (b"content-type", b"application/json")],
        }
    )
    raise ConnectionAbortedError("emulator fault: response dropped")


async def buffered(receive: Receive) -> Receive:
    """Read the whole request body now; the returned `receive` replays it.

    Used before an injected sleep: a real server has the request once the client has sent
    it, so a client that times out during the delay must not keep the request from running.
    """
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break

    async def replay() -> Message:
        if messages:
            return messages.pop(0)
        return await receive()

    return replay


class EmulatorMiddleware:
    def __init__(self, app: ASGIApp, runtime: Runtime, routes: list[BaseRoute]) -> None:
        self.app = app
        self.runtime = runtime
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = str(uuid.uuid4())
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        method = str(scope["method"])
        path = str(scope["path"])
        outcome = {"status": "-"}

        platform = path == API_PREFIX or path.startswith(API_PREFIX + "/")
        in_flight = [platform]  # counted by the in-flight gauge until answered (or dropped)

        def answered() -> None:
            if in_flight[0]:
                in_flight[0] = False
                self.runtime.stats.finished()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"] = str(message["status"])
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                answered()

        try:
            if platform:
                self.runtime.stats.started()
                try:
                    await self._platform(scope, receive, send, send_with_id, outcome)
                finally:
                    answered()
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            duration_ms = (time.perf_counter() - started) * 1000
            log_request(method, path, outcome["status"], duration_ms, request_id)

    async def _platform(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        send_with_id: Send,
        outcome: dict[str, str],
    ) -> None:
        method = str(scope["method"])
        full_template = route_template(self.routes, scope)
        relative_path = str(scope["path"])[len(API_PREFIX) :] or "/"
        template = None if full_template is None else full_template[len(API_PREFIX) :] or "/"
        if template is not None:
            self.runtime.stats.count(f"{method} {template}")
        fault = self.runtime.faults.pick(method, template, relative_path)
        latency = self.runtime.faults.latency_ms()
        app_receive = receive
        if latency > 0 or (fault is not None and fault.rule.action == "delay"):
            app_receive = await buffered(receive)
        if latency > 0 and not await self.runtime.sleep(latency / 1000):
            await self._drop(receive, send, outcome)
            return
        if fault is None:
            await self.app(scope, app_receive, send_with_id)
            return
        await self._inject(fault, scope, receive, app_receive, send, send_with_id, outcome)

    async def _inject(
        self,
        fault: Fault,
        scope: Scope,
        receive: Receive,
        app_receive: Receive,
        send: Send,
        send_with_id: Send,
        outcome: dict[str, str],
    ) -> None:
        rule = fault.rule
        request_id = str(scope["state"]["request_id"])
        if rule.action == "delay":
            if await self.runtime.sleep((rule.delayMs or 0) / 1000):
                await self.app(scope, app_receive, send_with_id)
            else:
                await self._drop(receive, send, outcome)
        elif rule.action == "status":
            status = rule.status or 503
            await self._send_error(send_with_id, status, request_id, rule.retryAfter)
        elif rule.action == "drop":
            outcome["status"] = "dropped"
            if not await close_connection(receive):
                await abort_response(send)
        else:  # lose_response: execute and commit, then never answer
            swallowed: dict[str, str] = {"status": "-"}

            async def swallow(message: Message) -> None:
                if message["type"] == "http.response.start":
                    swallowed["status"] = str(message["status"])

            await self.app(scope, app_receive, swallow)
            outcome["status"] = f"lost({swallowed['status']})"
            if not await close_connection(receive):
                await abort_response(send)

    @staticmethod
    async def _drop(receive: Receive, send: Send, outcome: dict[str, str]) -> None:
        """A reset ended this request's injected delay: close the connection, run nothing."""
        outcome["status"] = "dropped(reset)"
        if not await close_connection(receive):
            await abort_response(send)

    @staticmethod
    async def _send_error(
        send: Send, status: int, request_id: str, retry_after: int | None
    ) -> None:
        body = json.dumps(
            error_body(request_id, f"{reason(status)} (emulator fault injection)")
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        if retry_after is not None and status in (429, 503):
            headers.append((b"retry-after", str(retry_after).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
