"""``python -m pulumi_openconnectors migrate-to-plugin`` with the `pulumi` it runs replaced:
what it prints, what it hands to ``pulumi stack import``, the dry run, the backup, a refusal."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.cli import _parser
from pulumi_openconnectors.migrate import cli

from .test_state import deployment


class FakePulumi:
    exported: dict[str, Any] = {}

    def __init__(self, cwd: Path, stack: str | None) -> None:
        self.stack = stack

    def __call__(self, *args: str) -> str:
        assert args == ("stack", "export")
        return json.dumps(self.exported)


@pytest.fixture
def imported(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    FakePulumi.exported = {"version": 3, "deployment": deployment()}
    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(cli, "Pulumi", FakePulumi)
    monkeypatch.setattr(cli, "_import", lambda _pulumi, state, _cwd: seen.append(state))
    return seen


def args(*argv: str) -> argparse.Namespace:
    return _parser().parse_args(["migrate-to-plugin", *argv])


def test_moves_and_imports(imported: list[dict[str, Any]], tmp_path: Path) -> None:
    out = io.StringIO()
    backup = tmp_path / "before.json"
    assert cli.migrate(args("--stack", "dev", "--backup", str(backup)), out) == 0
    said = out.getvalue()
    assert "crm: pulumi-python:dynamic/openconnectors:ConnectorInstance -> " in said
    assert "openconnectors:index:ConnectorInstance (id 100001)" in said
    assert "3 resource(s) moved" in said and "pulumi_openconnectors.native" in said
    [state] = imported
    assert state["version"] == 3
    types = {r["type"] for r in state["deployment"]["resources"]}
    assert "openconnectors:index:FormulaInstance" in types
    assert not [t for t in types if "pulumi-python" in t]
    assert json.loads(backup.read_text()) == FakePulumi.exported


def test_dry_run_changes_nothing(imported: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    assert cli.migrate(args("--dry-run"), out) == 0
    assert "3 resource(s) would move (dry run: nothing changed)" in out.getvalue()
    assert imported == []


def test_nothing_to_move(imported: list[dict[str, Any]]) -> None:
    FakePulumi.exported = {"version": 3, "deployment": {"resources": []}}
    out = io.StringIO()
    assert cli.migrate(args(), out) == 0
    assert "nothing to move" in out.getvalue()
    assert imported == []


def test_pending_operations_are_refused(
    imported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    FakePulumi.exported["deployment"]["pending_operations"] = [{"type": "creating"}]
    assert cli.migrate(args(), io.StringIO()) == 2
    assert "pending operations" in capsys.readouterr().err
    assert imported == []
