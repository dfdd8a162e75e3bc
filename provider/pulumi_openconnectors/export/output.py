"""Where an export writes: the ``--out`` directory, checked before the account is read, and
the manifest that tells a previous export from a directory of the user's.

The export writes :data:`MANIFEST` (the files it wrote) last. A directory is accepted when it
does not exist, is empty (a ``.git`` in it does not count), or holds a manifest; a re-export
overwrites the files of the old manifest and removes those the new export no longer writes —
no other file is ever deleted, and a file the old export did not write is not overwritten
either. ``--force`` writes into any directory: it overwrites the export's own files and still
deletes nothing but files of an earlier manifest.

Every problem is a :class:`~pulumi_openconnectors.errors.ConfigurationError` (one line, exit 2).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import ConfigurationError

MANIFEST = ".openconnectors-export.json"
DATA_FOLDERS = ("connectors", "formulas", "common-resources", "transformations", "vdrs")
TOP_FILES = ("Pulumi.yaml", "README.md", "__main__.py", "requirements.txt")
_FOLDERS = "|".join(map(re.escape, DATA_FOLDERS))
_DATA_FILE = re.compile(rf"^({_FOLDERS})/[^/\\]+\.json$")
# a formula directory (resources/formula/layout.py): formulas/<name>/formula.json, <step>.js
_FORMULA_DIRECTORY_FILE = re.compile(r"^formulas/[^/\\]+/(formula\.json|[^/\\]+\.js)$")
# a connector directory (resources/connector/layout.py): connectors/<key>/element.json,
# <type>Hook.js, resources/<resource><type>Hook.js
_CONNECTOR_DIRECTORY_FILE = re.compile(
    r"^connectors/[^/\\]+/(element\.json|[^/\\]+Hook\.js|resources/[^/\\]+Hook\.js)$"
)
IGNORED_ENTRIES = (".git",)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def is_export_file(relative: str) -> bool:
    """Whether ``relative`` is a path an export writes (what a manifest may list)."""
    if relative in TOP_FILES:
        return True
    data = (
        _DATA_FILE.match(relative)
        or _FORMULA_DIRECTORY_FILE.match(relative)
        or _CONNECTOR_DIRECTORY_FILE.match(relative)
    )
    return bool(data) and not {"", ".", ".."} & set(relative.split("/"))


def read_manifest(out_dir: Path) -> set[str] | None:
    """The files an earlier export wrote into ``out_dir``; None when there is no valid
    manifest (then nothing there was written by an export, as far as we can tell)."""
    try:
        document = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return {f for f in files if is_export_file(f)}


def manifest_text(files: Iterable[str]) -> str:
    document = {
        "about": "files written by `python -m pulumi_openconnectors export`; a re-export "
        "overwrites and removes only these",
        "files": sorted(files),
    }
    return json.dumps(document, indent=2) + "\n"


def check_out(out_dir: Path, *, force: bool) -> None:
    """Refuse, before anything is read or written, a ``--out`` the export cannot or must not
    write into."""
    try:
        if out_dir.exists() or out_dir.is_symlink():
            _check_existing(out_dir, force=force)
            return
        ancestor = out_dir.absolute().parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
    except OSError as exc:
        raise ConfigurationError(f"--out {out_dir}: {_reason(exc)}.") from None
    if not ancestor.is_dir():
        raise ConfigurationError(
            f"--out {out_dir}: {ancestor} is a file, not a directory; choose another --out."
        )
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise ConfigurationError(
            f"--out {out_dir}: cannot create it, {ancestor} is not writable; choose another --out."
        )


def _check_existing(out_dir: Path, *, force: bool) -> None:
    if not out_dir.is_dir():
        raise ConfigurationError(
            f"--out {out_dir} is a file, not a directory; choose a new or empty directory."
        )
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise ConfigurationError(f"--out {out_dir} is not writable; choose another --out.")
    entries = [p.name for p in out_dir.iterdir() if p.name not in IGNORED_ENTRIES]
    if entries and not force and read_manifest(out_dir) is None:
        raise ConfigurationError(
            f"--out {out_dir} is not empty and holds no earlier export (no {MANIFEST}): "
            "choose a new or empty directory, or add --force to write the export's files "
            "into it (overwriting files of the same name; nothing is deleted)."
        )


def _remove_if_empty(folder: Path, out_dir: Path) -> None:
    """Remove a formula or connector directory (``formulas/<name>``, ``connectors/<key>`` and
    its ``resources`` folder) that the removal of an earlier export's files left empty."""
    top = folder.parent.parent
    if folder.name == "resources" and top.parent == out_dir and top.name == "connectors":
        with contextlib.suppress(OSError):  # not empty: it holds files of the user's
            folder.rmdir()
        folder = folder.parent
    if folder.parent.parent == out_dir and folder.parent.name in DATA_FOLDERS:
        with contextlib.suppress(OSError):  # not empty: it holds files of the user's
            folder.rmdir()


def write(out_dir: Path, files: Mapping[str, str], *, force: bool) -> list[str]:
    """Write ``files`` and the manifest; remove the files of the earlier manifest that this
    export does not write. Returns the removed paths."""
    earlier = read_manifest(out_dir) or set()
    if not force:
        theirs = sorted(
            f for f in files if f not in earlier and (out_dir / f).exists() and f != MANIFEST
        )
        if theirs:
            shown = ", ".join(theirs[:3]) + (f" and {len(theirs) - 3} more" if theirs[3:] else "")
            raise ConfigurationError(
                f"--out {out_dir}: the export would overwrite {shown}, which the earlier export "
                "did not write; move them away, or add --force."
            )
    removed: list[str] = []
    current = out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for relative, content in sorted(files.items()):
            current = out_dir / relative
            current.parent.mkdir(parents=True, exist_ok=True)
            if relative.endswith(".js"):  # a script's body, its line ends as they are
                current.write_bytes(content.encode("utf-8"))
            else:
                current.write_text(content, encoding="utf-8")
        for relative in sorted(earlier - set(files)):
            current = out_dir / relative
            if current.is_file() and not current.is_symlink():
                current.unlink()
                removed.append(relative)
                _remove_if_empty(current.parent, out_dir)
        current = out_dir / MANIFEST
        current.write_text(manifest_text(files), encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(
            f"--out {out_dir}: cannot write {current}: {_reason(exc)}."
        ) from None
    return removed
