"""Drive the real `pulumi` CLI (built by scripts/bootstrap_engine.sh) against a file backend
(or any other backend URL, e.g. the local S3 store of tests/e2e/s3.py).

The driver lives in the package (pulumi_openconnectors.devtools), shared with the benchmarks;
these names stay importable from here for the tests.
"""

from __future__ import annotations

from pulumi_openconnectors.devtools.engine import engine_bin
from pulumi_openconnectors.devtools.engine import path_without_venvs as _path_without_venvs
from pulumi_openconnectors.devtools.paths import NOOP_DIR, REPO, VENV
from pulumi_openconnectors.devtools.stack import PASSPHRASE, PulumiFailed, Stack, end_session

__all__ = [
    "NOOP_DIR",
    "PASSPHRASE",
    "REPO",
    "VENV",
    "PulumiFailed",
    "Stack",
    "_path_without_venvs",
    "end_session",
    "engine_bin",
]
