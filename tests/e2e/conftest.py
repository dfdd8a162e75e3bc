from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pulumi_openconnectors.devtools.engine import engine_bin
from pulumi_openconnectors.devtools.stack import Stack
from pulumi_openconnectors.emulator import EmulatorServer

from .organizations import DEMO_ACCOUNT, OTHER_ACCOUNT
from .s3 import s3_backend

__all__ = ["s3_backend"]  # a fixture: Pulumi state in a local S3 store (see s3.py)


@pytest.fixture(scope="session")
def engine() -> Path:
    """The engine's bin directory; built on first use (see scripts/bootstrap_engine.sh)."""
    return engine_bin()


@pytest.fixture
def stack_factory(tmp_path: Path, engine: Path) -> Callable[..., Stack]:
    created: list[Stack] = []

    def make(program: str, **kwargs: object) -> Stack:
        index = len(created)
        workdir = tmp_path / f"stack{index}"
        log_dir = tmp_path
        stack = Stack(workdir=workdir, bin_dir=engine, program=program, log_dir=log_dir, **kwargs)  # type: ignore[arg-type]
        created.append(stack)
        return stack

    return make


@pytest.fixture(scope="module")
def two_organizations() -> Iterator[EmulatorServer]:
    """An emulator with two accounts (two organizations; see organizations.py)."""
    with EmulatorServer(port=0, accounts=[DEMO_ACCOUNT, OTHER_ACCOUNT]) as server:
        yield server
