"""The development environment is requirements/dev.lock: exact versions with hashes, compiled
(`make lock`) from requirements/dev.in, installed by scripts/setup_python.sh. The package itself
only states ranges (pyproject.toml); the lock is what this repository's tests and CI run on."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import tomllib
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements" / "dev.lock"


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: int

    def applies(self) -> bool:
        return self.marker is None or self.marker.evaluate()


def pins() -> list[Pin]:
    found: list[Pin] = []
    for entry in re.split(r"\n(?=\S)", LOCK.read_text()):
        if entry.startswith("#") or not entry.strip():
            continue
        requirement = Requirement(entry.split("\\")[0].strip())
        [spec] = list(requirement.specifier)
        assert spec.operator == "==", entry
        hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", entry))
        name = canonicalize_name(requirement.name)
        found.append(Pin(name, spec.version, requirement.marker, hashes))
    return found


def test_the_lock_pins_every_requirement_of_the_package_and_its_dev_extras() -> None:
    locked = pins()
    assert locked and all(p.hashes > 0 for p in locked), "every pin carries its hashes"
    by_name: dict[str, list[Pin]] = {}
    for pin in locked:
        by_name.setdefault(pin.name, []).append(pin)

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = [
        *project["dependencies"],
        *project["optional-dependencies"]["emulator"],
        *project["optional-dependencies"]["dev"],
    ]
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if name == "pulumi-openconnectors":
            continue  # the dev extra includes the emulator extra
        assert name in by_name, f"{text} is not in requirements/dev.lock: run `make lock`"
        for pin in by_name[name]:
            assert pin.version in requirement.specifier, f"{name}=={pin.version} vs {text}"


def test_the_lock_pins_the_sdk_of_the_cli_the_tests_run() -> None:
    script = (REPO / "scripts" / "bootstrap_engine.sh").read_text()
    cli = re.search(r'PULUMI_VERSION="\$\{PULUMI_VERSION:-([0-9.]+)\}"', script)
    assert cli is not None
    assert [p.version for p in pins() if p.name == "pulumi"] == [cli.group(1)]


def test_this_environment_is_the_lock() -> None:
    """The tests run in the virtualenv scripts/setup_python.sh installed from the lock."""
    wrong = {
        pin.name: (pin.version, importlib.metadata.version(pin.name))
        for pin in pins()
        if pin.applies() and importlib.metadata.version(pin.name) != pin.version
    }
    assert wrong == {}, "locked vs installed: run `make venv`"


FAKE_PYTHON = """#!/bin/sh
echo "$*" >> "$CALLS"
case "$*" in
  *"-r requirements/dev.lock"*)
    [ -n "$FAIL" ] && { echo "ERROR: no network" >&2; exit 1; }
    echo "Collecting demo==1.0 (from -r requirements/dev.lock (line 1))"
    echo "  Downloading demo-1.0-py3-none-any.whl (1 kB)"
    echo "Successfully installed demo-1.0";;
esac
exit 0
"""


def test_setup_python_installs_the_lock_once_and_again_when_it_changes(tmp_path: Path) -> None:
    """scripts/setup_python.sh, on a copy of the repository files it reads and a stand-in
    virtualenv whose `python` records its arguments: no network, no real install."""
    repo = tmp_path / "repo"
    for rel in ("scripts/setup_python.sh", "pyproject.toml", "requirements/dev.lock"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / rel, repo / rel)
    (repo / "examples" / "quickstart").mkdir(parents=True)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text(FAKE_PYTHON)
    (venv / "bin" / "python").chmod(0o755)
    calls = tmp_path / "calls.log"
    env = {**os.environ, "OPENCONNECTORS_VENV": str(venv), "CALLS": str(calls)}

    def setup(**extra: str) -> tuple[int, str, list[str]]:
        calls.write_text("")
        result = subprocess.run(
            ["bash", str(repo / "scripts" / "setup_python.sh")],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.returncode, result.stderr, calls.read_text().splitlines()

    code, log, made = setup()
    assert code == 0, log
    assert any("--require-hashes -r requirements/dev.lock" in c for c in made), made
    assert any("--no-deps -e ." in c for c in made), made
    count = len(pins())
    assert f"installing requirements/dev.lock ({count} pinned packages" in log
    assert "[python]   Collecting demo==1.0" in log, "progress: a line per package"
    assert "Downloading" not in log
    assert (repo / "examples" / "quickstart" / ".venv").resolve() == venv

    code, log, made = setup()
    assert (code, made) == (0, []), log
    assert "is up to date with requirements/dev.lock" in log

    # A changed lock installs again; a failed install is retried by the next run.
    with (repo / "requirements" / "dev.lock").open("a") as fh:
        fh.write("# changed\n")
    code, log, made = setup(FAIL="1")
    assert code != 0 and "ERROR: no network" in log
    code, log, made = setup()
    assert code == 0 and any("-r requirements/dev.lock" in c for c in made), log
    code, log, made = setup()
    assert (code, made) == (0, []), log
