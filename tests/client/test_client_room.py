"""The client is a closed room: everything the HTTP client needs is under ``client/``.

Read from the source (AST), not from ``sys.modules``: every module under
``pulumi_openconnectors/client/`` imports nothing of the package outside ``client/`` but
``errors`` and ``_version``, and nothing of Pulumi. What a Pulumi user is told to do
(``pulumi refresh``, input names) comes from the resources layer, passed in as advice.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

import pulumi_openconnectors
from pulumi_openconnectors.client import responses
from pulumi_openconnectors.client.advice import CLIENT_ADVICE
from pulumi_openconnectors.resources.advice import PULUMI_ADVICE

PACKAGE = "pulumi_openconnectors"
ROOT = Path(pulumi_openconnectors.__file__).parent
CLIENT = ROOT / "client"
ALLOWED_OUTSIDE = {f"{PACKAGE}.errors", f"{PACKAGE}._version"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    return imports_of(
        path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
    )


def imports_of(source: str, name: str, is_package: bool) -> set[str]:
    """Every module ``source`` (module ``name``) imports, relative imports resolved;
    ``from . import x`` counts as importing ``package.x``."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            if node.module:
                found.add(base)
            else:
                found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def outside_the_room(targets: set[str]) -> set[str]:
    """The package's modules among ``targets`` that are neither in client/ nor allowed."""

    def within(target: str, module: str) -> bool:
        return target == module or target.startswith(f"{module}.")

    return {
        t
        for t in targets
        if within(t, PACKAGE)
        and not within(t, f"{PACKAGE}.client")
        and not any(within(t, allowed) for allowed in ALLOWED_OUTSIDE)
    }


def pulumi_among(targets: set[str]) -> set[str]:
    return {t for t in targets if t == "pulumi" or t.startswith("pulumi.")}


CLIENT_MODULES = sorted(CLIENT.rglob("*.py"))


def test_the_client_has_its_modules() -> None:
    names = {module_name(p) for p in CLIENT_MODULES}
    for part in ("auth", "deadline", "retry", "redact", "regions", "models", "responses"):
        assert f"{PACKAGE}.client.{part}" in names
    assert len(CLIENT_MODULES) > 20


@pytest.mark.parametrize("path", CLIENT_MODULES, ids=lambda p: str(p.relative_to(CLIENT)))
def test_client_module_imports_nothing_from_outside_the_room(path: Path) -> None:
    outside = outside_the_room(imported(path))
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize("path", CLIENT_MODULES, ids=lambda p: str(p.relative_to(CLIENT)))
def test_client_module_does_not_import_pulumi(path: Path) -> None:
    pulumi = pulumi_among(imported(path))
    assert not pulumi, f"{path.relative_to(ROOT)} imports {sorted(pulumi)}"


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from ..resources import advice", {f"{PACKAGE}.resources"}),
        ("from .. import config", {f"{PACKAGE}.config"}),
        ("from ... import x", {f"{PACKAGE}.x"}),  # from client/models/: the package root
        ("import pulumi_openconnectors", {PACKAGE}),
        ("from pulumi_openconnectors.markers import is_unknown", {f"{PACKAGE}.markers"}),
        ("from .. import errors, _version\nfrom ..errors import APIError", set()),
        ("from .models import Instance\nfrom . import auth", set()),
    ],
)
def test_the_check_catches_an_import_from_outside(source: str, caught: set[str]) -> None:
    name = f"{PACKAGE}.client.models.probe" if "..." in source else f"{PACKAGE}.client.probe"
    assert outside_the_room(imports_of(source, name, is_package=False)) == caught


def test_the_check_catches_pulumi() -> None:
    found = imports_of("import pulumi.dynamic\nfrom pulumi import Output", "x.y", False)
    assert pulumi_among(found) == {"pulumi.dynamic", "pulumi"}


STATUSES = [301, 400, 401, 403, 404, 405, 409, 415, 429, 500, 503]
PATHS = [
    "/instances",
    "/instances/42",
    "/elements/closeio",
    "/elements/closeio/oauth/url",
    "/formulas/12",
    "/formulas/12/instances/7",
    "/organizations/objects/contacts/definitions",
    "/organizations/elements/closeio/transformations/contacts",
    "/hubs/crm/contacts",
]


def test_the_clients_own_advice_never_speaks_of_pulumi() -> None:
    for status, method, path in itertools.product(STATUSES, ["GET", "POST"], PATHS):
        message = str(
            responses.error_from_response(
                status=status, method=method, path=path, payload={"message": "m"}
            )
        )
        assert "pulumi" not in message.lower(), message
    assert "pulumi" not in CLIENT_ADVICE.look_first.lower()


def test_pulumi_advice_is_what_the_provider_passes() -> None:
    message = str(
        responses.error_from_response(
            status=409, method="PUT", path="/formulas/1", payload={}, advice=PULUMI_ADVICE
        )
    )
    assert "`pulumi refresh`" in message
