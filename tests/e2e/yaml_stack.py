"""A Pulumi YAML project driven through the real CLI: the Python harness's :class:`Stack` with
a ``runtime: yaml`` Pulumi.yaml instead of a Python program.

The engine finds the YAML language host (``pulumi-language-yaml``, scripts/bootstrap_yaml.sh)
and the resource plugin (``pulumi-resource-openconnectors``, a console script of the package
in the virtualenv) on ``PATH``, as after ``eval "$(make -s env)"``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .harness import REPO, VENV, Stack

EXAMPLES = REPO / "examples"


def yaml_host_bin() -> Path:
    """The directory with ``pulumi-language-yaml`` (built and cached on first use)."""
    out = subprocess.run(
        ["bash", str(REPO / "scripts" / "bootstrap_yaml.sh")],
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return Path(out.stdout.strip().splitlines()[-1])


@dataclass
class YamlStack(Stack):
    """``program`` is the text of Pulumi.yaml (``runtime: yaml``)."""

    yaml_bin: Path | None = None

    def __post_init__(self) -> None:
        self.project_dir = self.workdir / "project"
        self.backend_dir = self.workdir / "backend"
        self.home_dir = self.workdir / "pulumi-home"
        for d in (self.project_dir, self.backend_dir, self.home_dir):
            d.mkdir(parents=True, exist_ok=True)
        if self.log_path is None and self.log_dir is not None:  # as Stack: every command's output
            self.log_path = self.log_dir / "pulumi-output.log"
        self.write_program(self.program)

    def write_program(self, program: str) -> None:
        self.program = program
        (self.project_dir / "Pulumi.yaml").write_text(program)

    @property
    def env(self) -> dict[str, str]:
        env = super().env
        extra = [str(self.yaml_bin)] if self.yaml_bin else []
        # the plugin's executable from the package's virtualenv (its python is the venv's)
        env["PATH"] = ":".join([str(self.bin_dir), *extra, str(VENV / "bin"), env["PATH"]])
        return env


def example(name: str) -> str:
    """The Pulumi.yaml of ``examples/<name>``."""
    return (EXAMPLES / name / "Pulumi.yaml").read_text()
