"""A local S3-compatible object store for Pulumi state, one per test session.

`s3_backend` (registered in tests/e2e/conftest.py) starts the server of
pulumi_openconnectors.devtools.s3_server
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

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_openconnectors.devtools import s3_server
from pulumi_openconnectors.devtools.s3_server import S3Record


@dataclass(frozen=True)
class S3Backend:
    """A running server (its s3_server record) and its state directory."""

    record: S3Record
    state_dir: Path

    def new_prefix(self) -> str:
        return f"e2e-{uuid.uuid4().hex[:10]}"

    def url(self, prefix: str = "") -> str:
        return self.record.backend_url(prefix)

    @property
    def credentials_env(self) -> dict[str, str]:
        """AWS_* variables for the `pulumi` CLI (the URL goes in PULUMI_BACKEND_URL)."""
        return {k: v for k, v in self.record.env().items() if k != "PULUMI_BACKEND_URL"}

    def env(self, prefix: str = "") -> dict[str, str]:
        """PULUMI_BACKEND_URL and the AWS_* variables."""
        return self.record.env(prefix)

    def object_dir(self, prefix: str = "") -> Path:
        """Where the posix backend keeps the objects under `prefix`, as plain files."""
        return Path(self.record.data_dir, self.record.bucket, prefix)

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
