"""Custom connectors with hooks as code: a connector directory, ``element.json`` and a ``.js``
file per hook (the-doctor's ``--directory`` layout of elements), read by
``Connector.from_file`` into exactly the inputs the single JSON file gives (under Pulumi's
unit-testing mocks, no engine), and written by :func:`split_connector` so that reading it back
gives the document again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors import Connector
from pulumi_openconnectors.resources.connector.layout import (
    ELEMENT_FILE,
    hook_file,
    read_connector,
    resource_name,
    split_connector,
)

from ..registered import registered

PRE = "// sign the call\r\nconst h = {...request_vendor_headers, 'X-Sig': CE.md5('ü')};\r\n"
PRE += "done({request_vendor_headers: h, continue: true});\n"
POST = "done({response_body: JSON.parse(response_body)});"
SEARCH = "let q = request_parameters.where;\ndone({request_vendor_parameters: {q: q}});\n"

DOCUMENT: dict[str, Any] = {
    "key": "acme-crm",
    "name": "Acme CRM",
    "authentication": {"type": "basic"},
    "hooks": [
        {"type": "preRequest", "mimeType": "application/javascript", "body": PRE},
        {"type": "postRequest", "body": POST},
    ],
    "resources": [
        {"path": "/hubs/crm/contacts", "method": "GET", "vendorPath": "/contacts"},
        {
            "path": "/hubs/crm/contacts/{id}",
            "method": "GET",
            "vendorPath": "/contacts/{id}",
            "hooks": [{"type": "preRequest", "body": SEARCH}],
        },
    ],
}


def write_directory(folder: Path, document: dict[str, Any]) -> Path:
    """The connector as a directory, as the export writes it."""
    layout = split_connector(document)
    assert layout is not None
    element_json, scripts = layout
    folder.mkdir(parents=True)
    (folder / ELEMENT_FILE).write_text(json.dumps(element_json, indent=2), encoding="utf-8")
    for name, body in scripts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body.encode("utf-8"))
    return folder


def test_the_directory_gives_the_same_inputs_as_the_single_file(tmp_path: Path) -> None:
    single = tmp_path / "acme-crm.json"
    single.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    folder = write_directory(tmp_path / "acme", DOCUMENT)
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        ELEMENT_FILE,
        "postRequestHook.js",
        "preRequestHook.js",
        "resources/GET-contacts-id-preRequestHook.js",
    ]
    assert (folder / "preRequestHook.js").read_bytes() == PRE.encode("utf-8")  # as it is
    written = json.loads((folder / ELEMENT_FILE).read_text(encoding="utf-8"))
    assert written["hooks"] == [
        {"type": "preRequest", "mimeType": "application/javascript"},
        {"type": "postRequest"},
    ]
    assert written["resources"][1]["hooks"] == [{"type": "preRequest"}]
    assert "hooks" not in written["resources"][0]

    from_file = registered(lambda: Connector.from_file(single))
    from_directory = registered(lambda: Connector.from_file(folder))
    assert from_directory.name == from_file.name == "acme-crm"  # the key
    assert from_directory.inputs == from_file.inputs
    assert from_directory.inputs["extra"]["hooks"][0]["body"] == PRE
    # a path to the element.json reads the same layout
    by_element = registered(lambda: Connector.from_file(folder / ELEMENT_FILE))
    assert by_element.inputs == from_file.inputs


def test_split_then_read_gives_the_document_back(tmp_path: Path) -> None:
    folder = write_directory(tmp_path / "c", DOCUMENT)
    read, stem = read_connector(folder, "connector")
    assert read == DOCUMENT and stem == "c"


def test_a_the_doctor_directory_is_read(tmp_path: Path) -> None:
    """As the-doctor's saveElementsToDir writes it: the body gone from element.json, the
    element's hooks in <type>Hook.js, a resource's in resources/<getResourceName><type>Hook.js."""
    folder = tmp_path / "Acme-CRM"
    (folder / "resources").mkdir(parents=True)
    element = {
        "key": "acme-crm",
        "name": "Acme CRM",
        "authentication": {"type": "custom"},
        "hooks": [{"type": "preRequest"}],
        "resources": [
            {"path": "/hubs/crm/contacts", "method": "POST", "hooks": [{"type": "postRequest"}]}
        ],
    }
    (folder / "element.json").write_text(json.dumps(element, indent=4), encoding="utf-8")
    (folder / "preRequestHook.js").write_text("done({});", encoding="utf-8")
    (folder / "resources" / "POST-contacts-postRequestHook.js").write_text("done(true);")
    inputs = registered(lambda: Connector.from_file(folder)).inputs
    assert inputs["extra"]["hooks"] == [{"type": "preRequest", "body": "done({});"}]
    assert inputs["resources"][0]["hooks"] == [{"type": "postRequest", "body": "done(true);"}]


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("GET", "/hubs/crm/contacts", "GET-contacts-"),
        ("GET", "/hubs/crm/contacts/{id}", "GET-contacts-id-"),
        ("PATCH", "/hubs/crm/contacts/{id}/notes/{noteId}", "PATCH-contacts-id-notes-noteId-"),
        ("GET", "/contacts", "GET--contacts-"),  # no hub: as the-doctor names it
        ("DELETE", "/hubs/a/b/hubs/c/d", "DELETE-b-hubs-c-d-"),  # only the first hub goes
    ],
)
def test_a_resource_is_named_as_the_doctor_names_it(method: str, path: str, name: str) -> None:
    assert resource_name({"method": method, "path": path}) == name
    hook = {"type": "preRequest"}
    assert hook_file(hook, {"method": method, "path": path}) == f"resources/{name}preRequestHook.js"
    assert hook_file(hook) == "preRequestHook.js"


def test_a_missing_hook_file_names_the_file_and_the_hook(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    element = {**DOCUMENT, "hooks": [], "resources": [{**DOCUMENT["resources"][1], "hooks": []}]}
    element["resources"][0]["hooks"] = [{"type": "preRequest"}]
    (folder / ELEMENT_FILE).write_text(json.dumps(element))
    with pytest.raises(ValueError, match=r"resources\[0\]\.hooks\[0\] \(preRequest\) has no body"):
        Connector.from_file(folder)
    with pytest.raises(ValueError, match=re.escape("GET-contacts-id-preRequestHook.js")):
        Connector.from_file(folder)


def test_a_hook_type_that_is_no_file_name_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (tmp_path / "evilHook.js").write_text("done();")
    element = {**DOCUMENT, "hooks": [{"type": "../evil"}], "resources": []}
    (folder / ELEMENT_FILE).write_text(json.dumps(element))
    with pytest.raises(ValueError, match="is not a plain file name"):
        Connector.from_file(folder)


def test_a_directory_without_element_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{tmp_path}' holds no element.json")):
        Connector.from_file(tmp_path)


def test_an_inline_body_in_element_json_wins_and_needs_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    element = {**DOCUMENT, "hooks": [{"type": "preRequest", "body": "done(1);"}]}
    (folder / ELEMENT_FILE).write_text(json.dumps(element))
    (folder / "preRequestHook.js").write_text("ignored")
    (folder / "resources").mkdir()
    (folder / "resources" / "GET-contacts-id-preRequestHook.js").write_text(SEARCH)
    read = read_connector(folder, "connector")[0]
    assert read["hooks"] == [{"type": "preRequest", "body": "done(1);"}]


def test_a_single_file_is_read_as_before(tmp_path: Path) -> None:
    """A file not named element.json reads no .js file, even for a hook without a body."""
    element = {**DOCUMENT, "hooks": [{"type": "preRequest"}]}
    (tmp_path / "acme.json").write_text(json.dumps(element))
    (tmp_path / "preRequestHook.js").write_text("not read")
    assert read_connector(tmp_path / "acme.json", "connector")[0] == element


def test_what_the_layout_cannot_hold_stays_inline_or_is_none() -> None:
    # a hook without a body: the directory form would read a file for it
    assert split_connector({**DOCUMENT, "hooks": [{"type": "preRequest"}]}) is None
    # no hooks: element.json alone, no file
    assert split_connector({"key": "k", "name": "K"}) == ({"key": "k", "name": "K"}, {})
    # two hooks of one type, or a type that is no plain file name: the second one stays inline
    twice = [{"type": "preRequest", "body": "a"}, {"type": "PreRequest", "body": "b"}]
    odd = {"type": "pre request", "body": "c"}
    layout = split_connector({**DOCUMENT, "hooks": [*twice, odd], "resources": []})
    assert layout is not None
    element_json, files = layout
    assert files == {"preRequestHook.js": "a"}
    assert element_json["hooks"] == [{"type": "preRequest"}, twice[1], odd]
