"""pulumi_openconnectors.devtools, what tests, benchmarks and scripts share: the announce
parser, the emulator launcher, the engine environment and the log of the Stack driver."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from pulumi_openconnectors.devtools.announce import parse_announce
from pulumi_openconnectors.devtools.engine import interpreter_dir, path_without_venvs, pulumi_env
from pulumi_openconnectors.devtools.launcher import (
    EmulatorExited,
    EmulatorProcess,
    answers,
)
from pulumi_openconnectors.devtools.stack import shown


def test_importing_the_package_imports_nothing_heavy() -> None:
    code = (
        "import sys, pulumi_openconnectors.devtools\n"
        "heavy = ('fastapi', 'uvicorn', 'pulumi', 'requests', 'pydantic',"
        " 'pulumi_openconnectors.emulator')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "root", "base", "port"),
    [
        (
            "Open Connectors emulator listening on http://127.0.0.1:8790/elements/api-v2\n",
            "http://127.0.0.1:8790",
            "http://127.0.0.1:8790/elements/api-v2",
            8790,
        ),
        (
            "INFO noise\ncounting emulator listening on http://127.0.0.1:41234/elements/api-v2",
            "http://127.0.0.1:41234",
            "http://127.0.0.1:41234/elements/api-v2",
            41234,
        ),
        (
            "emulator listening on http://[::1]:9000/x",
            "http://[::1]:9000",
            "http://[::1]:9000/x",
            9000,
        ),
    ],
)
def test_the_announce_line_is_parsed(text: str, root: str, base: str, port: int) -> None:
    found = parse_announce(text)
    assert found is not None
    assert (found.root_url, found.base_url, found.port) == (root, base, port)


def test_no_announce_yet() -> None:
    assert parse_announce("") is None
    assert parse_announce("INFO: Started server process [12]\n") is None


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[EmulatorProcess]:
    process = EmulatorProcess(tmp_path / "emulator.log", db=tmp_path / "e.db", log_level="warning")
    yield process
    process.stop()


def test_the_launcher_starts_kills_and_restarts_on_the_same_port(
    emulator: EmulatorProcess,
) -> None:
    emulator.start()
    url, port = emulator.base_url, emulator.port
    assert port > 0 and url == f"http://127.0.0.1:{port}/elements/api-v2"
    assert answers(url)
    created = requests.post(
        f"{url}/instances",
        headers={**emulator.headers(), "Content-Type": "application/json"},
        data=json.dumps(
            {
                "element": {"key": "closeio"},
                "name": "kept",
                "configuration": {"username": "u@example.com", "password": "pw"},
            }
        ),
        timeout=10,
    )
    assert created.status_code == 200, created.text
    emulator.kill()
    assert not answers(url)
    emulator.start()  # same port, same database
    assert emulator.base_url == url
    listed = requests.get(f"{url}/instances", headers=emulator.headers(), timeout=10).json()
    assert [i["name"] for i in listed] == ["kept"]
    emulator.stop()
    assert not emulator.running() and not answers(url)


def test_the_launcher_reports_an_emulator_that_ends_before_announcing(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        taken = squatter.getsockname()[1]
        emulator = EmulatorProcess(tmp_path / "emulator.log", port=taken)
        with pytest.raises(EmulatorExited) as failure:
            emulator.start()
    assert failure.value.returncode not in (0, None)
    assert failure.value.output  # its log, for the message


def test_the_engine_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("")
    monkeypatch.setenv("PATH", f"{venv / 'bin'}:/usr/bin")
    monkeypatch.setenv("PULUMI_ACCESS_TOKEN", "mine")
    monkeypatch.setenv("AWS_PROFILE", "mine")
    assert path_without_venvs() == "/usr/bin"
    env = pulumi_env(tmp_path / "engine", tmp_path / "home", "pw", "file:///x")
    # The interpreter's own directory (not a virtualenv) before the rest: no version manager's
    # shim answers the language host's `python3 --version`.
    assert env["PATH"] == f"{tmp_path / 'engine'}:{interpreter_dir()}:/usr/bin"
    assert not (Path(interpreter_dir()).parent / "pyvenv.cfg").exists()
    assert "PULUMI_ACCESS_TOKEN" not in env and env["AWS_PROFILE"] == "mine"
    assert env["PULUMI_BACKEND_URL"] == "file:///x"
    assert env["PULUMI_CONFIG_PASSPHRASE"] == "pw"
    assert env["PULUMI_HOME"] == str(tmp_path / "home")
    dropped = pulumi_env(tmp_path, tmp_path, "pw", drop=("PULUMI_", "AWS_"), extra={"A": "1"})
    assert "AWS_PROFILE" not in dropped and "PULUMI_BACKEND_URL" not in dropped
    assert dropped["A"] == "1"


def test_the_stack_log_hides_secret_values() -> None:
    assert shown(["config", "set", "k", "--secret", "--", "hunter2"])[-1] == "[secret]"
    assert shown(["config", "set-all", "--plaintext", "a=1", "--secret", "b=hunter2"]) == [
        "config",
        "set-all",
        "--plaintext",
        "a=1",
        "--secret",
        "b=[secret]",
    ]
