"""The exported project from a snapshot (no HTTP): stable bytes, ruff-clean code that reads
like a person's, references instead of literal ids, secrets left to config."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pulumi_openconnectors.client import Scope
from pulumi_openconnectors.client.models import (
    Formula,
    FormulaInstance,
    Instance,
    ObjectDefinition,
    PrivateElement,
    Transformation,
    VdrDocument,
)
from pulumi_openconnectors.export.program import build_project
from pulumi_openconnectors.export.project import connector_document
from pulumi_openconnectors.export.reader import Found, Snapshot
from pulumi_openconnectors.export.yaml_program import document_inputs
from pulumi_openconnectors.resources.connector.spec import SPEC as CONNECTOR_SPEC
from pulumi_openconnectors.resources.connector_extension.export import (
    document as extension_document,
)
from pulumi_openconnectors.resources.connector_extension.spec import SPEC as EXTENSION_SPEC
from pulumi_openconnectors.resources.files import file_inputs
from pulumi_openconnectors.resources.virtual_data_resource.export import (
    document as vdr_document,
)
from pulumi_openconnectors.resources.virtual_data_resource.spec import SPEC as VDR_SPEC

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
        Instance.model_validate(
            {
                "id": 100003,
                "name": "Acme",
                "token": "tok-3",
                "element": {"key": "acme-crm", "id": 100001},
                "tags": [],
                "configuration": {"acme.username": "ada", "acme.password": "********"},
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
    transformations.append(
        Found(
            Scope.element("acme-crm"),
            "myContacts",
            Transformation.model_validate(
                {"vendorName": "people", "fields": [{"path": "id", "vendorPath": "pid"}]}
            ),
        )
    )
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
    return Snapshot(
        instances,
        definitions,
        transformations,
        formulas,
        formula_instances,
        connectors=[CONNECTOR],
        documents={
            "VirtualDataResource": [("myContact", vdr_document(VDR))],
            "ConnectorExtension": [("closeio", extension_document(EXTENSION))],
        },
    )


CONNECTOR = PrivateElement.model_validate(
    {
        "id": 100001,
        "key": "acme-crm",
        "name": "Acme CRM",
        "private": True,
        "description": "",
        "hub": "crm",
        "image": "",
        "createdDate": "2026-01-01T00:00:00Z",
        "updatedDate": "2026-01-02T00:00:00Z",
        "authentication": {"type": "basic"},
        "configuration": [
            {"id": 100001000, "elementId": 100001, "key": "acme.username", "required": True},
            {"id": 100001001, "key": "acme.password", "required": True, "type": "PASSWORD"},
        ],
        "resources": [
            {
                "id": 100001000,
                "createdDate": "2026-01-01T00:00:00Z",
                "path": "/hubs/crm/contacts",
                "method": "GET",
                "vendorPath": "/contacts",
                "parameters": [
                    {"id": 1, "resourceId": 100001000, "name": "where", "type": "query"}
                ],
            }
        ],
    }
)
"""A custom connector as ``GET /elements/{id}/export`` answers it."""

VDR = VdrDocument.model_validate(
    {
        "id": 12,
        "vdrVersion": "v2",
        "vdrName": "myContact",
        "description": "contacts of every CRM",
        "definition": {"fields": [{"id": 31, "path": "email", "type": "string"}]},
        "transformation": {
            "closeio": {
                "id": 7,
                "vdrId": 12,
                "vendorName": "contacts",
                "fields": [{"id": 71, "vdrFieldId": 31, "path": "email", "vendorPath": "emails"}],
            }
        },
    }
)
"""A v2 VDR as ``GET /vdrs/{name}/export`` answers it."""

EXTENSION = PrivateElement.model_validate(
    {
        "id": 4032,
        "key": "closeio",
        "name": "Close.io",
        "private": False,
        "extended": True,
        "authentication": {"type": "basic"},
        "resources": [
            {
                "id": 500001,
                "elementId": 4032,
                "ownerAccountId": 77,
                "path": "/hubs/crm/expenses",
                "method": "GET",
                "vendorPath": "/expenses",
                "type": "api",
                "parameters": [],
                "createdDate": "2026-12-02T10:00:00Z",
            }
        ],
    }
)
"""An extended connector as ``GET /elements/{id}/export?extendedOnly=true`` answers it."""


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
    assert "```mermaid\nflowchart TD\n" in readme and '"s\nscript"' in readme
    assert "RETAIN = pulumi.ResourceOptions(retain_on_delete=True)" in main


def test_custom_connectors_and_vdrs_are_data_files_read_by_from_file(tmp_path: Path) -> None:
    files = project(tmp_path)
    main = files["__main__.py"]
    # the connector is a data file, written before the instance that refers to it by output
    assert 'acme_crm = oc.Connector.from_file(\n    HERE / "connectors/acme-crm.json",' in main
    assert main.index("acme_crm = oc.Connector") < main.index("element_key=acme_crm.key")
    assert main.count("element_key=acme_crm.key") == 2  # the instance, the transformation
    assert 'element_key="closeio"' in main  # a catalog connector stays a key
    assert 'cfg.require_secret("acme_acme_password")' in main
    assert 'oc.VirtualDataResource.from_file(\n    HERE / "vdrs/myContact.json",' in main
    connector = json.loads(files["connectors/acme-crm.json"])
    assert connector == {
        "authentication": {"type": "basic"},
        "configuration": [
            {"key": "acme.username", "required": True},
            {"key": "acme.password", "required": True, "type": "PASSWORD"},
        ],
        "hub": "crm",
        "image": "",
        "key": "acme-crm",
        "name": "Acme CRM",
        "resources": [
            {
                "method": "GET",
                "parameters": [{"name": "where", "type": "query"}],
                "path": "/hubs/crm/contacts",
                "vendorPath": "/contacts",
            }
        ],
    }, "server-set keys and the empty description (read as unset) left out"
    vdr = json.loads(files["vdrs/myContact.json"])
    assert vdr == {
        "definition": {"fields": [{"path": "email", "type": "string"}]},
        "description": "contacts of every CRM",
        "transformation": {
            "closeio": {
                "fields": [{"path": "email", "vendorPath": "emails"}],
                "vendorName": "contacts",
            }
        },
        "vdrName": "myContact",
        "vdrVersion": "v2",
    }
    # an extended connector: its key and the organization's resources, adopted
    assert (
        "closeio_extension = oc.ConnectorExtension.from_file(\n"
        '    HERE / "connector-extensions/closeio.json",\n    "closeio-extension",\n'
        "    adopt=True,"
    ) in main
    assert json.loads(files["connector-extensions/closeio.json"]) == {
        "key": "closeio",
        "resources": [
            {
                "method": "GET",
                "parameters": [],
                "path": "/hubs/crm/expenses",
                "type": "api",
                "vendorPath": "/expenses",
            }
        ],
    }
    readme = files["README.md"]
    assert "| extended connectors | 1 |" in readme
    assert "| custom connectors | 1 |" in readme
    assert "| virtual data resources | 1 |" in readme


def test_the_data_files_give_the_inputs_the_yaml_program_writes(tmp_path: Path) -> None:
    """`from_file` of an exported file gives the inputs the YAML export writes inline: the two
    formats describe the same objects."""
    project(tmp_path)
    yaml_inputs = {
        "connectors/acme-crm.json": (CONNECTOR_SPEC, connector_document(CONNECTOR)),
        "vdrs/myContact.json": (VDR_SPEC, vdr_document(VDR)),
        "connector-extensions/closeio.json": (EXTENSION_SPEC, extension_document(EXTENSION)),
    }
    for relative, (spec, document) in yaml_inputs.items():
        _, inputs = file_inputs(spec, tmp_path / relative, None, {})
        assert inputs == document_inputs(spec, document), relative
