"""EmulatorServer: the emulator on uvicorn in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable

import uvicorn

from .admin_client import AdminClient
from .app import create_app, runtime_of_app
from .logs import uvicorn_log_settings
from .runtime import Runtime
from .settings import API_PREFIX, DEMO_ACCOUNT, OAUTH_CODE_TTL_SECONDS, Account, Settings

AccountLike = Account | tuple[str, str]


def _accounts(accounts: Iterable[AccountLike] | None) -> tuple[Account, ...]:
    if accounts is None:
        return (DEMO_ACCOUNT,)
    result = tuple(a if isinstance(a, Account) else Account(a[0], a[1]) for a in accounts)
    if not result:
        raise ValueError("at least one account is needed")
    return result


class EmulatorServer:
    """Start with `.start()` or `with EmulatorServer() as emu:`; port=0 picks a free port."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        db: str = ":memory:",
        accounts: Iterable[AccountLike] | None = None,
        latency_ms: int = 0,
        clock: Callable[[], float] = time.time,
        oauth_code_ttl: float = OAUTH_CODE_TTL_SECONDS,
    ) -> None:
        self.settings = Settings(
            host=host,
            port=port,
            db=db,
            accounts=_accounts(accounts),
            latency_ms=latency_ms,
            clock=clock,
            oauth_code_ttl=oauth_code_ttl,
        )
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._runtime: Runtime | None = None

    # -- addresses and credentials ---------------------------------------------------------

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the emulator is not running")
        return int(self._socket.getsockname()[1])

    @property
    def root_url(self) -> str:
        host = self.settings.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + API_PREFIX

    @property
    def user_secret(self) -> str:
        return self.settings.accounts[0].user_secret

    @property
    def organization_secret(self) -> str:
        return self.settings.accounts[0].organization_secret

    @property
    def admin(self) -> AdminClient:
        return AdminClient(self.root_url, self.user_secret, self.organization_secret)

    # -- lifecycle -------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> EmulatorServer:
        if self._thread is not None:
            raise RuntimeError("the emulator is already running")
        family = socket.AF_INET6 if ":" in self.settings.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.settings.host, self.settings.port))
        sock.listen(256)
        sock.setblocking(False)
        self._socket = sock
        app = create_app(self.settings)
        self._runtime = runtime_of_app(app)
        config = uvicorn.Config(
            app,
            http="h11",
            lifespan="off",
            timeout_graceful_shutdown=2,
            **uvicorn_log_settings(),
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name="openconnectors-emulator",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._runtime is not None:
            self._runtime.store.close()
        if self._socket is not None:
            self._socket.close()
        self._server = None
        self._thread = None
        self._runtime = None
        self._socket = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
