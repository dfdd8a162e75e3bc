"""`python -m pulumi_openconnectors export` as a user runs it (issue 19, 5.3, 5.11-5.13): the
--out directory, --project and --kinds are checked before anything is read or written; a
refusal is one line on stderr and exit 2, never a traceback; a directory of the user's is
never overwritten or emptied."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from pulumi_openconnectors.cli import main
from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.export.output import is_export_file

MANIFEST = ".openconnectors-export.json"


def auth(emulator: EmulatorServer) -> dict[str, str]:
    return {
        "Authorization": f"User {emulator.user_secret}, Organization {emulator.organization_secret}"
    }


def api(emulator: EmulatorServer, method: str, path: str, body: Any = None) -> Any:
    answer = requests.request(
        method, emulator.base_url + path, json=body, headers=auth(emulator), timeout=10
    )
    assert answer.status_code == 200, answer.text
    return answer.json() if answer.content else None


def formula(emulator: EmulatorServer, name: str) -> int:
    body = {"name": name, "triggers": [{"type": "manual", "onSuccess": [], "onFailure": []}]}
    return int(api(emulator, "POST", "/formulas", body)["id"])


@pytest.fixture
def account(emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> EmulatorServer:
    monkeypatch.setenv("OPENCONNECTORS_BASE_URL", emulator.base_url)
    monkeypatch.setenv("OPENCONNECTORS_USER_SECRET", emulator.user_secret)
    monkeypatch.setenv("OPENCONNECTORS_ORGANIZATION_SECRET", emulator.organization_secret)
    monkeypatch.delenv("OPENCONNECTORS_REGION", raising=False)
    formula(emulator, "sync")
    return emulator


def export(out: Path | str, *extra: str) -> int:
    return main(["export", "--out", str(out), *extra])


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def one_error_line(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("[export]")]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# 5.3 --out into a directory that holds the user's files


def users_project(folder: Path) -> dict[str, bytes]:
    (folder / "formulas").mkdir(parents=True)
    (folder / "__main__.py").write_text("print('mine')\n")
    (folder / "README.md").write_text("# mine\n")
    (folder / "Pulumi.yaml").write_text("name: mine\nruntime: python\n")
    (folder / "formulas" / "mine.json").write_text("{}\n")
    return files_of(folder)


def test_a_non_empty_directory_that_is_no_export_is_refused(
    account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = users_project(tmp_path / "mine")
    assert export(tmp_path / "mine", "--project", "acme") == 2
    one_error_line(capsys, "--force", "not empty")
    assert files_of(tmp_path / "mine") == mine


def test_force_writes_the_export_and_deletes_nothing(
    account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    users_project(tmp_path / "mine")
    assert export(tmp_path / "mine", "--project", "acme", "--force") == 0
    written = files_of(tmp_path / "mine")
    assert written["formulas/mine.json"] == b"{}\n", "a file the export did not write is gone"
    assert b"oc.Formula.from_file" in written["__main__.py"]
    assert MANIFEST in written


def test_a_re_export_removes_only_the_files_of_the_earlier_export(
    account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    assert (out / "formulas" / "sync" / "formula.json").is_file()
    assert "formulas/sync/formula.json" in (out / MANIFEST).read_text()
    (out / "formulas" / "notes.json").write_text("{}\n")  # the user's own file
    (out / "NOTES.md").write_text("mine\n")
    sync = next(f for f in api(account, "GET", "/formulas") if f["name"] == "sync")
    api(account, "DELETE", f"/formulas/{sync['id']}")
    formula(account, "nightly")
    assert export(out, "--project", "acme") == 0
    assert not (out / "formulas" / "sync").exists(), "the deleted formula's directory stays"
    assert (out / "formulas" / "nightly" / "formula.json").is_file()
    assert (out / "formulas" / "notes.json").read_text() == "{}\n"
    assert (out / "NOTES.md").read_text() == "mine\n"
    assert "formulas/sync/formula.json" not in (out / MANIFEST).read_text()


def test_a_re_export_does_not_overwrite_a_file_it_did_not_write(
    account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    (out / "formulas" / "nightly").mkdir()
    (out / "formulas" / "nightly" / "formula.json").write_text("{}\n")  # the user's file
    formula(account, "nightly")
    capsys.readouterr()
    assert export(out, "--project", "acme") == 2
    one_error_line(capsys, "formulas/nightly/formula.json", "--force")
    assert (out / "formulas" / "nightly" / "formula.json").read_text() == "{}\n"


def test_a_manifest_cannot_make_the_export_delete_other_files(
    account: EmulatorServer, tmp_path: Path
) -> None:
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    (tmp_path / "precious.txt").write_text("keep\n")
    (out / "keep.py").write_text("keep\n")
    document = json.loads((out / MANIFEST).read_text())
    document["files"] += ["../precious.txt", "keep.py", str(tmp_path / "precious.txt")]
    document["files"] += ["formulas/../../precious.txt"]
    (out / MANIFEST).write_text(json.dumps(document))
    formula(account, "nightly")  # the export writes something else: the old files go
    assert export(out, "--project", "acme") == 0
    assert (tmp_path / "precious.txt").read_text() == "keep\n"
    assert (out / "keep.py").read_text() == "keep\n"


# 5.11 --out that cannot be written: one line, exit 2, nothing written


def unwritable_cases(tmp_path: Path) -> dict[str, Path]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x\n")
    return {
        "a file": a_file,
        "below a file": a_file / "out",
        "deep below a file": a_file / "out" / "deeper",
        "/proc": Path("/proc/x"),
    }


@pytest.mark.parametrize("case", ["a file", "below a file", "deep below a file", "/proc"])
def test_an_out_that_cannot_be_written_is_one_line_and_exit_2(
    case: str, account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = unwritable_cases(tmp_path)[case]
    before = files_of(tmp_path)
    assert export(out, "--project", "acme") == 2
    one_error_line(capsys, "--out")
    assert files_of(tmp_path) == before


# 5.12 --project as Pulumi validates it (tokens.ValidateProjectName)


@pytest.mark.parametrize("name", ["my project: x", "ünï", "", "a" * 101, "a/b", "x\ny"])
def test_an_invalid_project_name_is_refused(
    name: str, account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(tmp_path / "out", "--project", name) == 2
    one_error_line(capsys, "--project")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["acme", "my.project_1-x", "1e5", "true", "-", "a" * 100])
def test_a_valid_project_name_is_written_as_it_is(
    name: str, account: EmulatorServer, tmp_path: Path
) -> None:
    assert export(tmp_path / "out", "--project", name) == 0
    document = yaml.safe_load((tmp_path / "out" / "Pulumi.yaml").read_text())
    assert document["name"] == name


def test_the_default_project_name_is_valid(account: EmulatorServer, tmp_path: Path) -> None:
    out = tmp_path / ("Ünï Très " + "long-" * 30)
    assert export(out) == 0
    name = yaml.safe_load((out / "Pulumi.yaml").read_text())["name"]
    assert 0 < len(name) <= 100 and all(c.isascii() and (c.isalnum() or c in "_.-") for c in name)


def test_a_virtualenv_path_is_written_as_it_is(account: EmulatorServer, tmp_path: Path) -> None:
    venv = "/opt/my venv: #1/.venv"
    assert export(tmp_path / "out", "--project", "acme", "--virtualenv", venv) == 0
    document = yaml.safe_load((tmp_path / "out" / "Pulumi.yaml").read_text())
    assert document["runtime"]["options"]["virtualenv"] == venv


# 5.13 --kinds that names no kind


@pytest.mark.parametrize("kinds", [",", " , ,", ""])
def test_kinds_naming_no_kind_is_refused(
    kinds: str, account: EmulatorServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(tmp_path / "out", "--project", "acme", "--kinds", kinds) == 2
    one_error_line(capsys, "--kinds")
    assert not (tmp_path / "out").exists()


def test_a_formula_is_written_as_a_directory_with_its_scripts(
    account: EmulatorServer, tmp_path: Path
) -> None:
    body = "// shape\r\nconst x = 'ü';\r\ndone({x: x});\n"
    steps = [
        {"name": "Shape it?", "type": "script", "properties": {"body": body}, "onSuccess": []},
        {"name": "check", "type": "filter", "properties": {"body": "done(true);"}},
    ]
    document = {
        "name": "scripted",
        "triggers": [{"type": "manual", "onSuccess": ["check"], "onFailure": []}],
        "steps": [
            {**s, "onFailure": [], "onSuccess": s.get("onSuccess", ["Shape it?"])} for s in steps
        ],
    }
    api(account, "POST", "/formulas", document)
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    folder = out / "formulas" / "scripted"
    assert (folder / "Shape-it.js").read_bytes() == body.encode("utf-8")  # as it is
    assert (folder / "check.js").read_bytes() == b"done(true);"
    written = json.loads((folder / "formula.json").read_text(encoding="utf-8"))
    assert [s["properties"] for s in written["steps"]] == [{}, {}]
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    assert {"formulas/scripted/Shape-it.js", "formulas/scripted/check.js"} <= set(manifest)
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "### scripted (`formulas/scripted`)\n\n```mermaid\nflowchart TD\n" in readme
    first = files_of(out)
    assert export(out, "--project", "acme") == 0
    assert files_of(out) == first, "a re-export is not byte-identical"


CUSTOM = {
    "key": "acme-crm",
    "name": "Acme CRM",
    "authentication": {"type": "basic"},
    "configuration": [{"key": "acme.username", "required": True}],
    "resources": [{"path": "/hubs/crm/contacts", "method": "GET", "vendorPath": "/contacts"}],
}


def test_custom_connectors_and_vdrs_are_exported_as_data_files(
    account: EmulatorServer, tmp_path: Path
) -> None:
    api(account, "POST", "/elements", CUSTOM)
    api(account, "POST", "/elements", {**CUSTOM, "key": "other-crm", "name": "Other"})
    vdr = {
        "vdrVersion": "v2",
        "vdrName": "myContact",
        "definition": {"fields": [{"path": "email", "type": "string"}]},
        "transformation": {
            "sfdc": {"vendorName": "Contact", "fields": [{"path": "email", "vendorPath": "Email"}]}
        },
    }
    api(account, "POST", "/vdrs", {"objectName": "myContact", **vdr["definition"]})
    api(account, "PUT", "/vdrs/import", vdr)
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    connector = json.loads((out / "connectors" / "acme-crm.json").read_text())
    assert connector["key"] == "acme-crm" and "id" not in connector and "private" not in connector
    written = json.loads((out / "vdrs" / "myContact.json").read_text())
    assert written["transformation"]["sfdc"]["vendorName"] == "Contact" and "id" not in written
    manifest = set(json.loads((out / MANIFEST).read_text())["files"])
    assert {"connectors/acme-crm.json", "connectors/other-crm.json", "vdrs/myContact.json"} <= (
        manifest
    )
    first = files_of(out)
    assert export(out, "--project", "acme") == 0
    assert files_of(out) == first, "a re-export is not byte-identical"

    # --element chooses the custom connectors too; --kinds chooses the new kinds
    only = tmp_path / "only"
    assert export(only, "--project", "acme", "--kinds", "connectors", "--element", "acme-crm") == 0
    assert sorted(p.name for p in (only / "connectors").iterdir()) == ["acme-crm.json"]
    assert not (only / "vdrs").exists()
    yaml_out = tmp_path / "yaml"
    assert export(yaml_out, "--project", "acme", "--format", "yaml", "--kinds", "vdrs") == 0
    resources = yaml.safe_load((yaml_out / "Pulumi.yaml").read_text())["resources"]
    assert {name: r["type"] for name, r in resources.items()} == {
        "mycontact": "openconnectors:index:VirtualDataResource"
    }


def test_a_connector_with_hooks_is_written_as_a_directory_with_its_hooks(
    account: EmulatorServer, tmp_path: Path
) -> None:
    pre = "// ü\r\nconst h = {...request_vendor_headers, 'X-Acme': 'yes'};\r\ndone({"
    pre += "request_vendor_headers: h});\n"
    resources = [
        {**CUSTOM["resources"][0], "hooks": [{"type": "postRequest", "body": "done(true);"}]},
        {"path": "/hubs/crm/contacts/{id}", "method": "GET", "vendorPath": "/contacts/{id}"},
    ]
    hooks = [{"type": "preRequest", "body": pre}]
    api(account, "POST", "/elements", {**CUSTOM, "hooks": hooks, "resources": resources})
    api(account, "POST", "/elements", {**CUSTOM, "key": "plain-crm", "name": "Plain"})
    out = tmp_path / "acme"
    assert export(out, "--project", "acme") == 0
    folder = out / "connectors" / "acme-crm"
    assert (folder / "preRequestHook.js").read_bytes() == pre.encode("utf-8")  # as it is
    assert (folder / "resources" / "GET-contacts-postRequestHook.js").read_text() == "done(true);"
    written = json.loads((folder / "element.json").read_text(encoding="utf-8"))
    assert written["hooks"] == [{"type": "preRequest"}]
    assert written["resources"][0]["hooks"] == [{"type": "postRequest"}]
    # a connector without hooks stays one JSON file, as before
    assert (out / "connectors" / "plain-crm.json").is_file()
    main_py = (out / "__main__.py").read_text(encoding="utf-8")
    assert 'oc.Connector.from_file(HERE / "connectors/acme-crm", "acme-crm"' in main_py
    assert "connectors/<key>/ (element.json and a .js file per hook) with hooks" in main_py
    manifest = set(json.loads((out / MANIFEST).read_text())["files"])
    assert {
        "connectors/acme-crm/element.json",
        "connectors/acme-crm/preRequestHook.js",
        "connectors/acme-crm/resources/GET-contacts-postRequestHook.js",
        "connectors/plain-crm.json",
    } <= manifest
    first = files_of(out)
    assert export(out, "--project", "acme") == 0
    assert files_of(out) == first, "a re-export is not byte-identical"

    # the hooks gone from the account: a re-export removes the directory it wrote
    api(account, "PUT", "/elements/acme-crm", CUSTOM)
    assert export(out, "--project", "acme") == 0
    assert not folder.exists(), "the connector directory of the earlier export stays"
    assert (out / "connectors" / "acme-crm.json").is_file()
    main_py = (out / "__main__.py").read_text(encoding="utf-8")
    assert "# Custom connectors (private elements): connectors/<key>.json\n" in main_py


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("connectors/acme.json", True),
        ("connectors/acme/element.json", True),
        ("connectors/acme/preRequestHook.js", True),
        ("connectors/acme/resources/GET-contacts-id-postRequestHook.js", True),
        ("connectors/acme/notes.js", False),  # not a hook file
        ("connectors/acme/resources/element.json", False),
        ("connectors/acme/other/xHook.js", False),
        ("connectors/../preRequestHook.js", False),
        ("connectors/acme/resources/../../xHook.js", False),
    ],
)
def test_the_manifest_lists_only_files_of_the_connector_layout(path: str, written: bool) -> None:
    assert is_export_file(path) is written
