"""Build the wheel users would install, from a clean copy of the working tree.

`pip wheel .` builds in the source tree, and setuptools reuses ``build/lib`` from earlier builds
without removing what is gone from the source: a module deleted since (or a file left by a
branch switch) would still be packed. A copy without build products avoids that.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".*_cache",
    ".state",
    "bench-results",
)


def build_wheel(dest: Path) -> Path:
    """Build pulumi-openconnectors' wheel into `dest` (a new directory); return its path."""
    source = dest / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE, symlinks=True)
    out = dest / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise AssertionError(f"building the wheel failed:\n{result.stdout}\n{result.stderr}")
    [wheel] = out.glob("pulumi_openconnectors-*.whl")
    return wheel
