"""Progress of the long first build (scripts/bootstrap_engine.sh, scripts/lib/progress.sh): it
says up front how long it takes, names its phases, and shows a sign of life while `go` works -
while its stdout stays exactly the bin directory (callers parse it). The real engine is not
rebuilt: a fake, slow `go` stands in for it."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROGRESS = REPO / "scripts" / "lib" / "progress.sh"
BOOTSTRAP = REPO / "scripts" / "bootstrap_engine.sh"


def bash(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_ticker_reports_elapsed_time_on_stderr_while_the_command_runs() -> None:
    started = time.monotonic()
    result = bash(
        f'set -euo pipefail; PROGRESS_PREFIX="[t]"; . "{PROGRESS}"\n'
        'run_with_ticker "fake build" sleep 3.5\n'
        "echo finished",
        {"OPENCONNECTORS_PROGRESS_INTERVAL": "1"},
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout == "finished\n", "the ticker must not write to stdout"
    ticks = re.findall(r"^\[t\] fake build: still running, (\d+)s$", result.stderr, re.M)
    assert len(ticks) >= 2, result.stderr
    assert [int(t) for t in ticks] == sorted(int(t) for t in ticks)
    # The caller reads stderr through a pipe: no leftover ticker (or its sleep) holds it open.
    assert elapsed < 8, f"took {elapsed:.1f}s"


def test_ticker_returns_the_commands_status_and_stays_quiet_for_quick_commands() -> None:
    result = bash(
        f'. "{PROGRESS}"\n'
        'run_with_ticker quick bash -c "exit 7"; echo "status $?"\n'
        "set -e; run_with_ticker failing false; echo not reached",
        {"OPENCONNECTORS_PROGRESS_INTERVAL": "5"},
    )
    assert result.stdout == "status 7\n"
    assert result.returncode == 1
    assert "still running" not in result.stderr


def test_progress_duration() -> None:
    result = bash(f'. "{PROGRESS}"; progress_duration 5; echo; progress_duration 185')
    assert result.stdout.split() == ["5s", "3m05s"]


FAKE_GO = """#!/bin/bash
# A stand-in for `go`: slow `get` and `build`, a `build -o OUT` that writes a fake pulumi, an
# `install` (the YAML language host) that writes "$GOBIN/pulumi-language-yaml".
case "$1" in
  mod) exit 0 ;;
  install)
    echo "go: downloading github.com/pulumi/pulumi-yaml v1.25.0" >&2
    sleep "$FAKE_GO_SECONDS"
    printf '#!/bin/sh\\necho yaml host\\n' >"$GOBIN/pulumi-language-yaml"
    chmod +x "$GOBIN/pulumi-language-yaml" ;;
  get) echo "go: downloading example.com/fake v1.0.0" >&2; sleep "$FAKE_GO_SECONDS" ;;
  build)
    shift
    while [ "$1" != "-o" ]; do shift; done
    sleep "$FAKE_GO_SECONDS"
    printf '#!/bin/sh\\necho v3.259.0\\n' >"$2"
    chmod +x "$2" ;;
  list) echo "$FAKE_SDK_DIR" ;;
  *) echo "fake go: unexpected $*" >&2; exit 2 ;;
