"""`eval "$(make -s env)"` (scripts/env.sh) puts the YAML language host on PATH next to the
engine: also when the engine is a `pulumi` found on PATH (whose directory the bootstrap does not
write into), the host's own cached directory is on the exported PATH. No Go runs: the cache
holds a finished host, and a fake `pulumi` v3.259.0 stands in for the engine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_env_puts_the_yaml_host_on_path(tmp_path: Path) -> None:
    fake = tmp_path / "fake-pulumi"
    fake.mkdir()
    (fake / "pulumi").write_text("#!/bin/sh\necho v3.259.0\n")
    (fake / "pulumi-language-python").write_text("#!/bin/sh\n")
    cache = tmp_path / "cache"
    host_dir = cache / "engine" / "yaml-v1.25.0" / "bin"
    host_dir.mkdir(parents=True)
    (host_dir / "pulumi-language-yaml").write_text("#!/bin/sh\n")
    (host_dir.parent / ".complete").touch()
    for f in [*fake.iterdir(), host_dir / "pulumi-language-yaml"]:
        f.chmod(0o755)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "OPENCONNECTORS_"))},
        "PATH": f"{fake}:/usr/bin:/bin",
        "OPENCONNECTORS_CACHE_DIR": str(cache),
        "OPENCONNECTORS_STATE_DIR": str(tmp_path / "state"),
    }
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "env.sh")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    path_line = next(line for line in result.stdout.splitlines() if "export PATH=" in line)
    assert path_line.startswith(f'export PATH="{fake}:{host_dir}:'), path_line
    assert "using cached YAML language host v1.25.0" in result.stderr
    assert not (fake / "pulumi-language-yaml").exists(), "a pulumi on PATH is left as it is"
    shell = subprocess.run(
        ["bash", "-c", f"{result.stdout}\ncommand -v pulumi-language-yaml"],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert shell.stdout.strip() == str(host_dir / "pulumi-language-yaml")
