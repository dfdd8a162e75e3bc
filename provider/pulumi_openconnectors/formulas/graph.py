"""A formula as a flowchart: its trigger(s) and steps as nodes, ``onSuccess``/``onFailure`` as
labelled edges, steps no trigger reaches marked "unreachable".

:func:`build` reads a formula document (the JSON the platform exports, what
``Formula.from_file`` reads) into a :class:`FormulaGraph`; :func:`mermaid` writes it as Mermaid
text (GitHub and most Markdown viewers draw a ```` ```mermaid ```` block), :func:`dot` as
Graphviz DOT, and :func:`render` turns DOT into SVG or PNG through Graphviz's ``dot``.

Shapes by step type (the types of the formula documentation, ``rules.STEP_TYPES``): the trigger
a circle, ``script`` a rounded box, ``filter`` a diamond, ``loop`` a hexagon, the request steps
(``request``, ``elementRequest``, ``httpRequest``, ``amqpRequest``, ``elementRequestStream``) a
parallelogram, ``formula`` (a sub-formula) a subroutine box, ``notification`` a flag,
``retryFormulaExecution`` a stadium; any other type a plain box. A filter's edges read
``true``/``false``, a loop's ``each``/``done``, as the documentation defines them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from ..resources.formula.rules import BRANCHES

REQUEST_TYPES = frozenset(
    {"request", "elementRequest", "httpRequest", "amqpRequest", "elementRequestStream"}
)
IMAGE_FORMATS = ("svg", "png")
RENDER_TIMEOUT = 60.0

Shape = Literal[
    "trigger", "script", "filter", "loop", "request", "formula", "notification", "retry", "step"
]

# What a branch means for a step type (the formula documentation: a filter's ``done(true)``
# goes to onSuccess; a loop runs onSuccess for each item and onFailure once the list is done).
_BRANCH_WORDS: dict[str, tuple[str, str]] = {
    "filter": ("onSuccess: true", "onFailure: false"),
    "loop": ("onSuccess: each item", "onFailure: done"),
}


class FormulaGraphError(ValueError):
    """A formula document that cannot be drawn (a step naming a step that does not exist...);
    the message names the file and the step."""


@dataclass(frozen=True)
class Node:
    id: str
    """Safe in Mermaid and DOT: ``t0``... for the triggers, ``s<index in steps>`` for steps."""
    name: str
    type: str
    shape: Shape
    reachable: bool = True
    method: str | None = None
    """The HTTP method of a request step, when it has one."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    failure: bool


@dataclass
class FormulaGraph:
    name: str
    nodes: list[Node] = field(default_factory=list)
    """Triggers first, then the steps in the order a run can reach them, then the unreachable."""
    edges: list[Edge] = field(default_factory=list)

    @property
    def unreachable(self) -> list[str]:
        return [n.name for n in self.nodes if not n.reachable]


def _shape(step_type: str) -> Shape:
    if step_type in REQUEST_TYPES:
        return "request"
    if step_type == "retryFormulaExecution":
        return "retry"
    if step_type in ("script", "filter", "loop", "formula", "notification"):
        return step_type  # type: ignore[return-value]
    return "step"


def _targets(item: Mapping[str, Any], branch: str, where: str) -> list[str]:
    value = item.get(branch)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise FormulaGraphError(f"{where}: {branch} must be a list of step names")
    return list(value)


