"""`python -m pulumi_openconnectors export --format yaml` against the emulator: a Pulumi YAML
project (Pulumi.yaml, README.md and the manifest), a re-export from the Python format removes
the Python files, and --virtualenv is refused for YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pulumi_openconnectors.emulator import EmulatorServer

from .test_cli import MANIFEST, account, export, files_of, one_error_line

__all__ = ["account"]  # a fixture: the emulator's settings in the environment, one formula


def test_format_yaml_writes_a_yaml_program(account: EmulatorServer, tmp_path: Path) -> None:
    out = tmp_path / "org"
    assert export(out, "--format", "yaml") == 0
    assert sorted(files_of(out)) == [MANIFEST, "Pulumi.yaml", "README.md"]
    doc = yaml.safe_load((out / "Pulumi.yaml").read_text())
    assert doc["runtime"] == "yaml" and doc["name"] == "org"
    formulas = [r for r in doc["resources"].values() if r["type"].endswith(":Formula")]
    assert [f["properties"]["name"] for f in formulas] == ["sync"]
    assert "adoptFormulaId" in formulas[0]["properties"]


def test_a_yaml_re_export_replaces_the_python_files(
    account: EmulatorServer, tmp_path: Path
) -> None:
    out = tmp_path / "org"
    assert export(out) == 0
    assert (out / "__main__.py").exists()
    assert export(out, "--format", "yaml") == 0
    assert not (out / "__main__.py").exists() and not (out / "requirements.txt").exists()
    assert not list(out.glob("*/*.json")), "the data files of the Python export are removed"
    assert yaml.safe_load((out / "Pulumi.yaml").read_text())["runtime"] == "yaml"


def test_virtualenv_is_refused_for_yaml(
    account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "org"
    assert export(out, "--format", "yaml", "--virtualenv", "venv") == 2
    one_error_line(capsys, "--virtualenv", "--format python")
    assert not out.exists()
