"""No secret appears in plaintext anywhere: state, exports, engine and provider logs, error
text, or the emulator's logs. Canary values are planted and searched for everywhere."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.emulator import EmulatorServer

from .live import Live, oauth_code
from .programs import INSTANCES_PROGRAM, basic_instance, set_instances

pytestmark = pytest.mark.e2e

USER = "canary-user-secret-7f3a9c"
ORG = "canary-org-secret-51be02"
PASSWORD = "canary-password-c0ffee"
OAUTH_SECRET = "canary-oauth-secret-d00d"
OAUTH_KEY = "e2e-oauth-app"
CALLBACK = "http://127.0.0.1:9/callback"
VERBOSITY = int(__import__("os").environ.get("E2E_SECRET_VERBOSITY", "8"))


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def canary_emulator(tmp_path: Path) -> Iterator[tuple[EmulatorServer, Capture]]:
    capture = Capture()
    loggers = [
        logging.getLogger(n)
        for n in ("pulumi_openconnectors", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi")
    ]
    for logger in loggers:
        logger.addHandler(capture)
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    with EmulatorServer(port=0, db=str(tmp_path / "canary.db"), accounts=[(USER, ORG)]) as emu:
        yield emu, capture
    for logger, level in zip(loggers, previous, strict=False):
        logger.removeHandler(capture)
        logger.setLevel(level)


# The Pulumi Python SDK 3.259 logs the serialized *stack outputs* of a program at debug level,
# secret values included (fixed upstream after 3.259 by pulumi/pulumi#24479, in a release whose
# CLI the Go module proxy reachable here does not serve). Those two messages are the program's
# own exports, not anything this provider logs; they are set aside - and counted - so that
# everything else is scanned strictly.
SDK_STACK_OUTPUT_DEBUG = re.compile(
    r'^\{"time":[^\n]*"msg":"(register resource outputs prepared|resource registration '
    r"successful): urn=urn:pulumi:[^,]*::pulumi:pulumi:Stack::[^\n]*$",
    re.MULTILINE,
)


def _without_sdk_stack_output_debug(text: str) -> tuple[str, int]:
    return SDK_STACK_OUTPUT_DEBUG.subn("", text)


def _scan(texts: dict[str, str], canaries: dict[str, str]) -> list[str]:
    leaks = []
    for where, text in texts.items():
        for canary_name, canary in canaries.items():
            at = text.find(canary)
            if at >= 0:
                context = text[max(0, at - 160) : at].replace(canary, "<canary>")
                leaks.append(f"{canary_name} found in {where}, after: ...{context}")
    return leaks


def test_no_secret_in_state_exports_logs_or_errors(
    stack_factory: Any, canary_emulator: tuple[EmulatorServer, Capture], tmp_path: Path
) -> None:
    emu, emulator_log = canary_emulator
    live = Live(emu)
    code = oauth_code(emu, "hootsuite", OAUTH_KEY, OAUTH_SECRET, CALLBACK)
    stack = stack_factory(INSTANCES_PROGRAM).init()
    stack.config("openconnectors:baseUrl", emu.base_url)
    stack.config("openconnectors:userSecret", USER, secret=True)
    stack.config("openconnectors:organizationSecret", ORG, secret=True)
    oauth_spec = {
        "element_key": "hootsuite",
        "name": "Social",
        "configuration": {"oauth.api.key": OAUTH_KEY, "oauth.callback.url": CALLBACK},
        "secretConfiguration": {"oauth.api.secret": "oauth"},
        "providerDataRef": "code",
    }
    set_instances(
        stack,
        {"crm": basic_instance("CRM"), "social": oauth_spec},
        {"pw": PASSWORD, "oauth": OAUTH_SECRET, "code": code},
    )

    # -v=8 is the most verbose engine logging short of -v=9, at which the engine itself dumps
    # every RPC payload in plaintext (a documented property of the Pulumi engine, not of this
    # provider: the dynamic-provider host does not accept secrets, so the engine unwraps them).
    verbose = ("--logtostderr", f"-v={VERBOSITY}")
    outputs: dict[str, str] = {}
    result = stack.up(*verbose)
    outputs["up"] = result.stdout + result.stderr
    tokens = {f"token of {i['name']}": i["token"] for i in live.instances()}
    assert len(tokens) == 2

    result = stack.refresh(*verbose)
    outputs["refresh"] = result.stdout + result.stderr
    set_instances(stack, {"crm": basic_instance("CRM v2"), "social": oauth_spec})
    result = stack.up(*verbose)
    outputs["update"] = result.stdout + result.stderr
    result = stack.preview("--diff", *verbose)
    outputs["preview --diff"] = result.stdout + result.stderr
    outputs["stack output"] = stack.run("stack", "output", "--json").stdout
    outputs["stack export"] = stack.run("stack", "export").stdout
    for path in stack.state_files():
        outputs[f"state file {path.relative_to(stack.backend_dir)}"] = path.read_text(
            errors="replace"
        )

    # A failing operation: the error text must not echo the (wrong) secret either. (An update,
    # not a refresh: refresh runs the providers with the configuration recorded in state.)
    stack.config("openconnectors:userSecret", "canary-wrong-user-secret-99", secret=True)
    set_instances(stack, {"crm": basic_instance("CRM v3"), "social": oauth_spec})
    result = stack.up(*verbose, check=False)
    assert result.returncode != 0
    failure = result.stdout + result.stderr
    assert "openconnectors:userSecret" in failure, failure[-3000:]
    outputs["failed update"] = failure
    stack.config("openconnectors:userSecret", USER, secret=True)

    # destroy (like refresh) uses the provider configuration recorded in state by the last
    # update - the wrong one here; --run-program makes it use the corrected stack config.
    result = stack.destroy("--run-program", *verbose)
    outputs["destroy"] = result.stdout + result.stderr
    outputs["emulator log"] = "\n".join(emulator_log.lines)
    for path in stack.home_dir.rglob("*.log"):
        outputs[f"pulumi home {path.name}"] = path.read_text(errors="replace")

    canaries = {
        "user secret": USER,
        "organization secret": ORG,
        "password": PASSWORD,
        "oauth api secret": OAUTH_SECRET,
        "oauth code": code,
        "wrong user secret": "canary-wrong-user-secret-99",
        **tokens,
    }
    assert outputs["emulator log"], "the emulator logged requests (the scan is not vacuous)"
    set_aside = 0
    for where, text in list(outputs.items()):
        outputs[where], removed = _without_sdk_stack_output_debug(text)
        set_aside += removed
    assert set_aside > 0, "the SDK's stack-output debug lines were recognised"
    assert any("token" in k for k in canaries)
    leaks = _scan(outputs, canaries)
    assert leaks == [], "\n".join(leaks)
    assert live.instances() == []


DOCUMENT_SECRETS_PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
flow = oc.Formula(
    "flow",
    name="secret-flow",
    configuration=[{"key": "apiKey", "name": "API key", "type": "value"}],
    triggers=[{"type": "manual", "properties": {}, "onSuccess": ["go"], "onFailure": []}],
    steps=[{"name": "go", "type": "script", "properties": {"body": "done(true);"},
            "onSuccess": [], "onFailure": []}],
)
oc.FormulaInstance("run", formula_id=flow.id, name=cfg.require("runName"),
    configuration={"apiKey": cfg.require_secret("apiKey")})
"""
FORMULA_VALUE = "canary-formula-value-5ec2e7"
SECRET_SIG = "4dabf18193072939515e22adb298388d"  # how Pulumi marks a secret in state


