"""The Mermaid text of ``graph`` and of the exported README, checked by Mermaid itself: Mermaid's
parser (``mermaid.parse``) accepts every diagram, and Mermaid's renderer (``mermaid.render``,
in Node under jsdom) draws each node and edge with exactly the label we meant: no name read as
math, an icon, a comment or a line break. A broken diagram is refused, so the check can fail.
Mermaid (pinned) comes from scripts/bootstrap_mermaid.sh: the fixture runs it, which installs it
once with npm into the cache and then does nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.client.models import Formula
from pulumi_openconnectors.export.program import build_project
from pulumi_openconnectors.export.reader import Snapshot
from pulumi_openconnectors.export.yaml_program import build_yaml_project
from pulumi_openconnectors.formulas.graph import _caption, build, mermaid

from .test_graph import FORMULA, step

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "formula-sync" / "formulas" / "sync-contacts.json"
BOOTSTRAP = REPO / "scripts" / "bootstrap_mermaid.sh"
PARSE = REPO / "scripts" / "mermaid_parse.mjs"
TIMEOUT = 120

pytestmark = pytest.mark.xdist_group("mermaid")

# Names Mermaid could misread: quotes, brackets, HTML, "#" and entities, Unicode, and the text
# Mermaid gives a meaning of its own ($$ math $$, fa:fa- icons, \n, %% comments, style lines).
NAMES = [
    'say "hi"',
    "[x] (y) {z} <b>#1</b> | `c` & ;",
    "ünïcödé 日本語 😀",
    "#34; &amp; &#60;",
    "$$x^2$$ a$$b",
    "fa:fa-car fab:fa-x",
    "a\\nb \\ end",
    "%% not a comment",
    "%%{init: {}}%%",
    'lifestyle:"big"',
    "classDef:x#y;",
    "end",
    "a --> b",
    "x:::y",
]


@pytest.fixture(scope="session")
def mermaid_dir() -> Path:
    done = subprocess.run(
        ["bash", str(BOOTSTRAP)], capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, done.stderr
    assert shutil.which("node") is not None, "scripts/bootstrap_mermaid.sh left no `node`"
    return Path(done.stdout.strip().splitlines()[-1])


def run(directory: Path, text: str, *flags: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node is not None
    return subprocess.run(
        [node, str(PARSE), str(directory), *flags],
        input=text,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def drawn(directory: Path, text: str) -> dict[str, Any]:
    """What Mermaid draws of ``text``: its node labels (lines each) and edge labels."""
    done = run(directory, text, "--render")
    assert done.returncode == 0, done.stderr + text
    result: dict[str, Any] = json.loads(done.stdout)
    assert result["type"] == "flowchart-v2"
    assert result["svg"].startswith("<svg ")
    return result


def check_formula(directory: Path, document: dict[str, Any], text: str | None = None) -> None:
    """Mermaid draws every node and edge of ``document``'s graph as meant (``text``: the
    Mermaid text, by default ``graph``'s)."""
    graph = build(document)
    result = drawn(directory, mermaid(graph) if text is None else text)
    assert sorted(result["nodes"]) == sorted(_caption(n) for n in graph.nodes)
    assert sorted(result["edges"]) == sorted(e.label for e in graph.edges)


def test_the_parser_refuses_a_broken_diagram(mermaid_dir: Path) -> None:
    broken = run(mermaid_dir, "flowchart TD\n a -->")
    assert broken.returncode == 1
    assert "Parse error" in broken.stderr and "got 'EOF'" in broken.stderr
    unclosed = run(mermaid_dir, 'flowchart TD\n a["never closed\n')
    assert unclosed.returncode == 1 and unclosed.stderr.strip()
    fine = run(mermaid_dir, "flowchart TD\n a --> b\n")
    assert (fine.returncode, fine.stdout) == (0, "flowchart-v2\n"), fine.stderr


def test_the_example_formula(mermaid_dir: Path) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    parsed = run(mermaid_dir, mermaid(build(document)))
    assert (parsed.returncode, parsed.stdout) == (0, "flowchart-v2\n"), parsed.stderr
    check_formula(mermaid_dir, document)
    names = {lines[0] for lines in drawn(mermaid_dir, mermaid(build(document)))["nodes"]}
    assert {s["name"] for s in document["steps"]} < names


def test_every_step_type_and_an_unreachable_step(mermaid_dir: Path) -> None:
    check_formula(mermaid_dir, FORMULA)
    result = drawn(mermaid_dir, mermaid(build(FORMULA)))
    assert ["orphan", "script", "unreachable"] in result["nodes"]
    assert ["get", "elementRequest GET"] in result["nodes"]
    assert "onFailure: false" in result["edges"]
    assert 'class="node default unreachable"' in result["svg"]


def test_names_mermaid_could_misread(mermaid_dir: Path) -> None:
    steps = [
        step(name, kind, [NAMES[i + 1]] if i + 1 < len(NAMES) else [], [])
        for i, (name, kind) in enumerate(zip(NAMES, [*NAMES[1:], "script"], strict=True))
    ]
    document = {"name": "tricky", "triggers": [{"type": "%%x", "onSuccess": [NAMES[0]]}]}
    document["steps"] = steps
    check_formula(mermaid_dir, document)
    result = drawn(mermaid_dir, mermaid(build(document)))
    assert sorted(lines[0] for lines in result["nodes"]) == sorted([*NAMES, "trigger"])


def snapshot(documents: list[dict[str, Any]]) -> Snapshot:
    formulas = [
        Formula.model_validate({"id": i + 1, "active": True, **document})
        for i, document in enumerate(documents)
    ]
    return Snapshot([], {}, [], formulas, [])


def test_the_exported_readme(mermaid_dir: Path) -> None:
    tricky = {
        "name": "tricky",
        "triggers": [{"type": "manual", "onSuccess": [NAMES[0]], "onFailure": []}],
        "steps": [step(name, "script", [], [], body="done();") for name in NAMES],
    }
    documents = [json.loads(EXAMPLE.read_text(encoding="utf-8")), FORMULA, tricky]
    source = "http://127.0.0.1:1/elements/api-v2"
    readmes = [
        build_project(
            snapshot(documents),
            project_name="acme",
            retain_on_delete=False,
            virtualenv=None,
            source=source,
        ).files["README.md"],
        build_yaml_project(
            snapshot(documents), project_name="acme", retain_on_delete=False, source=source
        ).files["README.md"],
    ]
    for readme in readmes:
        blocks = re.findall(r"^```mermaid\n(.*?)^```$", readme, flags=re.MULTILINE | re.DOTALL)
        assert len(blocks) == len(documents), readme
        by_name = {d["name"]: d for d in documents}
        headings = re.findall(r"^### (.+) \(", readme, flags=re.MULTILINE)
        assert sorted(headings) == sorted(by_name)
        for heading, block in zip(headings, blocks, strict=True):
            check_formula(mermaid_dir, by_name[heading], block)
