"""The emulator's command line: a bad argument is one line on stderr and exit 2, never a
traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pulumi_openconnectors.emulator", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "/nonexistent/dir/e.db"], "--db: the directory /nonexistent/dir does not exist"),
        (["--db", "{tmp}"], "--db: {tmp} is a directory; name a file in it (e.g. {tmp}/e.db)"),
        (["--db", "{tmp}/not-sqlite.db"], "--db: {tmp}/not-sqlite.db is not an SQLite database"),
        (["--port", "70000"], "--port: must be a number from 0 to 65535 (0: any free port)"),
        (["--port", "-5"], "--port: must be a number from 0 to 65535 (0: any free port)"),
        (["--port", "x"], "--port: must be a number from 0 to 65535 (0: any free port)"),
        (["--latency-ms", "-1"], "--latency-ms must not be negative"),
        (["--account", "nocolon"], "--account"),
    ],
)
def test_a_bad_argument_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    (tmp_path / "not-sqlite.db").write_text("this is not a database, " * 100)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("openconnectors-emulator: error: ")
    assert expected.replace("{tmp}", str(tmp_path)) in lines[0]
    assert result.stdout == ""
