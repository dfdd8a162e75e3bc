"""Stable names for what an export writes: the same account gives the same names every time.

Three name spaces, each handing out every name once (:class:`Names`): Pulumi resource names
(slugs), Python variables (:func:`identifier`, then unique) and data file names (compared
case-insensitively, so a project checked out on macOS or Windows has every file).
"""

from __future__ import annotations

import builtins
import keyword
import re

from ..errors import ConfigurationError

# names the exported __main__.py defines or imports itself
PROGRAM_NAMES = frozenset({"pulumi", "oc", "cfg", "retain", "here", "path"})
RESERVED = frozenset({*keyword.kwlist, *keyword.softkwlist, *dir(builtins), *PROGRAM_NAMES, "_"})
SAFE_FILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def slug(text: str, fallback: str = "item") -> str:
    """A lower-case ``a-z0-9-`` name (``"Sales CRM (EU)"`` -> ``"sales-crm-eu"``)."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value or fallback


def identifier(text: str) -> str:
    """A Python variable name from a slug (``"sales-crm"`` -> ``"sales_crm"``): never a
    keyword, a builtin, a name the program defines itself, nor starting with a digit. Not
    unique by itself: hand it to :meth:`Names.unique` with ``separator="_"``."""
    value = re.sub(r"[^a-zA-Z0-9]+", "_", text).strip("_").lower() or "item"
    if value[0].isdigit():
        value = f"r_{value}"
    if value in RESERVED:
        value = f"{value}_"
    return value


def file_stem(name: str, fallback: str) -> str:
    """``name`` when it is a plain file name (letters, digits, ``_.-``, not starting with a
    dot), else ``fallback`` (a slug)."""
    return name if SAFE_FILE_NAME.match(name) else fallback


class Names:
    """Hands out unique names: the first asker of a name gets it, later ones get ``-2``… (or
    ``_2``… with ``separator="_"``). With ``fold_case``, names that differ only in case are
    the same name."""

    def __init__(
        self, taken: set[str] | None = None, *, separator: str = "-", fold_case: bool = False
    ) -> None:
        self._fold = fold_case
        self._taken: set[str] = {self._key(t) for t in taken or ()}
        self._separator = separator

    def _key(self, name: str) -> str:
        return name.lower() if self._fold else name

    def unique(self, wanted: str) -> str:
        name, n = wanted, 2
        while self._key(name) in self._taken:
            name = f"{wanted}{self._separator}{n}"
            n += 1
        self._taken.add(self._key(name))
        return name


# Pulumi's tokens.ValidateProjectName (sdk/go/common/tokens/project.go, names.go): non-empty,
# at most 100 characters, only ASCII letters, digits, '_', '.' and '-'
PROJECT_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
PROJECT_NAME_MAX = 100


def check_project_name(name: str) -> str:
    """``name`` when Pulumi accepts it as a project name; else ConfigurationError."""
    if not name:
        problem = "may not be empty"
    elif len(name) > PROJECT_NAME_MAX:
        problem = f"is {len(name)} characters long; Pulumi allows {PROJECT_NAME_MAX}"
    elif not PROJECT_NAME.match(name):
        problem = "may only contain ASCII letters, digits, '_', '.' and '-'"
    else:
        return name
    raise ConfigurationError(f"--project {name!r} {problem} (a Pulumi project name).")


def default_project_name(directory_name: str) -> str:
    """A valid project name from the --out directory's name."""
    return slug(directory_name, "openconnectors")[:PROJECT_NAME_MAX].strip("-") or "openconnectors"
