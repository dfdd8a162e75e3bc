"""The command: ``python -m pulumi_openconnectors migrate-to-plugin [--stack S] [--cwd DIR]
[--dry-run] [--backup FILE]``.

1. ``pulumi stack export`` (secrets stay ciphertext: nothing is decrypted);
2. the rewrite of :mod:`.state` (each dynamic resource of this package -> the plugin's);
3. ``pulumi stack import`` of the result (it takes the stack's lock: refused while a run is
   going on). No request reaches the API.

Then the program uses :mod:`pulumi_openconnectors.native` instead of the dynamic classes and
``pulumi preview`` shows no change. Run it in the project directory (or ``--cwd``), with the
`pulumi` of the stack on PATH.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..recover import Pulumi, _import
from ..subcommands import command, stack_options
from .state import MigrationError, to_plugin


def add_parser(groups: Any) -> None:
    parser = command(
        groups,
        "migrate-to-plugin",
        "move a stack's dynamic resources to the provider plugin (state only, no API call)",
        "For one stack: each pulumi-python:dynamic/openconnectors:<Type> resource becomes "
        "openconnectors:index:<Type> with the same id, inputs and outputs, in the state "
        "alone (pulumi stack export / import): nothing is created, changed or deleted in "
        "the account. Then switch the program to pulumi_openconnectors.native.",
        wrapped=True,
    )
    stack_options(parser)
    parser.add_argument(
        "--dry-run", action="store_true", help="only print what would move; change nothing"
    )
    parser.add_argument(
        "--backup", type=Path, help="write the state as it was (pulumi stack export) to FILE"
    )


def migrate(args: argparse.Namespace, out: Any = sys.stdout) -> int:
    from .. import __version__

    cwd = (args.cwd or Path.cwd()).resolve()
    pulumi = Pulumi(cwd, args.stack)
    exported = json.loads(pulumi("stack", "export"))
    try:
        deployment, moved = to_plugin(exported.get("deployment") or {}, __version__)
    except MigrationError as exc:
        print(f"migrate-to-plugin: {exc}", file=sys.stderr)
        return 2
    if not moved:
        print(
            "the state holds no dynamic resource of pulumi-openconnectors: nothing to move",
            file=out,
        )
        return 0
    for item in moved:
        print(
            f"{item.name}: pulumi-python:dynamic/openconnectors:{item.type_name} -> "
            f"openconnectors:index:{item.type_name} (id {item.id})",
            file=out,
        )
    if args.dry_run:
        print(f"{len(moved)} resource(s) would move (dry run: nothing changed)", file=out)
        return 0
    if args.backup is not None:
        args.backup.write_text(json.dumps(exported, indent=2) + "\n", encoding="utf-8")
    _import(pulumi, {**exported, "deployment": deployment}, cwd)
    print(
        f"{len(moved)} resource(s) moved in the state. Now import pulumi_openconnectors.native "
        "instead of pulumi_openconnectors in the program (the same names and arguments; a "
        "Transformation's common_resource= becomes object_name=) and run `pulumi preview`: "
        "it shows no change.",
        file=out,
    )
    return 0


def run(args: argparse.Namespace) -> int:
    return migrate(args)
