"""The distribution users install: built as a wheel, it carries what Pulumi and the typing
tools read besides the code."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_wheel_declares_no_resource_plugin_and_ships_the_emulator(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("pulumi_openconnectors-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # Without pulumi-plugin.json the Python language host takes any `pulumi-*` package for a
    # provider plugin named after it ("openconnectors") and tries to download it.
    plugin = json.loads(zipfile.ZipFile(wheel).read("pulumi_openconnectors/pulumi-plugin.json"))
    assert plugin == {"resource": False}
    assert "pulumi_openconnectors/py.typed" in names
    assert "pulumi_openconnectors/emulator/app.py" in names
    assert not any(n.startswith("tests/") for n in names)