def build(document: Mapping[str, Any], source: str = "formula") -> FormulaGraph:
    """The flowchart of a formula document. ``source`` names it in errors (the file)."""
    name = document.get("name")
    graph = FormulaGraph(str(name) if isinstance(name, str) and name else source)
    steps_value = document.get("steps") or []
    triggers_value = document.get("triggers") or []
    if not isinstance(steps_value, list) or not isinstance(triggers_value, list):
        raise FormulaGraphError(f"{source}: 'steps' and 'triggers' must be lists")
    steps: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for i, step in enumerate(steps_value):
        step_name = step.get("name") if isinstance(step, Mapping) else None
        if not isinstance(step_name, str) or not step_name:
            raise FormulaGraphError(f"{source}: steps[{i}] has no name")
        if step_name in steps:
            raise FormulaGraphError(f"{source}: step {step_name!r} is defined twice")
        steps[step_name] = (i, step)

    def edges_of(node_id: str, item: Mapping[str, Any], where: str) -> list[str]:
        words = _BRANCH_WORDS.get(str(item.get("type")), BRANCHES)
        found: list[str] = []
        for branch, word in zip(BRANCHES, words, strict=True):
            for target in _targets(item, branch, where):
                if target not in steps:
                    raise FormulaGraphError(
                        f"{where}: {branch} names {target!r}, which is not a step of this formula"
                    )
                graph.edges.append(
                    Edge(node_id, f"s{steps[target][0]}", word, branch == BRANCHES[1])
                )
                found.append(target)
        return found

    queue: deque[str] = deque()
    for i, trigger in enumerate(triggers_value):
        if not isinstance(trigger, Mapping):
            raise FormulaGraphError(f"{source}: triggers[{i}] must be an object")
        node_id = f"t{i}"
        kind = str(trigger.get("type") or "trigger")
        graph.nodes.append(Node(node_id, "trigger", kind, "trigger"))
        queue.extend(edges_of(node_id, trigger, f"{source}: triggers[{i}]"))

    seen: set[str] = set()
    order: list[str] = []
    while queue:
        step_name = queue.popleft()
        if step_name in seen:
            continue
        seen.add(step_name)
        order.append(step_name)
        i, step = steps[step_name]
        queue.extend(edges_of(f"s{i}", step, f"{source}: step {step_name!r}"))
    for step_name in steps:
        if step_name not in seen:
            i, step = steps[step_name]
            order.append(step_name)
            edges_of(f"s{i}", step, f"{source}: step {step_name!r}")
    for step_name in order:
        i, step = steps[step_name]
        step_type = str(step.get("type") or "")
        properties = step.get("properties")
        method = properties.get("method") if isinstance(properties, Mapping) else None
        graph.nodes.append(
            Node(
                f"s{i}",
                step_name,
                step_type,
                _shape(step_type),
                reachable=step_name in seen,
                method=str(method).upper() if isinstance(method, str) and method else None,
            )
        )
    return graph


# -- Shapes -----------------------------------------------------------------------------------


class _Drawn(NamedTuple):
    """How a node of one shape is drawn in each format."""

    mermaid: tuple[str, str]
    """Mermaid's brackets around the label (left, right)."""
    dot: tuple[str, str]
    """Graphviz's node shape and style."""


_DRAWN: dict[Shape, _Drawn] = {
    "trigger": _Drawn(("((", "))"), ("circle", "filled")),
    "script": _Drawn(("(", ")"), ("box", "rounded")),
    "filter": _Drawn(("{", "}"), ("diamond", "")),
    "loop": _Drawn(("{{", "}}"), ("hexagon", "")),
    "request": _Drawn(("[/", "/]"), ("parallelogram", "")),
    "formula": _Drawn(("[[", "]]"), ("component", "")),
    "notification": _Drawn((">", "]"), ("note", "")),
    "retry": _Drawn(("([", "])"), ("box", "rounded,bold")),
    "step": _Drawn(("[", "]"), ("box", "")),
}


# -- Mermaid ----------------------------------------------------------------------------------

_UNREACHABLE_STYLE = "fill:#eeeeee,stroke:#999999,stroke-dasharray:5 5,color:#777777"
_MERMAID_ESCAPED = frozenset('"#&<>`|[]{}()\\%')
# Text Mermaid would draw as something else (found with Mermaid's own renderer, see
# tests/formulas/test_graph_mermaid.py): a ``$$...$$`` pair is KaTeX math (so the second "$" of
# "$$" is an entity: Mermaid then draws "$$"), ``fa:fa-car`` a Font Awesome icon (its ":" an
# entity), ``\n`` a line break (every backslash an entity); a line holding "style" or
# "classDef", a ":" and then "#...;" loses its last ";" before parsing (every ":" of such a line
# an entity); a line starting with "%%" is a comment (every "%" an entity). A label's lines are
# separated by a newline inside its quotes: with ``<br/>`` Mermaid turns the entities back into
# "$$", "fa:fa-" and "\n" before it draws them.
_MERMAID_ICON = re.compile(r"(fa[bklrs]?):(fa-)")
_MERMAID_STYLE_LINE = re.compile(r"style|classDef")


def _mermaid_text(text: str) -> str:
    """``text`` as one line of a quoted Mermaid label, its specials as ``#code;`` entities."""
    flat = " ".join(text.split())
    line = "".join(
        f"#{ord(c)};" if c in _MERMAID_ESCAPED or (c == "$" and flat[i - 1 : i] == "$") else c
        for i, c in enumerate(flat)
    )
    line = _MERMAID_ICON.sub(r"\1#58;\2", line)
    if _MERMAID_STYLE_LINE.search(line):
        line = line.replace(":", "#58;")
    return line


def _mermaid_label(parts: Sequence[str]) -> str:
    """The lines ``parts`` as one quoted Mermaid label (without its quotes)."""
    return "\n".join(_mermaid_text(part) for part in parts)


def _caption(node: Node) -> list[str]:
    """The lines of a node's label: its name, then its type (and method)."""
    if node.shape == "trigger":
        return ["trigger", node.type]
    kind = f"{node.type} {node.method}" if node.method else node.type or "step"
    lines = [node.name, kind]
    if not node.reachable:
        lines.append("unreachable")
    return lines


