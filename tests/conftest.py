"""Shared fixtures.

`emulator_server` runs one Open Connectors emulator per test session; under pytest-xdist
every worker is its own process, hence its own session and its own server on its own port.
`emulator` hands it to a test after wiping its state.

Tests run in random order (pytest-randomly); the seed is printed at the end of every run, so
that an order-dependent failure can be replayed with ``-p randomly --randomly-seed=N``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_openconnectors.emulator import EmulatorServer


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    seed = config.getoption("randomly_seed", default=None)
    if config.pluginmanager.hasplugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(
            f"random test order: replay it with -p randomly --randomly-seed={seed}"
        )


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as server:
        yield server


@pytest.fixture
def emulator(emulator_server: EmulatorServer) -> EmulatorServer:
    emulator_server.admin.reset()
    return emulator_server
