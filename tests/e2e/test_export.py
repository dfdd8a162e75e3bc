"""`python -m pulumi_openconnectors export` round trip through the real engine (issue #12): an
organization built by hand through the API is exported, the secrets the export lists are set,
and the first `pulumi up` adopts every object without a single create or delete."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .harness import VENV, Stack
from .live import oauth_code
from .platform import Platform, creates_and_deletes, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

CALLBACK = "http://127.0.0.1:9/callback"
CONNECTORS = ("brighttalk", "closeio", "hootsuite", "sfdc")
COLLIDING = ("1abc", "r 1abc")  # created in this order: `1abc` has the lower id


def seed(emulator: Any) -> dict[tuple[int, str], str]:
    """32 instances of 4 connectors (two of them named `1abc` and `r 1abc`), 3 common resources,
    4 transformations, 4 formulas and 4 formula instances, made directly through the API.
    Returns the secret of each (instance id, configuration key)."""
    api = Platform(emulator)
    secrets: dict[tuple[int, str], str] = {}
    made: dict[str, list[int]] = {key: [] for key in CONNECTORS}
    plan = [("closeio", 12), ("brighttalk", 8), ("hootsuite", 5), ("sfdc", 5)]
    for element, count in plan:
        for i in range(1, count + 1):
            body: dict[str, Any] = {
                "element": {"key": element},
                "name": f"{element}-{i:02d}",
                "tags": ["acme", "prod" if i % 2 else "dev"],
            }
            if element == "closeio":
                secret_key, secret = "password", f"pw-closeio-{i}"
                body["configuration"] = {"username": f"u{i}@example.com", secret_key: secret}
            elif element == "brighttalk":
                secret_key, secret = "brighttalk.api.secret", f"bt-secret-{i}"
                body["configuration"] = {"brighttalk.api.key": f"bt-key-{i}", secret_key: secret}
            else:
                secret_key, secret = "oauth.api.secret", f"oa-secret-{element}-{i}"
                api_key = f"app-{element}-{i}"
                body["configuration"] = {
                    "oauth.api.key": api_key,
                    secret_key: secret,
                    "oauth.callback.url": CALLBACK,
                }
                code = oauth_code(emulator, element, api_key, secret, CALLBACK)
                body["providerData"] = {"code": code}
            instance = api.ok("POST", "/instances", body)
            made[element].append(instance["id"])
            secrets[(instance["id"], secret_key)] = secret
    # names that sanitise to the same variable (issue 19, 5.2): `1abc` -> r_1abc <- `r 1abc`
    colliding: dict[str, int] = {}
    for name in COLLIDING:
        body = {
            "element": {"key": "closeio"},
            "name": name,
            "configuration": {"username": "c@example.com", "password": f"pw-{name}"},
        }
        instance = api.ok("POST", "/instances", body)
        colliding[name] = instance["id"]
        secrets[(instance["id"], "password")] = f"pw-{name}"
    for name, fields in (
        ("contacts", ["id", "email", "name"]),
        ("accounts", ["id", "domain"]),
        ("leads", ["id", "source"]),
    ):
        api.ok(
            "POST",
            f"/organizations/objects/{name}/definitions",
            {"fields": [{"path": f, "type": "string"} for f in fields]},
        )
    mapping = {"vendorName": "contacts", "fields": [{"path": "id", "vendorPath": "id"}]}
    api.ok("POST", "/organizations/elements/closeio/transformations/contacts", mapping)
    api.ok("POST", "/organizations/elements/sfdc/transformations/contacts", mapping)
    api.ok(
        "POST",
        "/organizations/elements/sfdc/transformations/accounts",
        {"vendorName": "Account", "fields": [{"path": "domain", "vendorPath": "Website"}]},
    )
    api.ok(
        "POST",
        f"/instances/{made['closeio'][0]}/transformations/leads",
        {"vendorName": "leads", "fields": [{"path": "source", "vendorPath": "lead_source"}]},
    )
    variables = [{"key": "crm", "name": "CRM", "type": "elementInstance"}]
    sync = api.ok(
        "POST",
        "/formulas",
        {
            "name": "sync contacts",
            "description": "copies contacts",
            "configuration": variables,
            "triggers": [
                {
                    "type": "event",
                    "properties": {"elementInstanceId": "${config.crm}"},
                    "onSuccess": ["shape"],
                    "onFailure": [],
                }
            ],
            "steps": [
                {
                    "name": "shape",
                    "type": "script",
                    "properties": {"body": "done({id: trigger.event.objectId});"},
                    "onSuccess": [],
                    "onFailure": [],
                }
            ],
        },
    )
    nightly = api.ok(
        "POST",
        "/formulas",
        {
            "name": "nightly",
            "configuration": variables,
            "triggers": [
                {
                    "type": "scheduled",
                    "properties": {"cron": "0 0 2 * * ?"},
                    "onSuccess": [],
                    "onFailure": [],
                }
            ],
        },
    )
    api.ok(
        "POST",
        f"/formulas/{sync['id']}/instances",
        {"name": "prod", "configuration": {"crm": str(made["closeio"][0])}},
    )
    api.ok(
        "POST",
        f"/formulas/{nightly['id']}/instances",
        {"name": "nightly-run", "configuration": {"crm": str(made["sfdc"][0])}},
    )
    for name in COLLIDING:
        formula = api.ok(
            "POST",
            "/formulas",
            {
                "name": name,
                "configuration": variables,
                "triggers": [{"type": "manual", "onSuccess": [], "onFailure": []}],
            },
        )
        api.ok(
            "POST",
            f"/formulas/{formula['id']}/instances",
            {"name": "wired", "configuration": {"crm": str(colliding[name])}},
        )
    return secrets


def account(emulator: Any) -> dict[str, Any]:
    """Everything the organization holds (what must not change), read over raw HTTP."""
    api = Platform(emulator)
    instances = api.listing("/instances")
    formulas = api.listing("/formulas")
    return {
        "instances": sorted(
            (
                i["id"],
                i["name"],
                sorted(i["tags"]),
                sorted(i["configuration"].items()),
                i["disabled"],
            )
            for i in instances
        ),
        "definitions": api.listing("/organizations/objects/definitions"),
        "transformations": {
            key: api.listing(f"/organizations/elements/{key}/transformations") for key in CONNECTORS
        }
        | {i["id"]: api.listing(f"/instances/{i['id']}/transformations") for i in instances},
        "formulas": formulas,
        "formula_instances": {
            f["id"]: api.listing(f"/formulas/{f['id']}/instances") for f in formulas
        },
    }


def export(emulator: Any, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "OPENCONNECTORS_BASE_URL": emulator.base_url,
        "OPENCONNECTORS_USER_SECRET": emulator.user_secret,
        "OPENCONNECTORS_ORGANIZATION_SECRET": emulator.organization_secret,
    }
    return subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-m",
            "pulumi_openconnectors",
            "export",
            "--out",
            str(out),
            "--project",
            "acme",
            "--retain-on-delete",
            "--virtualenv",
            str(VENV),
            *extra,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


SECRET_LINE = re.compile(
    r"pulumi config set --secret (\S+) -- '<the (\S+) of instance (\d+) \([^)]*\)>'"
)


def test_export_round_trip(stack_factory: Any, emulator: Any, tmp_path: Path) -> None:
    secrets = seed(emulator)
    api = Platform(emulator)
    before_export = account(emulator)

    first = export(emulator, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    assert "[export] instances" in first.stderr and "32 found" in first.stderr
    second = export(emulator, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert files_of(tmp_path / "first") == files_of(tmp_path / "second"), "not byte-identical"

    exported = tmp_path / "first"
    ruff = VENV / "bin" / "ruff"
    for argv in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        lint = subprocess.run(
            [str(ruff), *argv], cwd=exported, capture_output=True, text=True, check=False
        )
        assert lint.returncode == 0, lint.stdout + lint.stderr

    main = (exported / "__main__.py").read_text()
    assert main.count("oc.ConnectorInstance(") == 32
    assert main.count("oc.CommonResource.from_file(") == 3
    assert main.count("oc.Transformation.from_file(") == 4
    assert main.count("oc.Formula.from_file(") == 4
    assert main.count("oc.FormulaInstance(") == 4
    assert "closeio_01.id" in main, "a formula instance refers to the exported instance"

    stack: Stack = stack_factory(main, project="acme").init()
    for path in exported.iterdir():
        if path.is_dir():
            shutil.copytree(path, stack.project_dir / path.name)
    configure_emulator(stack, emulator)
    readme = (exported / "README.md").read_text()
    lines = SECRET_LINE.findall(readme)
    assert len(lines) == 32, readme
    for config_key, secret_key, instance_id in lines:
        stack.config(config_key, secrets[(int(instance_id), secret_key)], secret=True)

    requests_before = api.requests_by_route()
    stack.up()
    assert creates_and_deletes(requests_before, api.requests_by_route()) == {}
    assert account(emulator) == before_export, "adoption changed the account"
    stack.preview("--expect-no-changes")

    # formulas as code: a formula is a directory, its script's body a .js file next to it
    folder = stack.project_dir / "formulas" / "sync-contacts"
    assert sorted(p.name for p in folder.iterdir()) == ["formula.json", "shape.js"]
    assert (folder / "shape.js").read_text() == "done({id: trigger.event.objectId});"
    assert "```mermaid\nflowchart TD\n" in readme and '"shape<br/>script"' in readme

    # one data file edited: exactly that object changes
    formula_file = folder / "formula.json"
    formula_file.write_text(formula_file.read_text().replace("copies contacts", "copies more"))
    requests_before = api.requests_by_route()
    stack.up()
    # (a GET first: the PUT keeps the flags the file does not set, as the formula has them)
    assert delta(requests_before, api.requests_by_route()) == {
        "GET /formulas/{id}": 1,
        "PUT /formulas/{id}": 1,
    }
    edited = account(emulator)
    assert edited != before_export

    # a script edited in its .js file: the preview shows that step's body changing
    script = "done({id: trigger.event.objectId, edited: true});"
    (folder / "shape.js").write_text(script)
    diff = stack.preview("--diff").stdout
    assert "~ pulumi-python:dynamic/openconnectors:Formula: (update)" in diff, diff
    assert "openconnectors:Formula::sync-contacts]" in diff, diff
    changed_step = re.compile(
        r'~ steps +: \[\s+~ \[0\]: \{\s+name +: "shape"\s+~ properties: \{\s+'
        r'~ body: "done\(\{id: trigger\.event\.objectId\}\);" => ' + re.escape(json.dumps(script))
    )
    assert changed_step.search(diff), diff  # the step, by its name, and its body's change
    assert "~ 1 to update" in diff, diff
    requests_before = api.requests_by_route()
    stack.up()
    assert delta(requests_before, api.requests_by_route()) == {
        "GET /formulas/{id}": 1,
        "PUT /formulas/{id}": 1,
    }
    sync = next(f for f in api.listing("/formulas") if f["name"] == "sync contacts")
    assert sync["steps"][0]["properties"]["body"] == script
    edited = account(emulator)

    # destroy with retain_on_delete: the account stays as it is
    stack.destroy()
    assert account(emulator) == edited
    assert stack.resources("ConnectorInstance") == []
