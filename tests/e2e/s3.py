"""A local S3-compatible object store for Pulumi state, one per test session.

`s3_backend` (registered in tests/e2e/conftest.py) starts scripts/s3_server.py's server
(versitygw, built on first use by scripts/bootstrap_s3.sh) on a free loopback port and stops it
at the end of the session; only sessions with a test that asks for it start one. Under
pytest-xdist every worker is its own session, hence its own server. Tests keep their stacks
apart with a key prefix each:

    def test_x(stack_factory, s3_backend: S3Backend) -> None:
        prefix = s3_backend.new_prefix()
        stack = stack_factory(PROGRAM, backend_url=s3_backend.url(prefix),
                              extra_env=s3_backend.credentials_env)
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .harness import REPO


def _load_s3_server() -> ModuleType:
    """scripts/s3_server.py (a script, not a package module) loaded by path."""
    name = "openconnectors_s3_server"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "s3_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


s3_server = _load_s3_server()


@dataclass(frozen=True)
class S3Backend:
    """A running server (its scripts/s3_server.py record) and its state directory."""

    record: Any  # s3_server.S3Record
    state_dir: Path

    def new_prefix(self) -> str:
        return f"e2e-{uuid.uuid4().hex[:10]}"

    def url(self, prefix: str = "") -> str:
        return str(self.record.backend_url(prefix))

    @property
    def credentials_env(self) -> dict[str, str]:
        """AWS_* variables for the `pulumi` CLI (the URL goes in PULUMI_BACKEND_URL)."""
        env: dict[str, str] = self.record.env()
        return {k: v for k, v in env.items() if k != "PULUMI_BACKEND_URL"}

    def env(self, prefix: str = "") -> dict[str, str]:
        """PULUMI_BACKEND_URL and the AWS_* variables."""
        return dict(self.record.env(prefix))

    def object_dir(self, prefix: str = "") -> Path:
        """Where the posix backend keeps the objects under `prefix`, as plain files."""
        return Path(str(self.record.data_dir), str(self.record.bucket), prefix)

    def lock_files(self, prefix: str = "") -> list[Path]:
        locks = self.object_dir(prefix) / ".pulumi" / "locks"
        return sorted(p for p in locks.rglob("*.json") if p.is_file())


@pytest.fixture(scope="session")
def s3_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Backend]:
    state = tmp_path_factory.mktemp("s3")
    record = s3_server.start(state)
    try:
        yield S3Backend(record=record, state_dir=state)
    finally:
        s3_server.stop(state)
