"""The package's modules (all of them, the emulator's too) import each other without a circle.

The graph is read from the source (AST), not from ``sys.modules``: every ``import`` and
``from ... import`` counts, at module level, inside functions and under ``TYPE_CHECKING``
alike, with relative imports resolved. ``from pkg import name`` is an edge to the submodule
``pkg.name`` when there is one, else to ``pkg``. A package's ``__init__`` that runs because a
submodule of it is imported is not an edge (Python finds the package already initialising
then, which is no circle of ours).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import pulumi_openconnectors.emulator as emulator

PACKAGE = "pulumi_openconnectors.emulator"
ROOT = Path(emulator.__file__).resolve().parent


def modules(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Path]:
    """Every module under the package: dotted name -> file."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join([package, *parts])] = path
    return found


def _base(module: str, path: Path, level: int, target: str | None) -> str:
    """The absolute name a (possibly relative) import statement names."""
    if level == 0:
        return target or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    anchor = package[: len(package) - (level - 1)]
    return ".".join([*anchor, *([target] if target else [])])


def imported(module: str, path: Path, known: set[str]) -> Iterator[str]:
    """The modules of ``known`` this module imports, anywhere in its body."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, path, node.level, node.module)
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            # `import a.b.c` (or a name of a module outside the graph): its longest known prefix.
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                yield name


def graph(found: dict[str, Path]) -> dict[str, set[str]]:
    known = set(found)
    return {name: set(imported(name, path, known)) for name, path in found.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One circle of the graph (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The reader itself: relative, absolute, in-function and submodule imports, and a circle."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .a import A\n")
    (pkg / "a.py").write_text("A = 1\ndef f():\n    from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("import pkg.c\nimport os\n")
    (pkg / "c.py").write_text("from . import a\nfrom .sub.b import x\n")
    edges = graph(modules(pkg, "pkg"))
    assert edges == {
        "pkg": {"pkg.a"},
        "pkg.a": {"pkg.sub.b"},
        "pkg.sub": set(),
        "pkg.sub.b": {"pkg.c"},
        "pkg.c": {"pkg.a", "pkg.sub.b"},
    }
    assert find_cycle(edges) == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]
    assert find_cycle({"x": {"y"}, "y": set()}) is None


@pytest.mark.parametrize(("name", "at_least"), [("emulator", 40), ("devtools", 5)])
def test_the_package_has_no_import_circle(name: str, at_least: int) -> None:
    found = modules(ROOT.parent / name, f"pulumi_openconnectors.{name}")
    assert len(found) > at_least, f"the modules of {name} were not found"
    cycle = find_cycle(graph(found))
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_whole_package_has_no_import_circle() -> None:
    """Not only the emulator: every module of the package, its ``__init__`` included (states
    unpickle ``pulumi_openconnectors._provider`` through the package's lazy names, so the
    resource layer never imports the package back)."""
    found = modules(ROOT.parent, "pulumi_openconnectors")
    assert len(found) > 150, "the package's modules were not found"
    cycle = find_cycle(graph(found))
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])
