"""The `pulumi` engine of the checkout, and the environment to run it in.

scripts/bootstrap_engine.sh builds the engine (the `pulumi` CLI and its Python language host)
on first use and prints its bin directory; it is idempotent and fast once built.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from .paths import script

ENGINE_TIMEOUT = 3600.0


def engine_bin(timeout: float = ENGINE_TIMEOUT) -> Path:
    """The directory with `pulumi` and its Python plugins (builds them on first use)."""
    out = subprocess.run(
        ["bash", str(script("bootstrap_engine.sh"))],
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def interpreter_dir() -> str:
    """The bin directory of the Python this process runs on, outside any virtualenv (the
    interpreter the virtualenv was made from)."""
    return str(Path(sys.base_prefix) / "bin")


def path_without_venvs(path: str | None = None) -> str:
    """PATH (default: this process's) without any virtualenv's bin directory (pytest or a
    benchmark may run from one; a Pulumi project must find its Python by its own
    ``virtualenv`` option)."""
    keep = [
        d
        for d in (os.environ.get("PATH", "") if path is None else path).split(os.pathsep)
        if d and not (Path(d).parent / "pyvenv.cfg").exists()
    ]
    return os.pathsep.join(keep)


def pulumi_env(
    bin_dir: Path,
    home: Path,
    passphrase: str,
    backend_url: str | None = None,
    *,
    drop: tuple[str, ...] = ("PULUMI_", "OPENCONNECTORS_"),
    path: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """This process's environment for the `pulumi` CLI of ``bin_dir``: variables starting with
    one of ``drop`` removed (the developer's own Pulumi settings), the engine first on PATH
    (``path``: the rest; default: this interpreter's own bin directory, then PATH without
    virtualenvs), its own PULUMI_HOME, a passphrase, no update check, no plugin download, no
    prompt; then ``extra``.

    The interpreter's directory comes before the rest because the language host runs
    `python3 --version` from PATH once a command: through a version manager's shim (pyenv's
    runs about 145 processes) that cost more than the rest of a `pulumi preview` starts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    rest = os.pathsep.join([interpreter_dir(), path_without_venvs()]) if path is None else path
    env.update(
        {
            "PATH": f"{bin_dir}{os.pathsep}{rest}",
            "PULUMI_HOME": str(home),
            "PULUMI_CONFIG_PASSPHRASE": passphrase,
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_SKIP_CONFIRMATIONS": "true",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if backend_url is not None:
        env["PULUMI_BACKEND_URL"] = backend_url
    env.update(extra or {})
    return env
