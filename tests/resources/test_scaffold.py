"""A new resource type is one folder and one registry line: the scaffold writes them into a
copy of the package, and the copy then has a public, typed, documented, checked type."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pulumi_openconnectors

PACKAGE = Path(pulumi_openconnectors.__file__).resolve().parent


def _run(args: list[str], cwd: Path, root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_scaffolded_type_is_registered_generated_documented_and_tested(tmp_path: Path) -> None:
    root = tmp_path / "src"
    shutil.copytree(
        PACKAGE, root / "pulumi_openconnectors", ignore=shutil.ignore_patterns("__pycache__")
    )
    before = {p.relative_to(root) for p in root.rglob("*.py")}
    tests, docs = tmp_path / "tests", tmp_path / "docs"
    made = _run(
        [
            "-m",
            "pulumi_openconnectors.resources.scaffold",
            "Widget",
            "--package",
            str(root / "pulumi_openconnectors"),
            "--tests",
            str(tests),
            "--docs",
            str(docs),
        ],
        tmp_path,
        root,
    )
    assert made.returncode == 0, made.stderr
    # by hand: the folder and the registry line; the rest is generated
    added = {p.relative_to(root) for p in root.rglob("*.py")} - before
    folder = Path("pulumi_openconnectors/resources/widget")
    assert added == {
        folder / name
        for name in ("__init__.py", "spec.py", "inputs.py", "rules.py", "operations.py")
    } | {folder / "resource.py", folder / "provider.py"}
    assert '"widget",' in (root / "pulumi_openconnectors/resources/registry.py").read_text()
    assert (docs / "Widget.md").exists() and "Widget" in (docs / "README.md").read_text()

    probe = _run(
        [
            "-c",
            "import inspect, pulumi_openconnectors as oc\n"
            "from pulumi_openconnectors.resources import classes\n"
            "assert 'Widget' in oc.__all__ and classes.Widget is oc.Widget\n"
            "print(sorted(inspect.signature(oc.Widget.__init__).parameters))",
        ],
        tmp_path,
        root,
    )
    assert probe.returncode == 0, probe.stderr
    assert "adopt" in probe.stdout and "extra" in probe.stdout

    stubs = _run(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(tests)],
        tmp_path,
        root,
    )
    assert stubs.returncode == 0, stubs.stdout + stubs.stderr
    assert "4 passed" in stubs.stdout

    again = _run(
        [
            "-m",
            "pulumi_openconnectors.resources.scaffold",
            "Widget",
            "--package",
            str(root / "pulumi_openconnectors"),
            "--tests",
            str(tests),
            "--docs",
            str(docs),
        ],
        tmp_path,
        root,
    )
    assert again.returncode == 2 and "exists already" in again.stderr
