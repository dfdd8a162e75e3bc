"""Fixtures of the emulator contract tests: a server with two organizations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import platform_headers

OTHER_ACCOUNT = ("other-user", "other-org")
OTHER = platform_headers(*OTHER_ACCOUNT)


@pytest.fixture(scope="session")
def two_org_server() -> Iterator[EmulatorServer]:
    accounts = [("demo-user-secret", "demo-organization-secret"), OTHER_ACCOUNT]
    with EmulatorServer(port=0, accounts=accounts) as server:
        yield server


@pytest.fixture
def two_org_emulator(two_org_server: EmulatorServer) -> EmulatorServer:
    """The two-organization emulator, wiped; the second organization's header is `OTHER`."""
    two_org_server.admin.reset()
    return two_org_server
