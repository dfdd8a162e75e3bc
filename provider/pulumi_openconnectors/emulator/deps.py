"""FastAPI dependencies: the runtime and the authenticated account."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from .auth import platform_account
from .runtime import Runtime
from .settings import Account

authorization_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="OpenConnectorsAuth",
    description=(
        "`User <userSecret>, Organization <orgSecret>` for platform calls; "
        "`User <userSecret>, Element <instanceToken>` for hub calls."
    ),
)


def runtime_of(request: Request) -> Runtime:
    return cast(Runtime, request.app.state.runtime)


async def _runtime(request: Request) -> Runtime:
    return runtime_of(request)


async def _platform_account(
    request: Request,
    authorization: Annotated[str | None, Security(authorization_header)],
) -> Account:
    return platform_account(runtime_of(request).settings.accounts, authorization)


RuntimeDep = Annotated[Runtime, Depends(_runtime)]
AccountDep = Annotated[Account, Depends(_platform_account)]
AuthorizationDep = Annotated[str | None, Security(authorization_header)]
