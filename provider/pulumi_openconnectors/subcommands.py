"""What the commands of ``python -m pulumi_openconnectors`` share in their argument parsers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def command(
    groups: Any, name: str, summary: str, description: str, *, wrapped: bool = False
) -> argparse.ArgumentParser:
    """The parser of one command: ``summary`` in the list of commands, ``description`` at the
    top of its ``--help``, as it is written (a module's docstring, say) or, ``wrapped``, as
    argparse wraps it."""
    formatter = argparse.HelpFormatter if wrapped else argparse.RawDescriptionHelpFormatter
    parser: argparse.ArgumentParser = groups.add_parser(
        name, help=summary, description=description, formatter_class=formatter
    )
    return parser


def stack_options(parser: argparse.ArgumentParser) -> None:
    """``--stack`` and ``--cwd`` of a command on one stack of a project."""
    parser.add_argument("--stack", help="the stack (default: the selected one)")
    parser.add_argument("--cwd", type=Path, help="the project directory (default: here)")
