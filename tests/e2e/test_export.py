"""`python -m pulumi_openconnectors export` round trip through the real engine (issue #12): an
organization built by hand through the API is exported, the secrets the export lists are set,
and the first `pulumi up` adopts every object without a single create or delete (the steps
shared with the YAML export: export_round_trip.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .export_round_trip import INSTANCES, account, adopt_edit_and_keep, export, seed
from .harness import VENV, Stack
from .platform import Platform, delta
from .programs import configure_emulator

pytestmark = pytest.mark.e2e


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_export_round_trip(stack_factory: Any, emulator: Any, tmp_path: Path) -> None:
    secrets = seed(emulator)
    before_export = account(emulator)

    first = export(emulator, tmp_path / "first", "--virtualenv", str(VENV))
    assert first.returncode == 0, first.stderr
    assert "[export] instances" in first.stderr and f"{INSTANCES} found" in first.stderr
    second = export(emulator, tmp_path / "second", "--virtualenv", str(VENV))
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
    assert main.count("oc.Connector.from_file(") == 1
    assert main.count("oc.ConnectorInstance(") == INSTANCES
    assert main.count("oc.CommonResource.from_file(") == 3
    assert main.count("oc.Transformation.from_file(") == 5
    assert main.count("oc.VirtualDataResource.from_file(") == 1
    assert main.count("oc.ConnectorExtension.from_file(") == 1
    assert main.count("oc.Formula.from_file(") == 4
    assert main.count("oc.FormulaInstance(") == 4
    assert "closeio_01.id" in main, "a formula instance refers to the exported instance"
    # the instance and the transformation of the custom connector refer to it by output
    assert main.count("element_key=acme_crm.key") == 2
    assert main.index("acme_crm = oc.Connector.from_file(") < main.index("element_key=acme_crm")
    # the custom connector has hooks: a directory, its hooks in .js files (the-doctor's layout)
    custom = exported / "connectors" / "acme-crm"
    assert (custom / "element.json").is_file() and (custom / "preRequestHook.js").is_file()
    assert (custom / "resources" / "GET-contacts-postRequestHook.js").is_file()
    assert 'HERE / "connectors/acme-crm",' in main
    assert (exported / "vdrs" / "myContact.json").is_file()
    assert (exported / "connector-extensions" / "closeio.json").is_file()

    stack: Stack = stack_factory(main, project="acme").init()
    for path in exported.iterdir():
        if path.is_dir():
            shutil.copytree(path, stack.project_dir / path.name)
    configure_emulator(stack, emulator)

    # formulas as code: a formula is a directory, its script's body a .js file next to it
    readme = (exported / "README.md").read_text()
    folder = stack.project_dir / "formulas" / "sync-contacts"
    assert sorted(p.name for p in folder.iterdir()) == ["formula.json", "shape.js"]
    assert (folder / "shape.js").read_text() == "done({id: trigger.event.objectId});"
    assert "```mermaid\nflowchart TD\n" in readme and '"shape\nscript"' in readme

    # one data file edited: exactly that object changes
    def edit() -> None:
        formula_file = folder / "formula.json"
        formula_file.write_text(formula_file.read_text().replace("copies contacts", "copies more"))

    # then a script edited in its .js file: the preview shows that step's body changing
    script = "done({id: trigger.event.objectId, edited: true});"

    def edit_script() -> None:
        (folder / "shape.js").write_text(script)
        diff = stack.preview("--diff").stdout
        assert "~ pulumi-python:dynamic/openconnectors:Formula: (update)" in diff, diff
        assert "openconnectors:Formula::sync-contacts]" in diff, diff
        changed_step = re.compile(
            r'~ steps +: \[\s+~ \[0\]: \{\s+name +: "shape"\s+~ properties: \{\s+'
            r'~ body: "done\(\{id: trigger\.event\.objectId\}\);" => '
            + re.escape(json.dumps(script))
        )
        assert changed_step.search(diff), diff  # the step, by its name, and its body's change
        assert "~ 1 to update" in diff, diff
        api = Platform(emulator)
        requests_before = api.requests_by_route()
        stack.up()
        assert delta(requests_before, api.requests_by_route()) == {
            "GET /formulas/{id}": 1,
            "PUT /formulas/{id}": 1,
        }
        sync = next(f for f in api.listing("/formulas") if f["name"] == "sync contacts")
        assert sync["steps"][0]["properties"]["body"] == script

    changed = adopt_edit_and_keep(stack, emulator, secrets, readme, edit, then=edit_script)
    # (a GET first: the PUT keeps the flags the file does not set, as the formula has them)
    assert changed == {"GET /formulas/{id}": 1, "PUT /formulas/{id}": 1}
    assert account(emulator) != before_export
