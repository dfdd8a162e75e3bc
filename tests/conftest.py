"""Shared fixtures.

`emulator_server` runs one Open Connectors emulator per test session; under pytest-xdist
every worker is its own process, hence its own session and its own server on its own port.
`emulator` hands it to a test after wiping its state.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_openconnectors.emulator import EmulatorServer


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as server:
        yield server


@pytest.fixture
def emulator(emulator_server: EmulatorServer) -> EmulatorServer:
    emulator_server.admin.reset()
    return emulator_server
