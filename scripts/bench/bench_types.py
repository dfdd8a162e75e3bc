"""How ``make bench --types-n`` uses each document type: declared per type, in
``scripts/bench/types/<folder>.py`` (``BENCH``; the scaffold writes it with the type), so that a
new type joins the benchmark's program and its API-call table without an edit of
``scripts/bench_deploy.py``. Not in the package users install (no benchmark helper is)."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pulumi_openconnectors.resources.registry import FOLDERS

TYPES_DIR = Path(__file__).resolve().parent / "types"

READ_MERGE_WRITE = (
    "GET then PUT: the PUT replaces the object and keeps the fields the program leaves "
    "unmanaged (read, merge, write)"
)
"""Why an update of a type whose PUT replaces the whole object makes two calls."""


@dataclass(frozen=True)
class TypeBench:
    """A type in the types benchmark (one stack, N of each type, five operations).

    ``program``: the lines that declare the type's resources in the program's loop (indented
    four spaces; ``i`` is the index, ``tag`` a config value that the update changes from
    ``v1`` to ``v2``, so every resource changes; a variable another type's lines use, such as
    a common resource's, is set here), ``setup`` lines before the loop. ``routes``: a regular
    expression of the emulator's route templates the type's calls use (``GET /vdrs/{id}``);
    ``held``: the key of ``GET /_emulator/stats`` counting its objects; ``limit``: the most the
    program makes whatever N. ``two_calls``: per operation that makes two calls per resource by
    design (one on each of two routes), why; ``notes``: per operation whose one call depends
    on the program, what. The table prints both under it.
    """

    program: str
    routes: str
    held: str
    setup: str = ""
    limit: int | None = None
    two_calls: Mapping[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)


def type_benches(types_dir: Path = TYPES_DIR) -> dict[str, TypeBench]:
    """Each registered type that has ``types/<folder>.py``, by type name, in the registry's
    order."""
    found: dict[str, TypeBench] = {}
    for name, folder in FOLDERS.items():
        path = types_dir / f"{folder}.py"
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(f"bench_type_{folder}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        bench = getattr(module, "BENCH", None)
        if not isinstance(bench, TypeBench):
            raise TypeError(f"{path}: BENCH is not a TypeBench")
        found[name] = bench
    return found
