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


SERVED = """
from pathlib import Path
from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.devtools.launcher import EmulatorProcess
from pulumi_openconnectors.resources.widget.operations import WidgetOperations

with EmulatorProcess(Path({log!r})) as emulator:
    settings = ClientSettings(
        emulator.base_url, emulator.user_secret, emulator.organization_secret, max_retries=0
    )
    with OpenConnectorsClient(settings) as client:
        ops = WidgetOperations(client)
        ident, made = ops.create({{"name": "w", "extra": {{"note": 1}}, "adopt": False}})
        assert made["name"] == "w" and made["extra"] == {{"note": 1}}, made
        assert made["widget_id"] == ident, made
        assert ops.read(ident, made) == made
        changed = ops.update(ident, made, {{"name": "w", "extra": {{"note": 2}}, "adopt": False}})
        assert changed["extra"] == {{"note": 2}}, changed
        ops.delete(ident, changed)
        assert ops.read(ident, changed) is None
        ops.delete(ident, changed)  # gone already: counts as deleted
print("served")
"""


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
    texts = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
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
            "--bench",
            str(tmp_path / "bench"),
        ],
        tmp_path,
        root,
    )
    assert made.returncode == 0, made.stderr
    # its part in make bench, outside the package users install
    bench = (tmp_path / "bench" / "widget.py").read_text()
    assert "oc.Widget(" in bench and 'held="widgets"' in bench
    # by hand: the folder and the registry line; the rest is generated
    added = {p.relative_to(root) for p in root.rglob("*.py")} - before
    folder = Path("pulumi_openconnectors/resources/widget")
    assert added == {
        folder / name
        for name in (
            "__init__.py",
            "spec.py",
            "inputs.py",
            "rules.py",
            "api.py",
            "operations.py",
        )
    } | {
        folder / "resource.py",
        folder / "outputs.py",  # the typed outputs both classes share
        folder / "provider.py",
        Path("pulumi_openconnectors/native/widget.py"),  # the provider plugin's class
    } | {
        Path("pulumi_openconnectors/emulator/services/widget") / name
        for name in ("__init__.py", "routes.py")
    }
    # outside the two folders: one line in each registry (the types', the emulator's areas),
    # and the three generated modules of all types; no client module (the type's API area is its
    # api.py), nothing else
    changed = {
        path
        for path, text in texts.items()
        if (root / path).exists() and (root / path).read_bytes() != text
    }
    assert changed == {
        Path("pulumi_openconnectors/resources/registry.py"),
        Path("pulumi_openconnectors/emulator/services/__init__.py"),
        Path("pulumi_openconnectors/resources/classes.py"),  # generated
        Path("pulumi_openconnectors/resources/typed_keywords.py"),  # generated: its keywords
        Path("pulumi_openconnectors/native/__init__.py"),  # generated
    }
    for registry in (
        Path("pulumi_openconnectors/resources/registry.py"),
        Path("pulumi_openconnectors/emulator/services/__init__.py"),
    ):
        now = (root / registry).read_text().splitlines()
        assert len(now) == len(texts[registry].decode().splitlines()) + 1
        assert set(now) - set(texts[registry].decode().splitlines()) == {'    "widget",'}
    assert (docs / "Widget.md").exists() and "Widget" in (docs / "README.md").read_text()

    probe = _run(
        [
            "-c",
            "import inspect, pulumi_openconnectors as oc\n"
            "from pulumi_openconnectors.resources import classes\n"
            "assert 'Widget' in oc.__all__ and classes.Widget is oc.Widget\n"
            "from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient\n"
            "from pulumi_openconnectors.resources.widget.api import WidgetAPI\n"
            "client = OpenConnectorsClient(ClientSettings('http://127.0.0.1:9', 'u', 'o'))\n"
            "assert client.area(WidgetAPI) is client.area(WidgetAPI)\n"
            "print(sorted(inspect.signature(oc.Widget.__init__).parameters))",
        ],
        tmp_path,
        root,
    )
    assert probe.returncode == 0, probe.stderr
    assert "adopt" in probe.stdout and "extra" in probe.stdout

    # as scaffolded, the type works against its emulator service: create, read, update, delete
    served = _run(["-c", SERVED.format(log=str(tmp_path / "emulator.log"))], tmp_path, root)
    assert served.returncode == 0, served.stdout + served.stderr
    assert served.stdout.strip() == "served"

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
