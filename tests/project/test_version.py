"""The version is written down once, in pulumi_openconnectors/_version.py: the package, the
emulator's OpenAPI document and the distribution metadata (pyproject, dynamic) all read it.
The built wheel's metadata is checked in test_packaging.py."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

REPO = Path(__file__).resolve().parents[2]
VERSION_FILE = "provider/pulumi_openconnectors/_version.py"
# An assignment of a string literal to a version-like name: `__version__ = "1.2.3"`, `VERSION = ...`
LITERAL = re.compile(r"""^\s*(__version__|VERSION|version)\s*(:[^=]+)?=\s*["'][0-9]""", re.M)


def test_the_version_is_written_in_one_place() -> None:
    stated = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "provider").rglob("*.py")
        if LITERAL.search(path.read_text())
    )
    assert stated == [VERSION_FILE]

    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "version" not in project["project"], "pyproject states a version of its own"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "pulumi_openconnectors._version.__version__"
    }


def test_the_package_and_the_emulator_report_that_version() -> None:
    import pulumi_openconnectors
    from pulumi_openconnectors import _version
    from pulumi_openconnectors.emulator.app import create_app

    assert re.fullmatch(r"\d+\.\d+\.\d+([a-z0-9.+-]*)", _version.__version__)
    assert pulumi_openconnectors.__version__ == _version.__version__
    app = create_app()
    assert app.version == _version.__version__
    assert app.openapi()["info"]["version"] == _version.__version__
