"""Strings in the exported project (issue 19, 5.14): the program stays `ruff format`-clean
whatever the names hold (quotes of either kind, backslashes, newlines, control characters,
wide characters), every literal reads back as the value it was written from, and each
`pulumi config set` line of the README stays one shell command."""

from __future__ import annotations

import ast
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from pulumi_openconnectors.export.program import build_project
from pulumi_openconnectors.export.reader import Snapshot
from pulumi_openconnectors.export.render import string
from pulumi_openconnectors.models import FormulaInstance, Instance

RUFF = Path(sys.executable).parent / "ruff"

NAMES = [
    'say "hi"',
    "it's",
    'it\'s "both"',
    '""\'',
    'back\\slash \\" end\\',
    "two\nlines",
    "tab\tand\rreturn",
    "bell\x07 nul\x00 del\x7f",
    "nbsp\xa0 sep\u2028",
    "漢字の名前" * 3,
    "漢" * 38,
    "emoji 🚀 " * 4,
    "e\u0301 combining",
    "plain",
]


def snapshot() -> Snapshot:
    instances = [
        Instance.model_validate(
            {
                "id": 100 + i,
                "name": name,
                "element": {"key": "closeio", "id": 1},
                "tags": [name],
                "configuration": {"username": name, "password": "********"},
            }
        )
        for i, name in enumerate(NAMES)
    ]
    formula_instances = [
        FormulaInstance.model_validate(
            {
                "id": 900,
                "name": NAMES[0],
                "active": True,
                "formula": {"id": 7},
                "configuration": {name: name for name in NAMES},
                "settings": {"note": NAMES[2]},
            }
        )
    ]
    return Snapshot(instances, {}, [], [], formula_instances)


@pytest.mark.parametrize("value", NAMES)
def test_a_literal_reads_back_as_its_value(value: str) -> None:
    assert ast.literal_eval(string(value)) == value


def test_the_program_is_ruff_format_clean_whatever_the_strings(tmp_path: Path) -> None:
    project = build_project(
        snapshot(),
        project_name="acme",
        retain_on_delete=False,
        virtualenv=None,
        source="http://127.0.0.1:1/elements/api-v2",
    )
    main = project.files["__main__.py"]
    (tmp_path / "__main__.py").write_text(main, encoding="utf-8")
    for argv in (["format", "--diff", "--no-cache", "."], ["check", "--no-cache", "."]):
        result = subprocess.run(
            [str(RUFF), *argv], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    names = {
        kw.value.value
        for node in ast.walk(ast.parse(main))
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }
    assert set(NAMES) <= names


def test_each_config_set_line_is_one_shell_command() -> None:
    project = build_project(
        snapshot(),
        project_name="acme",
        retain_on_delete=False,
        virtualenv=None,
        source="http://127.0.0.1:1/elements/api-v2",
    )
    readme = project.files["README.md"]
    lines = [line for line in readme.splitlines() if line.startswith("pulumi config set")]
    assert len(lines) == len(NAMES), readme
    keys = {s.config_key for s in project.secrets}
    for line in lines:
        words = shlex.split(line)
        assert words[:4] == ["pulumi", "config", "set", "--secret"], line
        assert words[4] in keys and words[5] == "--" and len(words) == 7, line
        assert words[6].startswith("<the password of instance "), line
