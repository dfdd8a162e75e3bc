"""The distribution users install: built as a wheel, it carries what Pulumi and the typing
tools read besides the code."""

from __future__ import annotations

import json
import re
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

from ..wheel import build_wheel

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    return zipfile.ZipFile(build_wheel(tmp_path_factory.mktemp("wheel")))


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


def test_the_wheel_holds_the_package_and_nothing_else(wheel: zipfile.ZipFile) -> None:
    """Users install the package: its modules and data files, no test or benchmark helper."""
    from pulumi_openconnectors._version import __version__

    dist_info = f"pulumi_openconnectors-{__version__}.dist-info/"
    names = wheel.namelist()
    assert [n for n in names if not n.startswith(("pulumi_openconnectors/", dist_info))] == []

    shipped = {n for n in names if n.startswith("pulumi_openconnectors/")}
    source = {
        str(path.relative_to(REPO / "provider"))
        for path in (REPO / "provider" / "pulumi_openconnectors").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert shipped == source, "the wheel is the source tree of the package, no more, no less"

    helper = re.compile(r"(^|/)(noop|bench\w*|tests?|conftest|test_\w+|\w+_test)(/|\.py$)")
    assert sorted(n for n in shipped if helper.search(n)) == []


def test_the_wheel_accepts_a_range_of_pulumi_sdks(wheel: zipfile.ZipFile) -> None:
    """A library states the SDK range it supports, never the exact version of our own dev
    environment (that lives in requirements/dev.lock): an exact pin breaks or downgrades every
    project on another SDK. tests/e2e/test_sdk_range.py proves both ends of the range."""
    from packaging.requirements import Requirement

    requirements = [Requirement(r) for r in metadata(wheel).get_all("Requires-Dist") or []]
    [pulumi] = [r for r in requirements if r.name == "pulumi"]
    operators = sorted(s.operator for s in pulumi.specifier)
    assert operators == ["<", ">="], f"pulumi{pulumi.specifier}: want >=OLDEST,<NEXT_MAJOR"
    [upper] = [s.version for s in pulumi.specifier if s.operator == "<"]
    assert upper == "4"
    assert not [r for r in requirements if any(s.operator == "==" for s in r.specifier)]


def test_the_wheel_installs_the_provider_plugin_as_a_console_script(
    wheel: zipfile.ZipFile,
) -> None:
    """`pip install` puts `pulumi-resource-openconnectors` on PATH, where the engine finds the
    provider plugin (docs/plugin.md)."""
    [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    entry_points = wheel.read(name).decode()
    assert "pulumi-resource-openconnectors = pulumi_openconnectors.plugin.server:main" in (
        entry_points
    )