def mermaid(graph: FormulaGraph) -> str:
    """The graph as a Mermaid flowchart (top to bottom); unreachable steps in the class
    ``unreachable`` (dashed, grey), failure edges dotted."""
    lines = ["flowchart TD"]
    for node in graph.nodes:
        left, right = _DRAWN[node.shape].mermaid
        label = _mermaid_label(_caption(node))
        lines.append(f'    {node.id}{left}"{label}"{right}')
    for edge in graph.edges:
        arrow = "-.->" if edge.failure else "-->"
        lines.append(f'    {edge.source} {arrow}|"{_mermaid_label([edge.label])}"| {edge.target}')
    lines.append("    classDef trigger fill:#e8f1fb,stroke:#0f6ab4")
    triggers = [n.id for n in graph.nodes if n.shape == "trigger"]
    if triggers:
        lines.append(f"    class {','.join(triggers)} trigger")
    unreachable = [n.id for n in graph.nodes if not n.reachable]
    if unreachable:
        lines.append(f"    classDef unreachable {_UNREACHABLE_STYLE}")
        lines.append(f"    class {','.join(unreachable)} unreachable")
    return "\n".join(lines) + "\n"


# -- Graphviz ---------------------------------------------------------------------------------

_METHOD_COLORS = {
    "GET": "#0f6ab4",
    "POST": "#10a54a",
    "PUT": "#c5862b",
    "PATCH": "#d38042",
    "DELETE": "#a41e22",
}


def _dot_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def dot(graph: FormulaGraph) -> str:
    """The graph as Graphviz DOT (top to bottom); unreachable steps dashed and grey, failure
    edges dashed, request steps outlined in their method's colour."""
    lines = [
        "digraph formula {",
        f"    graph [label={_dot_string(graph.name)}, labelloc=t, fontname=Helvetica];",
        "    node [fontname=Helvetica, fontsize=11];",
        "    edge [fontname=Helvetica, fontsize=9];",
    ]
    for node in graph.nodes:
        label = "\\n".join(_dot_string(part)[1:-1] for part in _caption(node))
        shape, style = _DRAWN[node.shape].dot
        attributes = [f'label="{label}"', f"shape={shape}"]
        if node.shape == "trigger":
            attributes.append('fillcolor="#e8f1fb", color="#0f6ab4"')
        elif node.method in _METHOD_COLORS:
            attributes.append(f'color="{_METHOD_COLORS[node.method]}", penwidth=2')
        if not node.reachable:
            style = ",".join(filter(None, (style, "dashed", "filled")))
            attributes.append('fillcolor="#eeeeee", color="#999999", fontcolor="#777777"')
        if style:
            attributes.append(f'style="{style}"')
        lines.append(f"    {node.id} [{', '.join(attributes)}];")
    for edge in graph.edges:
        attributes = [f"label={_dot_string(edge.label)}"]
        if edge.failure:
            attributes.append('style=dashed, color="#a41e22", fontcolor="#a41e22"')
        lines.append(f"    {edge.source} -> {edge.target} [{', '.join(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_executable() -> str | None:
    """Graphviz's ``dot`` on PATH, or None."""
    return shutil.which("dot")


def render(dot_source: str, image_format: str, *, timeout: float = RENDER_TIMEOUT) -> bytes:
    """DOT source as an image (``svg`` or ``png``) drawn by Graphviz's ``dot``."""
    if image_format not in IMAGE_FORMATS:
        raise ValueError(f"cannot render {image_format!r}; choose {' or '.join(IMAGE_FORMATS)}")
    executable = dot_executable()
    if executable is None:
        raise FormulaGraphError(
            "Graphviz's `dot` is not on PATH: install Graphviz (Debian/Ubuntu: apt-get install "
            "graphviz; or `make venv` in a checkout), or draw Mermaid text (the default --format)."
        )
    try:
        done = subprocess.run(
            [executable, f"-T{image_format}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FormulaGraphError(f"Graphviz's `dot` took longer than {timeout:g} s") from None
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())
        raise FormulaGraphError(f"Graphviz's `dot` failed (exit {done.returncode}): {message}")
    return done.stdout


def render_formula(
    document: Mapping[str, Any], output_format: str, source: str = "formula"
) -> bytes:
    """A formula drawn in ``output_format``: ``mermaid`` or ``dot`` (text, UTF-8), ``svg`` or
    ``png`` (through Graphviz)."""
    graph = build(document, source)
    if output_format == "mermaid":
        return mermaid(graph).encode("utf-8")
    text = dot(graph)
    if output_format == "dot":
        return text.encode("utf-8")
    return render(text, output_format)


OUTPUT_FORMATS: Sequence[str] = ("mermaid", "dot", *IMAGE_FORMATS)
