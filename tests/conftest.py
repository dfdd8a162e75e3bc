"""Shared fixtures, and the check that a test session leaves no process behind.

`emulator_server` runs one Open Connectors emulator per test session; under pytest-xdist
every worker is its own process, hence its own session and its own server on its own port.
`emulator` hands it to a test after wiping its state.

Tests run in random order (pytest-randomly); the seed is printed at the end of every run, so
that an order-dependent failure can be replayed with ``-p randomly --randomly-seed=N``.

Every process a test starts inherits ``OC_TEST_SESSION_RUN=<id of this session>`` (see
tests/leaks.py); when the session ends (all fixtures torn down, xdist workers stopped), a
process still carrying it fails the run, and is ended.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from pulumi_openconnectors.child_signals import let_children_be_interrupted
from pulumi_openconnectors.emulator import EmulatorServer

from .leaks import RUN_VARIABLE, collect


def pytest_configure(config: pytest.Config) -> None:
    # Run in the background (SIGINT ignored), every `pulumi` a test starts would wait 5 s for
    # its plugins to end (see pulumi_openconnectors/child_signals.py).
    let_children_be_interrupted()
    # Go's collector at 4 times its default heap growth, for the Go programs the tests start
    # (the `pulumi` CLI, its Go language hosts, the S3 server): the CLI allocates about 20 MB
    # while its packages initialise (GODEBUG=inittrace=1: two copies of a password-strength
    # dictionary), so at the default it collects several times before doing anything. Measured
    # here: 0.08 CPU-s less per command (a `stack export` 0.27 -> 0.19, a `preview` 1.96 ->
    # 1.86). Nothing the tests check depends on it; a GOGC already set is kept.
    os.environ.setdefault("GOGC", "400")
    # The controller sets it before xdist starts its workers, which inherit it.
    if not hasattr(config, "workerinput"):
        os.environ[RUN_VARIABLE] = uuid.uuid4().hex


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):
        return  # the controller checks, once every worker has ended
    run_id = os.environ.get(RUN_VARIABLE)
    if not run_id:
        return
    left = collect(run_id)
    if not left:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"{len(left)} process(es) started by this test session were still running (ended):"]
    lines += [f"  {leftover}" for leftover in left]
    if reporter is not None:
        reporter.write_line("\n".join(lines), red=True)
    else:
        print("\n".join(lines))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
