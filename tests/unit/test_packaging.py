"""The distribution users install: built as a wheel, it carries what Pulumi and the typing
tools read besides the code."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [path] = out.glob("pulumi_openconnectors-*.whl")
    return zipfile.ZipFile(path)


def metadata(wheel: zipfile.ZipFile) -> Message:
    [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode())


def test_the_wheel_declares_no_resource_plugin_and_ships_the_emulator(
    wheel: zipfile.ZipFile,
) -> None:
    names = set(wheel.namelist())
    # Without pulumi-plugin.json the Python language host takes any `pulumi-*` package for a
    # provider plugin named after it ("openconnectors") and tries to download it.
    plugin = json.loads(wheel.read("pulumi_openconnectors/pulumi-plugin.json"))
    assert plugin == {"resource": False}
    assert "pulumi_openconnectors/py.typed" in names
    assert "pulumi_openconnectors/emulator/app.py" in names
    assert not any(n.startswith("tests/") for n in names)


def test_the_wheel_carries_the_version_of_the_package(wheel: zipfile.ZipFile) -> None:
    from pulumi_openconnectors._version import __version__

    assert metadata(wheel)["Version"] == __version__
    assert Path(wheel.filename or "").name.startswith(f"pulumi_openconnectors-{__version__}-")
