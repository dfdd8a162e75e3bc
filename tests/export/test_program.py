"""The exported project from a snapshot (no HTTP): stable bytes, ruff-clean code that reads
like a person's, references instead of literal ids, secrets left to config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pulumi_openconnectors.client import Scope
from pulumi_openconnectors.client.models import (
    Formula,
    FormulaInstance,
    Instance,
    ObjectDefinition,
    Transformation,
)
from pulumi_openconnectors.export.program import build_project
from pulumi_openconnectors.export.reader import Found, Snapshot

RUFF = Path(sys.executable).parent / "ruff"


def snapshot() -> Snapshot:
    instances = [
        Instance.model_validate(
            {
                "id": 100002,
                "name": "Sales CRM",
                "token": "tok-2",
                "element": {"key": "closeio", "id": 4032},
                "tags": ["prod", "pulumi-openconnectors:abc"],
                "disabled": False,
                "configuration": {"username": "ops@example.com", "password": "********"},
            }
        ),
        Instance.model_validate(
            {
                "id": 100001,
                "name": "Sales CRM",
                "token": "tok-1",
                "element": {"key": "closeio", "id": 4032},
                "tags": [],
                "configuration": {"username": "other@example.com", "password": "********"},
            }
        ),
    ]
    definitions = {
        "myContacts": ObjectDefinition.model_validate(
            {"fields": [{"path": "id", "type": "string"}], "level": "organization"}
        )
    }
    transformations = [
        Found(
            Scope.element("closeio"),
            "myContacts",
            Transformation.model_validate(
                {
                    "vendorName": "contacts",
                    "level": "organization",
                    "objectName": "myContacts",
                    "fields": [{"path": "id", "vendorPath": "id", "level": "organization"}],
                }
            ),
        )
    ]
    formulas = [
        Formula.model_validate(
            {
                "id": 7,
                "name": "Sync contacts",
                "userId": 1,
                "createdDate": "2026-01-01T00:00:00Z",
                "active": True,
                "configuration": [{"id": 1, "key": "crm", "type": "elementInstance"}],
                "triggers": [{"id": 2, "type": "manual", "onSuccess": ["s"], "onFailure": []}],
                "steps": [{"id": 3, "name": "s", "type": "script", "properties": {"body": "x"}}],
                "api": "GET /sync",
            }
        )
    ]
    formula_instances = [
        FormulaInstance.model_validate(
            {
                "id": 55,
                "name": "prod",
                "active": True,
                "formula": {"id": 7, "name": "Sync contacts"},
                "configuration": {"crm": "100002"},
            }
        )
    ]
    return Snapshot(instances, definitions, transformations, formulas, formula_instances)


def project(tmp: Path) -> dict[str, str]:
    built = build_project(
        snapshot(),
        project_name="acme",
        retain_on_delete=True,
        virtualenv=None,
        source="http://127.0.0.1:1/elements/api-v2",
    )
    for relative, content in built.files.items():
        (tmp / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp / relative).write_text(content)
    return built.files


def test_the_same_account_exports_to_the_same_bytes(tmp_path: Path) -> None:
    assert project(tmp_path / "a") == project(tmp_path / "b")


def test_the_program_is_ruff_clean_and_compiles(tmp_path: Path) -> None:
    files = project(tmp_path)
    compile(files["__main__.py"], "__main__.py", "exec")
    for argv in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        result = subprocess.run(
            [str(RUFF), *argv], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr + files["__main__.py"]


def test_references_secrets_and_names(tmp_path: Path) -> None:
    files = project(tmp_path)
    main = files["__main__.py"]
    # two instances with one name get distinct, stable resource names (by id)
    assert 'sales_crm = oc.ConnectorInstance(\n    "sales-crm",' in main
    assert 'sales_crm_2 = oc.ConnectorInstance(\n    "sales-crm-2",' in main
    assert main.index("adopt_instance_id=100001") < main.index("adopt_instance_id=100002")
    # secrets: read from config, never written
    assert 'cfg.require_secret("sales_crm_password")' in main
    assert "********" not in "".join(files.values())
    readme = files["README.md"]
    assert "pulumi config set --secret sales_crm_password -- " in readme
    assert "pulumi config set --secret sales_crm_2_password -- " in readme
    # references between objects are Pulumi references
    assert '"crm": sales_crm_2.id' in main
    assert "formula_id=sync_contacts.id" in main
    assert "common_resource=mycontacts" in main
    # the ownership tag of an earlier provider is not a tag the program declares
    assert "pulumi-openconnectors:abc" not in main
    # data files: server-set keys dropped, unknown keys kept
    formula = files["formulas/sync-contacts/formula.json"]
    assert '"userId"' not in formula and '"id"' not in formula and '"api": "GET /sync"' in formula
    # formulas as code: the script's body in its own file, the README draws the formula
    assert '"body"' not in formula and files["formulas/sync-contacts/s.js"] == "x"
    assert 'oc.Formula.from_file(\n    HERE / "formulas/sync-contacts",' in main
    assert "```mermaid\nflowchart TD\n" in readme and '"s<br/>script"' in readme
    assert "RETAIN = pulumi.ResourceOptions(retain_on_delete=True)" in main
