"""``python -m pulumi_openconnectors oauth ...`` as a user runs it (subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

CALLBACK = "https://www.mycoolapp.com/auth"
TIMEOUT = 30


def env_for(emulator: Any | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCONNECTORS_")}
    if emulator is not None:
        env.update(
            OPENCONNECTORS_BASE_URL=emulator.base_url,
            OPENCONNECTORS_USER_SECRET=emulator.user_secret,
            OPENCONNECTORS_ORGANIZATION_SECRET=emulator.organization_secret,
        )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pulumi_openconnectors", "oauth", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


APP = ["--element", "hootsuite", "--api-key", "cli-key", "--api-secret", "cli-secret-42"]


def test_url(emulator: Any) -> None:
    proc = run(["url", *APP, "--callback-url", CALLBACK, "--state", "hootsuite"], env_for(emulator))
    assert proc.returncode == 0, proc.stderr
    url = proc.stdout.strip()
    query = parse_qs(urlsplit(url).query)
    assert query["client_id"] == ["cli-key"]
    assert query["redirect_uri"] == [CALLBACK]
    assert query["state"] == ["hootsuite"]


def test_emulator_code(emulator: Any) -> None:
    proc = run(["emulator-code", *APP, "--callback-url", CALLBACK], env_for(emulator))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


def test_emulator_code_denied(emulator: Any) -> None:
    proc = run(["emulator-code", *APP, "--callback-url", CALLBACK, "--deny"], env_for(emulator))
    assert proc.returncode == 2
    assert "denied" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def _catch(emulator: Any, deny: bool) -> tuple[subprocess.Popen[str], str, str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pulumi_openconnectors",
            "oauth",
            "catch",
            *APP,
            "--port",
            "0",
            "--timeout",
            "20",
        ],
        env=env_for(emulator),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    seen = []
    for _ in range(5):  # instructions, then the authorize URL, on stderr
        line = proc.stderr.readline().strip()
        seen.append(line)
        if line.startswith("http"):
            break
    authorize_url = seen[-1]
    assert authorize_url.startswith("http"), seen

    def browser() -> None:  # the user opens the URL; the emulator redirects to the callback
        url = authorize_url + ("&deny=true" if deny else "")
        requests.get(url, timeout=10)

    thread = threading.Thread(target=browser)
    thread.start()
    out, err = proc.communicate(timeout=TIMEOUT)
    thread.join(timeout=10)
    return proc, out, err


def test_catch(emulator: Any) -> None:
    proc, out, err = _catch(emulator, deny=False)
    assert proc.returncode == 0, err
    assert len(out.strip().splitlines()) == 1, "stdout carries the code and nothing else"


def test_catch_denied(emulator: Any) -> None:
    proc, out, err = _catch(emulator, deny=True)
    assert proc.returncode == 2
    assert "access_denied" in err
    assert "Traceback" not in err
    assert out.strip() == ""  # no code after the authorize URL


def test_catch_times_out(emulator: Any) -> None:
    proc = run(["catch", *APP, "--port", "0", "--timeout", "0.3"], env_for(emulator))
    assert proc.returncode == 2
    assert "No redirect" in proc.stderr


@pytest.mark.parametrize(
    "missing",
    ["OPENCONNECTORS_BASE_URL", "OPENCONNECTORS_USER_SECRET", "OPENCONNECTORS_ORGANIZATION_SECRET"],
)
def test_missing_settings_one_line_exit_2(missing: str) -> None:
    env = env_for(None)
    env.update(
        OPENCONNECTORS_BASE_URL="http://127.0.0.1:9/elements/api-v2",
        OPENCONNECTORS_USER_SECRET="u-secret-cli",
        OPENCONNECTORS_ORGANIZATION_SECRET="o-secret-cli",
    )
    del env[missing]
    proc = run(["url", *APP, "--callback-url", CALLBACK], env)
    assert proc.returncode == 2
    assert missing in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_unreachable_api_one_line_exit_2() -> None:
    env = env_for(None)
    env.update(
        OPENCONNECTORS_BASE_URL="http://127.0.0.1:9/elements/api-v2",
        OPENCONNECTORS_USER_SECRET="u-secret-cli",
        OPENCONNECTORS_ORGANIZATION_SECRET="o-secret-cli",
        OPENCONNECTORS_MAX_RETRIES="0",
    )
    proc = run(["url", *APP, "--callback-url", CALLBACK], env)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: Could not reach Open Connectors")
    assert "cli-secret-42" not in proc.stderr
    assert "u-secret-cli" not in proc.stderr
