"""A stack written by the package as it was before the smaller state (issue #13) keeps working.

The old package is the repository's own source at STATE_WRITER (``git archive``), put first on
the engine's PYTHONPATH, so the program and the dynamic-provider host both run it: its state
names the provider class by its module path, keeps ``provider_data`` (encrypted) and
``late_create_possible: false`` in the outputs and ``retrieve_objects: false`` in the inputs.
Then the current package takes over the same stack: preview shows no change, refresh, update
and destroy work with one API call per instance each, nothing is replaced or duplicated, and
the secrets stay encrypted.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from .harness import REPO
from .invariants import assert_state_matches_emulator
from .live import Live, oauth_code
from .programs import INSTANCES_PROGRAM, basic_instance, configure_emulator, set_instances

pytestmark = pytest.mark.e2e

STATE_WRITER = "dcdad4e"  # main before the smaller state: what existing stacks hold
OAUTH_KEY, OAUTH_SECRET = "compat-app", "compat-app-secret"
CALLBACK = "https://example.com/compat/callback"
SECRETS = {"pw": "compat-password-1", "oauth": OAUTH_SECRET}
SECRET_SIG = "4dabf18193072939515e22adb298388d"


def old_package(dest: Path) -> Path:
    """The package source at STATE_WRITER, extracted under ``dest``; its PYTHONPATH entry."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", STATE_WRITER, "provider/pulumi_openconnectors"],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"commit {STATE_WRITER} is not in this clone ({exc}); cannot build old state")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "provider"


def instance_resources(stack: Any) -> list[dict[str, Any]]:
    return list(stack.resources(":ConnectorInstance"))


def test_state_written_before_keeps_working(
    stack_factory: Any, emulator: Any, tmp_path: Path
) -> None:
    live = Live(emulator)
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator)
    code = oauth_code(emulator, "hootsuite", OAUTH_KEY, OAUTH_SECRET, CALLBACK)
    oauth_spec = {
        "element_key": "hootsuite",
        "name": "Compat Social",
        "configuration": {"oauth.api.key": OAUTH_KEY, "oauth.callback.url": CALLBACK},
        "secretConfiguration": {"oauth.api.secret": "oauth"},
        "providerDataRef": "code",
    }
    specs = {
        "crm": basic_instance("Compat CRM"),
        "crm2": basic_instance("Compat CRM 2", tags=["a", "b"]),
        "social": oauth_spec,
    }
    set_instances(stack, specs, {**SECRETS, "code": code})

    # 1. The old package writes the state.
    stack.extra_env["PYTHONPATH"] = str(old_package(tmp_path / "old"))
    stack.up()
    old = {r["urn"]: r for r in instance_resources(stack)}
    assert len(old) == 3
    for r in old.values():
        pickled = base64.b64decode(r["inputs"]["__provider"])
        assert b"pulumi_openconnectors.resources.connector_instance.provider" in pickled
        assert r["outputs"]["late_create_possible"] is False
        assert r["inputs"]["retrieve_objects"] is False
    social = next(r for r in old.values() if r["urn"].endswith("::social"))
    assert SECRET_SIG in json.dumps(social["outputs"]["provider_data"]), "old: kept, encrypted"
    ids = assert_state_matches_emulator(stack, live)

    # 2. The current package takes over.
    del stack.extra_env["PYTHONPATH"]
    emulator.admin.clear_stats()
    stack.preview("--expect-no-changes")
    assert emulator.admin.stats()["requests"] == {}

    refresh = stack.refresh()
    assert "replace" not in refresh.stdout.lower()
    assert emulator.admin.stats()["requests"] == {"GET /instances/{id}": 3}
    assert assert_state_matches_emulator(stack, live) == ids
    after_refresh = {r["urn"]: r for r in instance_resources(stack)}
    assert {u: r["id"] for u, r in after_refresh.items()} == {u: r["id"] for u, r in old.items()}
    for r in after_refresh.values():
        assert "provider_data" not in r["outputs"]  # no longer kept after create
        assert "late_create_possible" not in r["outputs"]
        assert r["outputs"]["ownership_tag"] == old[r["urn"]]["outputs"]["ownership_tag"]
        assert SECRET_SIG in json.dumps(r["outputs"]["token"])
        assert SECRET_SIG in json.dumps(r["outputs"]["configuration"])

    # An update in place: one PATCH each, same instances, secrets still encrypted.
    set_instances(
        stack,
        {name: {**spec, "tags": ["v2"]} for name, spec in specs.items()},
        {**SECRETS, "code": code},
    )
    emulator.admin.clear_stats()
    update = stack.up()
    assert "replace" not in update.stdout.lower(), update.stdout
    assert emulator.admin.stats()["requests"] == {"PATCH /instances/{id}": 3}
    assert assert_state_matches_emulator(stack, live) == ids
    assert all("v2" in i["tags"] for i in live.instances())
    exported = json.dumps(stack.export())
    for value in (*SECRETS.values(), code):
        assert value not in exported, "a secret in plaintext in state"

    emulator.admin.clear_stats()
    stack.destroy()
    assert emulator.admin.stats()["requests"] == {"DELETE /instances/{id}": 3}
    assert live.instances() == []
