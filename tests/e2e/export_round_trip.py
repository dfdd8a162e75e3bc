"""The export round trip both `export` formats share (tests/e2e/test_export.py for Python,
tests/e2e/test_yaml.py for YAML): an organization built by hand through the API (`seed`),
everything it holds (`account`), the export command, and the steps after it: the secrets the
README lists are set, the first `pulumi up` adopts every object (no create, no delete, the
account unchanged), a preview shows no change, one edit changes one object, and a destroy with
retainOnDelete leaves the account as it is."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pulumi_openconnectors.devtools.launcher import credentials_env

from .harness import REPO, VENV, Stack
from .live import oauth_code
from .platform import Platform, creates_and_deletes, delta

CALLBACK = "http://127.0.0.1:9/callback"
CONNECTORS = ("brighttalk", "closeio", "hootsuite", "sfdc")
COLLIDING = ("1abc", "r 1abc")  # created in this order: `1abc` has the lower id
CUSTOM = "acme-crm"
"""The custom connector (a private element) of the organization; one instance of it."""
INSTANCES = 33
"""Connector instances the seed makes, one secret each."""
CUSTOM_CONNECTOR: dict[str, Any] = {
    "key": CUSTOM,
    "name": "Acme CRM",
    "hub": "crm",
    "authentication": {"type": "basic"},
    "configuration": [
        {"key": "base.url", "defaultValue": "https://api.acme.test/v1"},
        {"key": "acme.username", "required": True},
        {"key": "acme.password", "required": True, "type": "PASSWORD"},
    ],
    "resources": [
        {
            "path": "/hubs/crm/contacts",
            "method": "GET",
            "vendorPath": "/contacts",
            "vendorMethod": "GET",
            "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
            "hooks": [{"type": "postRequest", "body": "done({response_body: response_body});"}],
        }
    ],
    # hooks as code: the export writes connectors/acme-crm/ (element.json and the .js files)
    "hooks": [
        {
            "type": "preRequest",
            "body": "// sign\r\nconst h = {...request_vendor_headers, 'X-Acme': 'ü'};\r\n"
            "done({request_vendor_headers: h, continue: true});\n",
        }
    ],
}
EXTENSION: dict[str, Any] = {
    "path": "/hubs/crm/expenses",
    "method": "GET",
    "vendorPath": "/expenses",
    "vendorMethod": "GET",
    "parameters": [{"name": "where", "vendorName": "q", "type": "query"}],
}
"""A resource of the organization's own on the catalog's closeio (an extended connector)."""
VDR: dict[str, Any] = {
    "vdrVersion": "v2",
    "vdrName": "myContact",
    "description": "contacts of every CRM",
    "definition": {
        "fields": [
            {"path": "id", "type": "string"},
            {"path": "email", "type": "string", "displayName": "Email"},
        ]
    },
    "transformation": {
        "sfdc": {
            "vendorName": "Contact",
            "fields": [
                {"path": "id", "vendorPath": "Id"},
                {"path": "email", "vendorPath": "Email"},
            ],
        }
    },
}


def seed(emulator: Any) -> dict[tuple[int, str], str]:
    """A custom connector (`acme-crm`), a resource of its own on closeio (an extended
    connector), 33 instances of 5 connectors (two of them named `1abc`
    and `r 1abc`, one of the custom connector), 3 common resources, 5 transformations (one of
    the custom connector), a virtual data resource (v2), 4 formulas and 4 formula instances,
    made directly through the API. Returns the secret of each (instance id, configuration
    key)."""
    api = Platform(emulator)
    secrets: dict[tuple[int, str], str] = {}
    made: dict[str, list[int]] = {key: [] for key in CONNECTORS}
    api.ok("POST", "/elements", CUSTOM_CONNECTOR)
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
    custom = api.ok(
        "POST",
        "/instances",
        {
            "element": {"key": CUSTOM},
            "name": f"{CUSTOM}-01",
            "configuration": {"acme.username": "ada", "acme.password": "pw-acme"},
        },
    )
    secrets[(custom["id"], "acme.password")] = "pw-acme"
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
    api.ok("POST", f"/organizations/elements/{CUSTOM}/transformations/contacts", mapping)
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
    api.ok("POST", "/elements/closeio/resources", EXTENSION)
    api.ok("POST", "/vdrs", {"objectName": VDR["vdrName"], **VDR["definition"]})
    api.ok("PUT", "/vdrs/import", VDR)
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
    vdrs = api.listing("/vdrs")
    return {
        "connectors": api.listing("/elements?where=private='true'"),
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
            key: api.listing(f"/organizations/elements/{key}/transformations")
            for key in (*CONNECTORS, CUSTOM)
        }
        | {i["id"]: api.listing(f"/instances/{i['id']}/transformations") for i in instances},
        "vdrs": {v["objectName"]: api.ok("GET", f"/vdrs/{v['objectName']}/export") for v in vdrs},
        "element_resources": {
            key: api.ok("GET", f"/elements/{key}/resources") for key in CONNECTORS
        },
        "formulas": formulas,
        "formula_instances": {
            f["id"]: api.listing(f"/formulas/{f['id']}/instances") for f in formulas
        },
    }


def export(
    emulator: Any, out: Path, *extra: str, project: str = "acme"
) -> subprocess.CompletedProcess[str]:
    """`python -m pulumi_openconnectors export --out OUT --project PROJECT --retain-on-delete
    EXTRA...` against the emulator's organization."""
    env = {"PATH": "/usr/bin:/bin", **credentials_env(emulator)}
    return subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-m",
            "pulumi_openconnectors",
            "export",
            "--out",
            str(out),
            "--project",
            project,
            "--retain-on-delete",
            *extra,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


SECRET_LINE = re.compile(
    r"pulumi config set --secret (\S+) -- '<the (\S+) of instance (\d+) \([^)]*\)>'"
)


def adopt_edit_and_keep(
    stack: Stack,
    emulator: Any,
    secrets: dict[tuple[int, str], str],
    readme: str,
    edit: Callable[[], None],
    then: Callable[[], None] | None = None,
) -> dict[str, int]:
    """The steps after the export, on a stack of the exported program (its emulator settings
    set): set the secrets the README lists, `up` (adopts: no create or delete, the account
    unchanged), a no-change preview, `edit()` then `up`, `then()` (the caller's further steps),
    destroy (retainOnDelete: the account stays). Returns the requests (route -> count) of the
    `up` after the edit."""
    api = Platform(emulator)
    before = account(emulator)
    lines = SECRET_LINE.findall(readme)
    assert len(lines) == INSTANCES, readme
    # One `pulumi config set-all` for the lines (each line sets one secret the same way).
    stack.config_all(
        {},
        {key: secrets[(int(instance_id), secret_key)] for key, secret_key, instance_id in lines},
    )

    requests_before = api.requests_by_route()
    stack.up()
    assert creates_and_deletes(requests_before, api.requests_by_route()) == {}
    assert account(emulator) == before, "adoption changed the account"
    stack.preview("--expect-no-changes")

    edit()
    requests_before = api.requests_by_route()
    stack.up()
    changed = delta(requests_before, api.requests_by_route())
    assert account(emulator) != before
    if then is not None:
        then()
    edited = account(emulator)

    stack.destroy()
    assert account(emulator) == edited, "a destroy with retainOnDelete changed the account"
    assert stack.resources("ConnectorInstance") == []
    return changed