def test_a_secret_formula_instance_value_stays_encrypted(
    stack_factory: Any, canary_emulator: tuple[EmulatorServer, Capture]
) -> None:
    """A formula instance's configuration value given as a secret (an API key for a `value`
    variable) is encrypted in state (inputs and outputs), never in exports, previews or logs,
    through create, refresh, update and destroy."""
    emu, emulator_log = canary_emulator
    stack = stack_factory(DOCUMENT_SECRETS_PROGRAM).init()
    stack.config("openconnectors:baseUrl", emu.base_url)
    stack.config("openconnectors:userSecret", USER, secret=True)
    stack.config("openconnectors:organizationSecret", ORG, secret=True)
    stack.config("apiKey", FORMULA_VALUE, secret=True)
    stack.config("runName", "run-1")

    outputs: dict[str, str] = {}
    verbose = ("--logtostderr", f"-v={VERBOSITY}")
    result = stack.up(*verbose)
    outputs["up"] = result.stdout + result.stderr
    outputs["refresh"] = (r := stack.refresh(*verbose)).stdout + r.stderr
    stack.config("runName", "run-2")
    outputs["update"] = (r := stack.up(*verbose)).stdout + r.stderr
    outputs["preview --diff"] = (r := stack.preview("--diff", *verbose)).stdout + r.stderr

    [run] = stack.resources(":FormulaInstance")
    for part in ("inputs", "outputs"):
        assert SECRET_SIG in json.dumps(run[part]["configuration"]), (part, run[part])
    outputs["stack export"] = stack.run("stack", "export").stdout
    for path in stack.state_files():
        outputs[f"state file {path.name}"] = path.read_text(errors="replace")
    outputs["destroy"] = (r := stack.destroy(*verbose)).stdout + r.stderr
    outputs["emulator log"] = "\n".join(emulator_log.lines)
    for path in stack.home_dir.rglob("*.log"):
        outputs[f"pulumi home {path.name}"] = path.read_text(errors="replace")
    for where, text in list(outputs.items()):
        outputs[where], _ = _without_sdk_stack_output_debug(text)
    leaks = _scan(outputs, {"formula value": FORMULA_VALUE, "user secret": USER})
    assert leaks == [], "\n".join(leaks)
