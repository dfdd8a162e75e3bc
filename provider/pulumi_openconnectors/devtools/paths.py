"""Where the source checkout and its virtualenv are."""

from __future__ import annotations

import os
from pathlib import Path

# provider/pulumi_openconnectors/devtools/paths.py -> the checkout (the package runs from it in
# development: `make venv` installs it editable).
REPO = Path(__file__).resolve().parents[3]
SCRIPTS = REPO / "scripts"
VENV = Path(os.environ.get("OPENCONNECTORS_VENV", REPO / ".venv"))
PYTHON = VENV / "bin" / "python"
# Test and benchmark helpers that are not in the package (bench_noop.py): put on PYTHONPATH by
# the stacks that use them.
NOOP_DIR = SCRIPTS / "bench"


def script(name: str) -> Path:
    """A file of scripts/, which exists only in the source checkout."""
    path = SCRIPTS / name
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: this needs the source checkout of the project")
    return path
