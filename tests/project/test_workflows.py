"""Every GitHub Actions workflow in the repository passes actionlint (`make lint` runs the same
script), and actionlint really checks what it is given."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKFLOW_GLOBS = (
    ".github/workflows/*.yml",
    ".github/workflows/*.yaml",
    "examples/**/workflow*.yml",
    "examples/**/workflow*.yaml",
)

needs_actionlint = pytest.mark.skipif(
    shutil.which("go") is None and shutil.which("actionlint") is None,
    reason="actionlint is built with Go (scripts/bootstrap_actionlint.sh): neither is installed",
)


def workflow_files() -> list[Path]:
    return sorted({p for pattern in WORKFLOW_GLOBS for p in REPO.glob(pattern) if p.is_file()})


def actionlint() -> str:
    out = subprocess.run(
        ["bash", str(REPO / "scripts" / "bootstrap_actionlint.sh")],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


def test_the_repository_has_workflows() -> None:
    assert REPO / "examples" / "gitops" / "workflow.yml" in workflow_files()


@needs_actionlint
def test_every_workflow_passes_actionlint() -> None:
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "lint_workflows.sh")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for path in workflow_files():
        assert f"checking {path.relative_to(REPO)}" in result.stderr, "a workflow was not linted"


@needs_actionlint
def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "workflow.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  up:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: pulumi/actions@v6\n"
        "        with:\n"
        "          command: up\n"
        "          stack: prod\n"  # the input is stack-name
        "      - run: echo ${{ secrets.X.y.z( }}\n"
    )
    result = subprocess.run(
        [actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'input "stack" is not defined in action "pulumi/actions@v6"' in result.stdout
