"""The package works with the Pulumi Python SDKs it accepts: the range in its requirements.

For the OLDEST `pulumi` the wheel accepts (the lower bound of its requirement) and the NEWEST
release on the package index inside that range, this builds the wheel, installs it next to that
SDK in a clean virtualenv (pip resolves the wheel's requirements against the SDK: an exact pin
or a too narrow range fails here) and runs a ConnectorInstance through the real engine against
the emulator, with that virtualenv as the project's `runtime.options.virtualenv`: create (the
provider reads its stack config in `configure`), secrets in state, no-op preview, update,
refresh, destroy. The program reports the SDK version and where it imported the package from.

The CLI is always the one scripts/bootstrap_engine.sh provides (v3.259.0, language host from
sdk v3.79.0): the SDK in the virtualenv talks to it over gRPC, as a user's SDK would.

Virtualenvs are cached by SDK and Python version under
~/.cache/pulumi-openconnectors/venvs/ (OPENCONNECTORS_CACHE_DIR, as for the engine) and locked
while a test uses them (several checkouts share the cache). A warm run reinstalls only the
freshly built wheel, then lets pip resolve and check the requirements again.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Iterator
from email.parser import Parser
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from ..wheel import build_wheel
from .live import Live
from .programs import INSTANCES_PROGRAM, basic_instance, configure_emulator, set_instances

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("sdk-range")]

CACHE_ROOT = Path(
    os.environ.get("OPENCONNECTORS_CACHE_DIR")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pulumi-openconnectors"
)
VENVS = CACHE_ROOT / "venvs"
NEWEST_SEEN = VENVS / "newest-pulumi.txt"  # the last answer of the index, for offline reruns
PASSWORD = "pw-sdk-range-0001"

PROGRAM = (
    INSTANCES_PROGRAM
    + """
import importlib.metadata
pulumi.export("sdk", importlib.metadata.version("pulumi"))
pulumi.export("package", oc.__file__)
"""
)


def pulumi_requirement(wheel: Path) -> SpecifierSet:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(archive.read(name).decode())
    [req] = [
        r
        for r in map(Requirement, meta.get_all("Requires-Dist") or [])
        if r.name == "pulumi" and r.marker is None
    ]
    return req.specifier


def oldest(specifier: SpecifierSet) -> str:
    floors = [s.version for s in specifier if s.operator == ">="]
    if len(floors) != 1:
        pytest.fail(f"the wheel requires pulumi{specifier}: not a range with one lower bound (>=)")
    return floors[0]


def newest(specifier: SpecifierSet) -> str:
    """The newest final release of `pulumi` on the package index.

    Not only the newest the range accepts: a pin or a range that excludes the newest release
    (a user's SDK) must fail here, when pip cannot install the wheel next to it."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "index", "versions", "pulumi"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r"Available versions: (.+)", result.stdout)
    if result.returncode == 0 and found:
        versions = [Version(v.strip()) for v in found.group(1).split(",")]
        version = str(max(v for v in versions if not v.is_prerelease))
        VENVS.mkdir(parents=True, exist_ok=True)
        NEWEST_SEEN.write_text(version + "\n")
        return version
    if NEWEST_SEEN.exists():
        version = NEWEST_SEEN.read_text().strip()
        warnings.warn(
            f"the package index did not answer ({result.stderr.strip()[-300:]}); "
            f"testing the newest pulumi seen before, {version}",
            stacklevel=1,
        )
        return version
    pytest.fail(f"cannot list the pulumi releases on the package index:\n{result.stderr}")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("sdk-range-wheel"))


def run(argv: list[str | Path], timeout: float = 900) -> str:
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, argv))} exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
    return result.stdout


@pytest.fixture
def sdk_venv(request: pytest.FixtureRequest, wheel: Path) -> Iterator[tuple[str, Path]]:
    """(SDK version, virtualenv with the wheel and that SDK), locked for the test's duration."""
    specifier = pulumi_requirement(wheel)
    version = oldest(specifier) if request.param == "oldest" else newest(specifier)
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    venv = VENVS / f"pulumi-{version}-py{py}"
    VENVS.mkdir(parents=True, exist_ok=True)
    with (VENVS / f"{venv.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip"]
        pip += ["--disable-pip-version-check"]
        if not (venv / ".ready").exists():
            shutil.rmtree(venv, ignore_errors=True)
            run([sys.executable, "-m", "venv", venv], timeout=300)
            try:
                # One resolution of the wheel's requirements together with this SDK.
                run([*pip, "install", "-q", wheel, f"pulumi=={version}"])
            except AssertionError as exc:
                shutil.rmtree(venv, ignore_errors=True)
                raise AssertionError(
                    f"the wheel (pulumi{specifier}) cannot be installed next to pulumi {version}"
                ) from exc
            (venv / ".ready").touch()
        else:
            # This checkout's wheel, then the same resolution (satisfied: no download) and a check.
            run([*pip, "install", "-q", "--no-deps", "--force-reinstall", wheel])
            run([*pip, "install", "-q", wheel, f"pulumi=={version}"])
        run([*pip, "check"])
        yield version, venv


@pytest.mark.parametrize("sdk_venv", ["oldest", "newest"], indirect=True)
def test_the_package_works_with_the_sdk(
    sdk_venv: tuple[str, Path], stack_factory: Any, emulator: Any
) -> None:
    version, venv = sdk_venv
    live = Live(emulator)
    stack = stack_factory(PROGRAM, venv=venv).init()
    configure_emulator(stack, emulator)  # stack config: the provider reads it in `configure`
    set_instances(stack, {"crm": basic_instance("CRM")}, {"pw": PASSWORD})

    stack.up()
    out = stack.outputs(show_secrets=True)
    assert out["sdk"] == version
    assert Path(out["package"]).is_relative_to(venv), "the package came from the wheel"
    server = live.get(out["crm.id"])
    assert server is not None and server["name"] == "CRM"
    assert out["crm.token"] == server["token"]
    assert stack.outputs()["crm.token"] == "[secret]"
    [resource] = stack.resources(":ConnectorInstance")
    provider = resource["inputs"]["__provider"]
    assert isinstance(provider, str) and len(provider) < 400, "serialize_as_secret_always=False"
    assert PASSWORD not in str(stack.export()), "the secret configuration is encrypted in state"

    stack.preview("--expect-no-changes")
    set_instances(stack, {"crm": basic_instance("CRM", tags=["e2e", "blue"])})
    stack.up()
    assert "blue" in live.get(out["crm.id"])["tags"]  # type: ignore[index]
    stack.refresh()
    stack.preview("--expect-no-changes")
    stack.destroy()
    assert live.get(out["crm.id"]) is None
