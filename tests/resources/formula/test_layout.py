"""Formulas as reviewable code (issue 22): a formula directory, ``formula.json`` and a ``.js``
file per script and filter step (the-doctor's ``--directory`` layout), read by
``Formula.from_file`` into exactly the inputs the single JSON file gives (under Pulumi's
unit-testing mocks, no engine), and written by :func:`split_formula` so that reading it back
gives the document again."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pulumi.provider.experimental.provider import PropertyDiffKind

from pulumi_openconnectors import Formula
from pulumi_openconnectors.plugin.diffs import detailed_diff
from pulumi_openconnectors.resources.formula.layout import (
    FORMULA_FILE,
    read_formula,
    script_file_name,
    split_formula,
)
from pulumi_openconnectors.resources.formula.spec import SPEC

from ..registered import registered

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "formula-sync" / "formulas" / "sync-contacts.json"


def write_directory(folder: Path, document: dict[str, Any]) -> Path:
    """The formula as a directory, as the export writes it."""
    layout = split_formula(document)
    assert layout is not None
    formula_json, scripts = layout
    folder.mkdir(parents=True)
    (folder / FORMULA_FILE).write_text(json.dumps(formula_json, indent=2), encoding="utf-8")
    for name, body in scripts.items():
        (folder / name).write_bytes(body.encode("utf-8"))
    return folder


def test_the_directory_gives_the_same_inputs_as_the_single_file(tmp_path: Path) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    folder = write_directory(tmp_path / "sync-contacts", document)
    # the script and the filter left formula.json; the request steps stayed as they were
    assert sorted(p.name for p in folder.iterdir()) == [
        "formula.json",
        "is-contact.js",
        "shape-contact.js",
    ]
    written = json.loads((folder / FORMULA_FILE).read_text(encoding="utf-8"))
    assert all("body" not in s["properties"] for s in written["steps"] if s["type"] == "script")
    assert written["steps"][3]["properties"]["body"] == "${steps.shape-contact.contact}"

    from_file = registered(lambda: Formula.from_file(EXAMPLE))
    from_directory = registered(lambda: Formula.from_file(folder))
    assert from_directory.name == from_file.name == "sync-contacts"  # the directory's name
    assert from_directory.inputs == from_file.inputs
    # a path to the formula.json reads the same layout
    assert registered(lambda: Formula.from_file(folder / FORMULA_FILE)).inputs == from_file.inputs


def test_a_script_body_is_read_byte_for_byte(tmp_path: Path) -> None:
    body = "// ünïcode\r\nconst a = '${config.x}';\r\n\tdone({a: a});\n\n"
    document = {
        "name": "f",
        "triggers": [{"type": "manual", "onSuccess": ["s"], "onFailure": []}],
        "steps": [{"name": "s", "type": "script", "properties": {"body": body, "mimeType": "x"}}],
    }
    folder = write_directory(tmp_path / "f", document)
    assert (folder / "s.js").read_bytes() == body.encode("utf-8")
    read, stem = read_formula(folder, "formula")
    assert stem == "f" and read == document
    assert read["steps"][0]["properties"] == {"body": body, "mimeType": "x"}


def test_a_the_doctor_directory_is_read(tmp_path: Path) -> None:
    """As the-doctor's saveFormulasToDir writes it: the body key gone from formula.json, the
    script in <toDirectoryName(step name)>.js."""
    folder = tmp_path / "Sync-Contacts"
    folder.mkdir()
    steps = [
        {"name": "Is contact?", "type": "filter", "properties": {}, "onSuccess": ["a-b/c"]},
        {"name": "a-b/c", "type": "script", "properties": {}, "onSuccess": []},
    ]
    formula = {"name": "Sync Contacts", "steps": steps, "triggers": []}
    (folder / "formula.json").write_text(json.dumps(formula, indent=4), encoding="utf-8")
    (folder / "Is-contact.js").write_text("done(true);", encoding="utf-8")
    (folder / "a-b-c.js").write_text("done({});", encoding="utf-8")
    inputs = registered(lambda: Formula.from_file(folder)).inputs
    assert [s["properties"]["body"] for s in inputs["steps"]] == ["done(true);", "done({});"]
    assert inputs["name"] == "Sync Contacts"


@pytest.mark.parametrize(
    ("step", "file"),
    [
        ("shape", "shape.js"),
        ("Is contact?", "Is-contact.js"),
        ("a - b", "a-b.js"),
        ("x|y>z", "x-y-z.js"),
        ("  padded  ", "padded.js"),
        ("a/b", "a-b.js"),
    ],
)
def test_the_script_file_is_named_as_the_doctor_names_it(step: str, file: str) -> None:
    assert script_file_name(step) == file


def test_a_missing_script_names_the_file_and_the_step(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    steps = [{"name": "shape", "type": "script", "properties": {}}]
    (folder / "formula.json").write_text(json.dumps({"name": "f", "steps": steps}))
    with pytest.raises(ValueError, match=r"step 'shape' \(script\) has no properties\.body") as e:
        Formula.from_file(folder)
    assert str(folder / "shape.js") in str(e.value)


def test_a_directory_without_formula_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{tmp_path}' holds no formula.json")):
        Formula.from_file(tmp_path)


def test_an_inline_body_in_formula_json_wins_and_needs_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    steps = [{"name": "s", "type": "script", "properties": {"body": "done(1);"}}]
    (folder / "formula.json").write_text(json.dumps({"name": "f", "steps": steps}))
    (folder / "s.js").write_text("ignored")
    assert read_formula(folder, "formula")[0]["steps"][0]["properties"]["body"] == "done(1);"


def test_a_single_file_is_read_as_before(tmp_path: Path) -> None:
    """A file not named formula.json reads no .js file, even for a step without body."""
    steps = [{"name": "s", "type": "script", "properties": {}}]
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"name": "f", "steps": steps}))
    (tmp_path / "s.js").write_text("not read")
    document, stem = read_formula(path, "formula")
    assert stem == "plain" and document["steps"] == steps


def test_clashing_or_unsafe_file_names_keep_their_body_inline(tmp_path: Path) -> None:
    steps = [
        {"name": "a-b", "type": "script", "properties": {"body": "1"}},
        {"name": "a b", "type": "script", "properties": {"body": "2"}},
        {"name": "A-B", "type": "filter", "properties": {"body": "3"}},
        {"name": ".hidden", "type": "script", "properties": {"body": "4"}},
        {"name": 'c:\\d"', "type": "script", "properties": {"body": "5"}},
        {"name": "r", "type": "elementRequest", "properties": {"body": "6"}},
    ]
    document = {"name": "f", "steps": steps}
    layout = split_formula(document)
    assert layout is not None
    formula_json, scripts = layout
    assert scripts == {"a-b.js": "1"}
    kept = [s["properties"].get("body") for s in formula_json["steps"]]
    assert kept == [None, "2", "3", "4", "5", "6"]
    folder = tmp_path / "f"
    write_directory(folder, copy.deepcopy(document))
    assert read_formula(folder, "formula")[0] == document


def test_a_script_step_without_body_cannot_use_the_layout() -> None:
    document = {"name": "f", "steps": [{"name": "s", "type": "script", "properties": {}}]}
    assert split_formula(document) is None


def test_an_edited_script_file_is_a_change_of_that_step_only(tmp_path: Path) -> None:
    """What the preview shows: the dynamic provider's diff sees the steps change, the plugin's
    detailed diff names the step's path (``steps[2]``: the third step of formula.json)."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    folder = write_directory(tmp_path / "sync-contacts", document)
    before = registered(lambda: Formula.from_file(folder)).inputs
    (folder / "shape-contact.js").write_text("done({});", encoding="utf-8")
    after = registered(lambda: Formula.from_file(folder)).inputs
    assert [k for k in before if before[k] != after[k]] == ["steps"]
    assert after["steps"][2]["properties"]["body"] == "done({});"

    replaces, paths = detailed_diff(SPEC, before, after)
    assert replaces == [] and list(paths) == ["steps[2]"]
    assert paths["steps[2]"].kind == PropertyDiffKind.UPDATE
    assert SPEC.diff(before, after) == ([], ["steps"])
