"""``python -m pulumi_openconnectors graph FORMULA [--format mermaid|dot|svg|png] [--out FILE]``.

Draws a formula (its JSON file, as the platform exports it and ``Formula.from_file`` reads it,
or a formula directory: ``formula.json`` and its ``.js`` files) as a flowchart: the trigger,
the steps (a shape per step type), ``onSuccess``/``onFailure`` edges, steps no trigger reaches
marked unreachable. ``mermaid`` (the default) is text for Markdown (```` ```mermaid ```` blocks
in READMEs and pull requests); ``dot`` is Graphviz source; ``svg`` and ``png`` are images drawn
by Graphviz's ``dot`` (on PATH). Writes to ``--out`` or stdout. A broken document (a step that
names a step the formula does not have) is an error naming the file and the step (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from ..errors import ConfigurationError
from ..resources.formula.layout import read_formula
from ..subcommands import command
from .graph import OUTPUT_FORMATS, render_formula


def add_parser(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    graph = command(
        groups,
        "graph",
        "draw a formula as a flowchart (Mermaid, or SVG/PNG through Graphviz)",
        __doc__,
    )
    graph.add_argument("formula", type=Path, help="a formula JSON file or formula directory")
    graph.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default="mermaid",
        help="mermaid (default, text), dot (Graphviz source), svg or png (needs Graphviz)",
    )
    graph.add_argument("--out", type=Path, help="the file to write (default: stdout)")


def run(args: argparse.Namespace, stdout: BinaryIO | None = None) -> int:
    path: Path = args.formula
    document, _ = read_formula(path, "formula")
    output_format = str(args.format)
    stream = stdout or sys.stdout.buffer
    if args.out is None and output_format == "png" and stream.isatty():
        # before rendering: the advice holds whether Graphviz is installed or not
        raise ConfigurationError("--format png writes binary data: give --out FILE.")
    data = render_formula(document, output_format, source=str(path))
    if args.out is not None:
        try:
            Path(args.out).write_bytes(data)
        except OSError as exc:
            raise ConfigurationError(
                f"--out {args.out}: cannot write it: {exc.strerror}."
            ) from None
        return 0
    stream.write(data)
    stream.flush()
    return 0