esac
"""


def test_first_build_shows_its_duration_phases_and_signs_of_life(tmp_path: Path) -> None:
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    (fake_bin / "go").write_text(FAKE_GO)
    (fake_bin / "go").chmod(0o755)
    sdk = tmp_path / "sdk"
    for helper in (
        "python/cmd/pulumi-language-python-exec",
        "python/dist/pulumi-resource-pulumi-python",
    ):
        (sdk / helper).parent.mkdir(parents=True, exist_ok=True)
        (sdk / helper).write_text("#!/bin/sh\n")
    cache = tmp_path / "cache"
    env = {
        "PATH": f"{fake_bin}:/usr/bin:/bin",  # no pulumi on PATH: the build path is taken
        "OPENCONNECTORS_CACHE_DIR": str(cache),
        "OPENCONNECTORS_PROGRESS_INTERVAL": "1",
        "FAKE_GO_SECONDS": "2.5",
        "FAKE_SDK_DIR": str(sdk),
    }
    result = subprocess.run(
        ["bash", str(BOOTSTRAP)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    bin_dir = cache / "engine" / "v3.259.0-py3.79.0" / "bin"
    assert result.stdout == f"{bin_dir}\n", "stdout must be exactly the bin directory"
    err = result.stderr
    assert "about 10 minutes on 2 cores" in err and "cached afterwards" in err
    first_lines = err.splitlines()[:4]
    assert any("about 10 minutes" in line for line in first_lines), "say it up front"
    for phase in ("[1/3]", "[2/3]", "[3/3]"):
        assert phase in err
    for step in ("[1/3] go get", "[1/3] go build", "[2/3] go get", "[2/3] go build"):
        assert re.search(rf"^\[engine\] {re.escape(step)}: still running, \d+s$", err, re.M), err
    assert re.search(r"^\[engine\] \[2/3\] done \(\d+s since the build started\)$", err, re.M)
    # The YAML language host: announced, timed, built once under the same cache root, and
    # linked next to pulumi so that the one directory runs `runtime: yaml` programs too.
    assert "YAML language host v1.25.0" in err and "about 2 minutes on 2 cores" in err
    assert re.search(r"^\[engine\] \[yaml 1/1\] go install: still running, \d+s$", err, re.M), err
    assert re.search(r"^\[engine\] YAML language host done in \d+s: ", err, re.M), err
    yaml_host = cache / "engine" / "yaml-v1.25.0" / "bin" / "pulumi-language-yaml"
    assert yaml_host.is_file()
    assert (bin_dir / "pulumi-language-yaml").resolve() == yaml_host.resolve()
    assert not list((cache / "engine").glob(".yaml-build.*")), "the staging dir is removed"

    again = subprocess.run(
        ["bash", str(BOOTSTRAP)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"{bin_dir}\n"
    assert "using cached engine" in again.stderr
    assert "using cached YAML language host v1.25.0" in again.stderr
    assert "still running" not in again.stderr
    assert "go: downloading" not in again.stderr


FAKE_GO_INSTALL = """#!/bin/bash
# A stand-in for `go install pkg@version`: slow, writes "$GOBIN/actionlint".
[ "$1" = install ] || { echo "fake go: unexpected $*" >&2; exit 2; }
echo "go: downloading github.com/rhysd/actionlint v1.7.12" >&2
sleep "$FAKE_GO_SECONDS"
printf '#!/bin/sh\\necho v1.7.12\\n' >"$GOBIN/actionlint"
chmod +x "$GOBIN/actionlint"
"""


def test_actionlint_bootstrap_builds_once_with_progress_and_prints_only_the_binary(
    tmp_path: Path,
) -> None:
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    (fake_bin / "go").write_text(FAKE_GO_INSTALL)
    (fake_bin / "go").chmod(0o755)
    cache = tmp_path / "cache"
    env = {
        **os.environ,
        "PATH": f"{fake_bin}:/usr/bin:/bin",
        "OPENCONNECTORS_CACHE_DIR": str(cache),
        "OPENCONNECTORS_PROGRESS_INTERVAL": "1",
        "FAKE_GO_SECONDS": "2.5",
    }
    script = REPO / "scripts" / "bootstrap_actionlint.sh"
    first = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    assert first.returncode == 0, first.stderr
    binary = cache / "tools" / "actionlint-v1.7.12" / "actionlint"
    assert first.stdout == f"{binary}\n"
    assert "[1/1] go install" in first.stderr
    assert re.search(
        r"^\[actionlint\] \[1/1\] go install: still running, \d+s$", first.stderr, re.M
    )
    assert not list((cache / "tools").glob(".actionlint-build.*")), "the staging dir is removed"

    again = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"{binary}\n"
    assert "using cached actionlint" in again.stderr
