"""The empty metadata sidecars a killed `pulumi` can leave in a file backend, found and removed.

A file backend (gocloud's fileblob) writes each file to a temporary name and renames it, but
rewrites the file's sidecar of metadata (``<file>.attrs``: content type, MD5) in place: a
`pulumi` killed in between leaves it empty, and every later read of the stack fails with
``failed to load checkpoint: EOF``. An empty sidecar holds nothing, and a missing one is read as
no metadata, so removing it is safe. Other backends keep no such sidecar: nothing to remove.

Used by ``recover`` (one stack) and by the fleet runner (each stack's own files only, since
other stacks of the same backend are being written at the same time).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

TORN_METADATA = "failed to load checkpoint: EOF"
"""What `pulumi` says of a stack whose file-backend metadata sidecar was left empty."""


def backend_root(url: str) -> Path | None:
    """The ``.pulumi`` directory of a ``file://`` backend URL; None for any other backend."""
    if not url.startswith("file://"):
        return None
    # file:///abs/dir, file://~/dir (the CLI expands the home directory), options after "?"
    path = unquote(url.removeprefix("file://").split("?", 1)[0])
    return Path(path).expanduser() / ".pulumi"


def _of_stack(relative: Path, project: str, stack: str) -> bool:
    """The backend's own files (``meta.yaml``) and those of one stack of one project: its
    checkpoint (``stacks/P/S.json…``) and its ``history``, ``backups`` and ``locks`` folders."""
    parts = relative.parts
    if len(parts) == 1:
        return True
    if len(parts) < 3 or parts[1] != project:
        return False
    if parts[0] == "stacks":
        return len(parts) == 3 and parts[2].startswith(f"{stack}.json")
    return parts[2] == stack


def remove_torn_sidecars(
    url: str, *, project: str | None = None, stack: str | None = None
) -> list[Path]:
    """Remove the empty ``*.attrs`` sidecars of the file backend at ``url``: all of them, or
    only the backend's own and those of ``stack`` of ``project`` when both are given. Returns
    what was removed ([] for a backend other than a file one)."""
    root = backend_root(url)
    if root is None or not root.is_dir():
        return []
    torn = []
    for path in sorted(root.rglob("*.attrs")):
        if not path.is_file() or path.stat().st_size != 0:
            continue
        relative = path.relative_to(root)
        if not (project is None or stack is None or _of_stack(relative, project, stack)):
            continue
        path.unlink(missing_ok=True)
        torn.append(path)
    return torn


def removed_note(path: Path) -> str:
    """What to say of a removed sidecar."""
    return (
        f"removed {path}: the killed `pulumi` left this metadata file of the backend empty, "
        f"which made the stack unreadable (`{TORN_METADATA}`)"
    )
