"""A formula drawn as a flowchart (issue 22): nodes by step type, labelled onSuccess/onFailure
edges, unreachable steps marked, a broken document refused with the file and step named; the
``graph`` command as a user runs it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_openconnectors.cli import main
from pulumi_openconnectors.errors import ConfigurationError
from pulumi_openconnectors.formulas.cli import run
from pulumi_openconnectors.formulas.graph import (
    FormulaGraphError,
    build,
    dot,
    mermaid,
    render_formula,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "formula-sync" / "formulas" / "sync-contacts.json"


def step(name: str, kind: str, ok: list[str], ko: list[str], **props: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "properties": props, "onSuccess": ok, "onFailure": ko}


FORMULA: dict[str, Any] = {
    "name": "every type",
    "triggers": [{"type": "event", "onSuccess": ["check"], "onFailure": []}],
    "steps": [
        step("orphan", "script", ["also-orphan"], [], body="done();"),
        step("check", "filter", ["each"], ["notify"], body="done(true);"),
        step("each", "loop", ["get"], ["sub"], list="${trigger.body}"),
        step("get", "elementRequest", ["post"], ["retry"], method="get"),
        step("post", "httpRequest", ["each"], [], method="POST", url="http://x"),
        step("retry", "retryFormulaExecution", [], []),
        step("sub", "formula", ["platform"], ["platform"], formulaId="7"),
        step("platform", "request", [], [], method="DELETE", api="/x"),
        step("notify", "notification", [], [], body="done(true);"),
        step("also-orphan", "amqpRequest", [], []),
        step("custom", "somethingNew", [], []),
    ],
}


def test_nodes_edges_and_reachability() -> None:
    graph = build(FORMULA, "every-type.json")
    assert graph.name == "every type"
    names = [n.name for n in graph.nodes]
    # trigger first, then the steps in the order a run reaches them, the unreachable last
    assert names[:9] == [
        "trigger",
        "check",
        "each",
        "notify",
        "get",
        "sub",
        "post",
        "retry",
        "platform",
    ]
    assert sorted(names[9:]) == ["also-orphan", "custom", "orphan"]
    assert graph.unreachable == ["orphan", "also-orphan", "custom"]
    shapes = {n.name: n.shape for n in graph.nodes}
    assert shapes == {
        "trigger": "trigger",
        "check": "filter",
        "each": "loop",
        "get": "request",
        "post": "request",
        "retry": "retry",
        "sub": "formula",
        "platform": "request",
        "notify": "notification",
        "orphan": "script",
        "also-orphan": "request",
        "custom": "step",
    }
    ids = {n.id: n.name for n in graph.nodes}
    edges = {(ids[e.source], ids[e.target], e.label, e.failure) for e in graph.edges}
    assert ("trigger", "check", "onSuccess", False) in edges
    assert ("check", "each", "onSuccess: true", False) in edges
    assert ("check", "notify", "onFailure: false", True) in edges
    assert ("each", "get", "onSuccess: each item", False) in edges
    assert ("each", "sub", "onFailure: done", True) in edges
    assert ("get", "retry", "onFailure", True) in edges
    assert ("post", "each", "onSuccess", False) in edges  # the loop's body returns to it
    assert ("sub", "platform", "onSuccess", False) in edges
    assert ("sub", "platform", "onFailure", True) in edges
    assert ("orphan", "also-orphan", "onSuccess", False) in edges
    assert {n.name: n.method for n in graph.nodes if n.method} == {
        "get": "GET",
        "post": "POST",
        "platform": "DELETE",
    }


def test_mermaid_text() -> None:
    text = mermaid(build(FORMULA))
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    ids = {n.name: n.id for n in build(FORMULA).nodes}
    assert f'    {ids["check"]}{{"check<br/>filter"}}' in lines
    assert f'    {ids["each"]}{{{{"each<br/>loop"}}}}' in lines
    assert f'    {ids["get"]}[/"get<br/>elementRequest GET"/]' in lines
    assert f'    {ids["orphan"]}("orphan<br/>script<br/>unreachable")' in lines
    assert f'    {ids["check"]} -.->|"onFailure: false"| {ids["notify"]}' in lines
    unreachable = sorted(ids[n] for n in ("orphan", "also-orphan", "custom"))
    marked = next(line for line in lines if line.endswith(" unreachable") and "class " in line)
    assert sorted(marked.split()[1].split(",")) == unreachable
    assert any(line.startswith("    classDef unreachable ") for line in lines)


def test_mermaid_escapes_what_would_break_the_chart() -> None:
    document = {
        "name": "x",
        "triggers": [{"type": "manual", "onSuccess": ['say "hi" <b>#1</b> | [x]\nnext']}],
        "steps": [step('say "hi" <b>#1</b> | [x]\nnext', "script", [], [])],
    }
    text = mermaid(build(document))
    label = text.splitlines()[2]
    assert label == (
        '    s0("say #34;hi#34; #60;b#62;#35;1#60;/b#62; #124; #91;x#93; next<br/>script")'
    )
    assert "classDef unreachable" not in text  # nothing to mark


def test_dot_text() -> None:
    text = dot(build({**FORMULA, "name": 'a "quoted" \\ name'}))
    assert text.startswith("digraph formula {\n")
    assert 'graph [label="a \\"quoted\\" \\\\ name"' in text
    assert '[label="check\\nfilter", shape=diamond];' in text
    assert 'style="rounded,dashed,filled"' in text  # the unreachable script
    assert 'label="onFailure: done", style=dashed' in text


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"triggers": [], "steps": [step("a", "script", ["nope"], [])]},
            "flow.json: step 'a': onSuccess names 'nope', which is not a step of this formula",
        ),
        (
            {"triggers": [{"type": "manual", "onFailure": ["gone"]}], "steps": []},
            "flow.json: triggers[0]: onFailure names 'gone', which is not a step of this formula",
        ),
        (
            {"steps": [step("a", "script", [], []), step("a", "loop", [], [])]},
            "flow.json: step 'a' is defined twice",
        ),
        ({"steps": [{"type": "script"}]}, "flow.json: steps[0] has no name"),
        (
            {"steps": [{**step("a", "script", [], []), "onSuccess": "b"}]},
            "flow.json: step 'a': onSuccess must be a list of step names",
        ),
        ({"steps": {"a": 1}}, "flow.json: 'steps' and 'triggers' must be lists"),
    ],
)
def test_a_broken_document_names_the_file_and_the_step(
    document: dict[str, Any], message: str
) -> None:
    with pytest.raises(FormulaGraphError) as caught:
        build(document, "flow.json")
    assert str(caught.value) == message


def test_the_command_prints_mermaid(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["graph", str(EXAMPLE)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.startswith("flowchart TD\n")
    for name in ("is-contact", "get-contact", "shape-contact", "create-contact"):
        assert f'"{name}<br/>' in out


def test_the_command_reads_a_formula_directory_and_writes_dot(tmp_path: Path) -> None:
    folder = tmp_path / "sync"
    folder.mkdir()
    document = json.loads(EXAMPLE.read_text())
    (folder / "shape-contact.js").write_text(document["steps"][2]["properties"].pop("body"))
    (folder / "formula.json").write_text(json.dumps(document))
    out = tmp_path / "sync.dot"
    assert main(["graph", str(folder), "--format", "dot", "--out", str(out)]) == 0
    expected = render_formula(json.loads(EXAMPLE.read_text()), "dot")
    assert out.read_bytes() == expected


def test_the_command_refuses_a_broken_formula_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"steps": [step("a", "script", ["b"], [])]}))
    assert main(["graph", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {path}: step 'a': onSuccess names 'b', which is not a step of this formula\n"
    )


def test_png_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    args = type("Args", (), {"formula": EXAMPLE, "format": "png", "out": None})()
    with pytest.raises(ConfigurationError, match="binary data: give --out FILE"):
        run(args, Terminal())  # type: ignore[arg-type]
