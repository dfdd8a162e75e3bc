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


def drawn(directory: Path, texts: list[str]) -> list[dict[str, Any]]:
    """What Mermaid draws of each diagram: its node labels (lines each) and edge labels (one
    Node process for all of them)."""
    done = run(directory, json.dumps(texts), "--batch")
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert len(results) == len(texts)
    for text, result in zip(texts, results, strict=True):
        assert "error" not in result, result.get("error", "") + "\n" + text
        assert result["type"] == "flowchart-v2"
        assert result["svg"].startswith("<svg ")
    return results


def check_formulas(
    directory: Path, documents: list[dict[str, Any]], texts: list[str] | None = None
) -> list[dict[str, Any]]:
    """Mermaid draws every node and edge of each document's graph as meant (``texts``: the
    Mermaid text of each, by default ``graph``'s); what it drew."""
    graphs = [build(document) for document in documents]
    results = drawn(directory, [mermaid(g) for g in graphs] if texts is None else texts)
    for graph, result in zip(graphs, results, strict=True):
        assert sorted(result["nodes"]) == sorted(_caption(n) for n in graph.nodes), graph.name
        assert sorted(result["edges"]) == sorted(e.label for e in graph.edges), graph.name
    return results


def test_the_parser_refuses_a_broken_diagram(mermaid_dir: Path) -> None:
    broken = run(mermaid_dir, "flowchart TD\n a -->")
    assert broken.returncode == 1
    assert "Parse error" in broken.stderr and "got 'EOF'" in broken.stderr
    unclosed = run(mermaid_dir, 'flowchart TD\n a["never closed\n')
    assert unclosed.returncode == 1 and unclosed.stderr.strip()
    fine = run(mermaid_dir, "flowchart TD\n a --> b\n")
    assert (fine.returncode, fine.stdout) == (0, "flowchart-v2\n"), fine.stderr
    # the batch the other tests use reports it too, next to a diagram that draws
    batch = run(
        mermaid_dir, json.dumps(["flowchart TD\n a -->", "flowchart TD\n a --> b"]), "--batch"
    )
    bad, good = json.loads(batch.stdout)
    assert "Parse error" in bad["error"] and "error" not in good and good["nodes"] == [["a"], ["b"]]


def test_the_example_formula(mermaid_dir: Path) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    parsed = run(mermaid_dir, mermaid(build(document)))
    assert (parsed.returncode, parsed.stdout) == (0, "flowchart-v2\n"), parsed.stderr
    (result,) = check_formulas(mermaid_dir, [document])
    assert {s["name"] for s in document["steps"]} < {lines[0] for lines in result["nodes"]}


def test_every_step_type_an_unreachable_step_and_names_mermaid_could_misread(
    mermaid_dir: Path,
) -> None:
    # a chain of steps named NAMES, each one's type the next one's name
    steps = [
        step(name, kind, [NAMES[i + 1]] if i + 1 < len(NAMES) else [], [])
        for i, (name, kind) in enumerate(zip(NAMES, [*NAMES[1:], "script"], strict=True))
    ]
    tricky = {
        "name": "tricky",
        "triggers": [{"type": "%%x", "onSuccess": [NAMES[0]]}],
        "steps": steps,
    }
    every, names = check_formulas(mermaid_dir, [FORMULA, tricky])
    assert ["orphan", "script", "unreachable"] in every["nodes"]
    assert ["get", "elementRequest GET"] in every["nodes"]
    assert "onFailure: false" in every["edges"]
    assert 'class="node default unreachable"' in every["svg"]
    assert sorted(lines[0] for lines in names["nodes"]) == sorted([*NAMES, "trigger"])
    assert ["trigger", "%%x"] in names["nodes"]


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
    by_name = {d["name"]: d for d in documents}
    drawn_documents, blocks = [], []
    for readme in readmes:
        found = re.findall(r"^```mermaid\n(.*?)^```$", readme, flags=re.MULTILINE | re.DOTALL)
        assert len(found) == len(documents), readme
        headings = re.findall(r"^### (.+) \(", readme, flags=re.MULTILINE)
        assert sorted(headings) == sorted(by_name)
        drawn_documents += [by_name[heading] for heading in headings]
        blocks += found
    check_formulas(mermaid_dir, drawn_documents, blocks)
