"""``python -m pulumi_openconnectors export --out DIR [--format python|yaml] [--tag T…]
[--element KEY…] [--kinds …]``.

Reads the organization (settings from the environment: ``OPENCONNECTORS_BASE_URL`` or
``OPENCONNECTORS_REGION``, ``OPENCONNECTORS_USER_SECRET``, ``OPENCONNECTORS_ORGANIZATION_SECRET``,
or ``--base-url``) and writes a Pulumi project into DIR: a Python program (``--format python``,
the default) or a Pulumi YAML program (``--format yaml``, run by the ``openconnectors``
resource plugin). Progress goes to stderr, the summary
too. Exit status: 0 when everything was exported, 1 when some objects could not be exported
faithfully (listed, and in DIR/README.md), 2 on an error (nothing written).

DIR must be new, empty, or an earlier export (it holds .openconnectors-export.json, the list
of files the export wrote); a re-export removes only files of that list. --force writes into
any directory (overwriting files of the export's names, deleting nothing else).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..client import OpenConnectorsClient
from ..errors import ConfigurationError
from ..oauth import settings_from_env
from ..resources.advice import PULUMI_ADVICE
from . import output
from .naming import check_project_name, default_project_name
from .program import build_project
from .reader import KINDS, read_account
from .yaml_program import build_yaml_project

EXIT_PARTIAL = 1
FORMATS = ("python", "yaml")


def add_parser(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = groups.add_parser(
        "export",
        help="write a Pulumi program that adopts an existing organization",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--out", required=True, type=Path, help="the project directory to write")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="python",
        help="the program to write: a Python program (default) or a Pulumi YAML program",
    )
    export.add_argument(
        "--tag", action="append", default=[], help="only instances carrying this tag (repeatable)"
    )
    export.add_argument(
        "--element", action="append", default=[], help="only this connector key (repeatable)"
    )
    export.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"comma-separated kinds to export (default: {','.join(KINDS)})",
    )
    export.add_argument("--project", help="the Pulumi project name (default: from --out)")
    export.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty directory that is not an earlier export",
    )
    export.add_argument(
        "--retain-on-delete",
        action="store_true",
        help="`pulumi destroy` of the exported stack leaves the objects in the account",
    )
    export.add_argument(
        "--virtualenv", help="runtime virtualenv to write into Pulumi.yaml (--format python)"
    )
    export.add_argument("--base-url", help="API base URL (default: $OPENCONNECTORS_BASE_URL)")


class Progress:
    """Counts per kind on stderr; a bar while a kind with a known total is being read."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._open = False

    def __call__(self, kind: str, done: int, total: int) -> None:
        if total and done < total:
            if self.tty:
                filled = int(20 * done / total)
                bar = "#" * filled + "-" * (20 - filled)
                self.stream.write(f"\r[export] {kind:<18} [{bar}] {done}/{total}")
                self.stream.flush()
                self._open = True
            return
        if total == 0 and done == 0:
            return  # starting: nothing to show yet
        if self._open:
            self.stream.write("\r" + " " * 60 + "\r")
            self._open = False
        what = f"{done} found" if kind in _COUNTED else f"{total} list(s) read"
        self.stream.write(f"[export] {kind:<18} {what}\n")
        self.stream.flush()


_COUNTED = ("connectors", "instances", "common-resources", "vdrs", "formulas")


def _kinds(value: str) -> list[str]:
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ConfigurationError(
            f"--kinds: unknown {', '.join(unknown)}; choose from {', '.join(KINDS)}."
        )
    if not kinds:
        raise ConfigurationError(
            f"--kinds {value!r} names no kind; choose one or more of {', '.join(KINDS)}."
        )
    return kinds


def run(args: argparse.Namespace, stderr: TextIO | None = None) -> int:
    stderr = stderr or sys.stderr
    kinds = _kinds(str(args.kinds))
    fmt = str(getattr(args, "format", "python"))
    if fmt == "yaml" and args.virtualenv:
        raise ConfigurationError(
            "--virtualenv is for --format python: a YAML program runs no Python virtualenv."
        )
    out_dir: Path = args.out
    if args.project is None:
        project_name = default_project_name(out_dir.absolute().name)
    else:
        project_name = check_project_name(args.project)
    output.check_out(out_dir, force=bool(args.force))
    settings = settings_from_env(base_url=args.base_url)
    stderr.write(f"[export] reading {settings.base_url} ({', '.join(kinds)})\n")
    with OpenConnectorsClient(settings, advice=PULUMI_ADVICE) as client:
        snap = read_account(
            client,
            kinds=kinds,
            tags=args.tag,
            elements=args.element,
            progress=Progress(stderr),
        )
    if fmt == "yaml":
        project = build_yaml_project(
            snap,
            project_name=project_name,
            retain_on_delete=bool(args.retain_on_delete),
            source=settings.base_url,
        )
    else:
        project = build_project(
            snap,
            project_name=project_name,
            retain_on_delete=bool(args.retain_on_delete),
            virtualenv=args.virtualenv,
            source=settings.base_url,
        )
    removed = output.write(out_dir, project.files, force=bool(args.force))
    stderr.write(
        "[export] wrote "
        + ", ".join(f"{n} {kind}" for kind, n in project.counts.items())
        + f" to {out_dir}\n"
    )
    if removed:
        stderr.write(
            f"[export] removed {len(removed)} file(s) of the earlier export that are no longer "
            f"exported: {', '.join(removed)}\n"
        )
    if project.secrets:
        stderr.write(
            f"[export] {len(project.secrets)} secret(s) to set before `pulumi up` "
            f"(listed in {out_dir / 'README.md'})\n"
        )
    if snap.skipped:
        stderr.write(f"[export] {len(snap.skipped)} object(s) not exported faithfully:\n")
        for reason in snap.skipped:
            stderr.write(f"  - {reason}\n")
        return EXIT_PARTIAL
    return 0
