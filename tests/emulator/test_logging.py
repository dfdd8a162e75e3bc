"""Logs carry method, path, status, duration and request id, and never a secret."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, closeio_body

USER = "canary-user-5f1d"
ORG = "canary-org-9a2e"
PASSWORD = "canary-password-77c3"
API_SECRET = "canary-apisecret-41b0"
WRONG = "canary-wrong-secret-0d0d"
LOGGERS = ("pulumi_openconnectors", "uvicorn", "uvicorn.error", "uvicorn.access")


def exercise(base: str, root: str) -> list[str]:
    """Requests carrying every kind of secret; returns the canaries to look for."""
    platform = {"Authorization": f"User {USER}, Organization {ORG}"}
    r = requests.post(
        base + "/instances",
        json=closeio_body("logged", configuration={"username": "u", "password": PASSWORD}),
        headers=platform,
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    instance = r.json()
    token = instance["token"]
    requests.get(
        base + "/hubs/crm/contacts",
        headers={"Authorization": f"User {USER}, Element {token}"},
        timeout=TIMEOUT,
    )
    requests.patch(
        f"{base}/instances/{instance['id']}",
        json={"configuration": {"password": PASSWORD + "-2"}},
        headers=platform,
        timeout=TIMEOUT,
    )
    requests.get(
        base + "/elements/hootsuite/oauth/url",
        params={"apiKey": "k", "apiSecret": API_SECRET, "callbackUrl": "https://cb.test"},
        headers=platform,
        timeout=TIMEOUT,
    )
    requests.get(
        base + "/instances", headers={"Authorization": f"User {WRONG}, Organization {ORG}"}
    )
    requests.get(base + "/instances", headers={"Authorization": f"Bogus {WRONG}"})
    requests.post(base + "/instances", data=f"{PASSWORD} not json", headers=platform)
    requests.get(
        root + "/_emulator/oauth/authorize",
        params={"client_id": "k", "redirect_uri": "https://cb.test", "state": API_SECRET},
        allow_redirects=False,
    )
    return [USER, ORG, PASSWORD, API_SECRET, WRONG, token]


def test_in_process_logs_have_no_secrets(caplog: pytest.LogCaptureFixture) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    with EmulatorServer(accounts=[(USER, ORG)]) as emu:
        canaries = exercise(emu.base_url, emu.root_url)
        # the line is written after the answer is sent: wait for the last request's line
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            r.name.endswith(".requests") and "/_emulator/oauth/authorize" in r.getMessage()
            for r in caplog.records
        ):
            time.sleep(0.02)
    lines = [r.getMessage() for r in caplog.records if r.name.endswith(".requests")]
    assert len(lines) >= 8, lines
    # only the server's records: the test's own HTTP client (urllib3) logs query strings
    server_records = [r for r in caplog.records if r.name.startswith(LOGGERS)]
    assert any(r.name.startswith("uvicorn") for r in server_records)
    text = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in server_records)
    for canary in canaries:
        assert canary not in text, canary
    assert "?" not in "\n".join(lines)
    line = next(x for x in lines if x.startswith("POST /elements/api-v2/instances 200"))
    assert re.fullmatch(r"POST /elements/api-v2/instances 200 \d+\.\dms [0-9a-f-]{36}", line), line
    assert any(x.startswith("GET /elements/api-v2/elements/hootsuite/oauth/url 200") for x in lines)
    assert any(x.startswith("GET /_emulator/oauth/authorize 302") for x in lines)


def test_cli_output_has_no_secrets() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pulumi_openconnectors.emulator",
            "--port",
            "0",
            "--account",
            f"{USER}:{ORG}",
            "--log-level",
            "debug",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)(/elements/api-v2)", first)
        assert match, first
        root, base = match.group(1), match.group(1) + match.group(2)
        canaries = exercise(base, root)
        demo = requests.get(
            base + "/elements",
            headers={
                "Authorization": "User demo-user-secret, Organization demo-organization-secret"
            },
            timeout=TIMEOUT,
        )
        assert demo.status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    # read through the text wrappers (communicate() would skip what readline() buffered)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    output = first + out + err
    assert "demo-user-secret" in first + out  # the demo credentials are announced
    assert "GET /elements/api-v2/instances 401" in err
    for canary in canaries:
        assert canary not in output, canary
