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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give each schemathesis item (one per operation) its own node id.

    schemathesis 4.32 names the item `test[GET /path]` but, on pytest 9, builds its node id
    from the bare function name: every operation then has the same id, and pytest-xdist runs
    only one of them. tests/emulator/test_openapi_fuzz.py checks that the ids stay distinct.
    """
    for item in items:
        if getattr(item, "operation_label", None) and not item.nodeid.endswith("]"):
            item._id = item.parent.id.child(item.name)  # type: ignore[union-attr]
