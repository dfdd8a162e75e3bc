"""A new resource type in one step: its folder, its registry line, its emulator service and its
test stubs.

    python -m pulumi_openconnectors.resources.scaffold TypeName [--folder snake_name]

writes ``resources/<folder>/`` (``spec.py``, ``inputs.py``, ``rules.py``, ``api.py``,
``operations.py``) and adds the folder to ``registry.TYPE_FOLDERS``; writes the emulator's
service ``emulator/services/<folder>/`` (``__init__.py``, ``routes.py``) and adds it to
``emulator/services/__init__.py`` ``AREAS``; writes ``tests/resources/<folder>/test_spec.py``
and its part in ``make bench`` (``scripts/bench/types/<folder>.py``); then generates the typed
resource classes (dynamic and plugin), their shared outputs class, the provider class and the
reference page. ``api.py`` is the type's own API area (``client.area(<Type>API)``): no module of
``client/`` changes. As written, the type creates, reads, updates and deletes against its
emulator service; what is left by hand is the type itself: its properties in ``spec.py``, its
rules, its routes in ``api.py`` and what ``operations.py`` makes of them, and the emulator's own
reading of the documented API.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
BENCH_TYPES = PACKAGE.parents[1] / "scripts" / "bench" / "types"
"""Where each type's part in ``make bench --types-n`` is (not in the package users install)."""

SPEC = '''"""{name}: TODO one line on what the platform object is."""

from __future__ import annotations

from ..spec import Prop, ResourceSpec, adopt_flag

SPEC = ResourceSpec(
    name="{name}",
    doc="TODO: what a {name} is, and what an update sends (`PUT /…`).",
    operations="pulumi_openconnectors.resources.{folder}.operations:{name}Operations",
    id_output="{folder}_id",
    props=(
        Prop(
            "name",
            "str",
            "the object's name; default: the resource name",
            api="name",
            py="str",
            resource_name_default=True,
        ),
        Prop.extra_keys("any other keys of the object's JSON, kept as they are"),
        adopt_flag("the object of this name"),
        Prop.output("{folder}_id", "str", "the object's id (also the Pulumi id)"),
    ),
    server_keys={{"": ("id", "createdDate", "updatedDate")}},
)
'''

INPUTS = '''"""Validation of {name} inputs (the documented rules: :mod:`.rules`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from ..values import not_blank
from .spec import SPEC


class {name}Inputs(DocumentInputs):
    spec = SPEC

    name: str
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt: bool = False

    _names = field_validator("name")(not_blank)
'''

RULES = '''"""The documented rules of a {name} across its inputs (pure: unit-test them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def problems(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(property, message) for each documented rule the document breaks."""
    return []
'''

API = '''"""The platform API of {name}: its calls, over the client's one requestor.

Reached as ``client.area({name}API)`` (:meth:`..client.OpenConnectorsClient.area`): nothing
in ``client/`` lists it. TODO: the routes as the API documents them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client import Area
from ...client.paths import route

ALL = "/{folder}s"
ONE = "/{folder}s/{{id}}"


class {name}API(Area):
    """{name} CRUD by the object's id."""

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self._api.request("POST", route(ALL), json_body=dict(body)))

    def get(self, id_: str) -> dict[str, Any]:
        return dict(self._api.request("GET", route(ONE, id=id_)))

    def replace(self, id_: str, body: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self._api.request("PUT", route(ONE, id=id_), json_body=dict(body)))

    def delete(self, id_: str) -> None:
        self._api.request("DELETE", route(ONE, id=id_))
'''

OPERATIONS = '''"""Create, adopt, read, update and delete of {name} (in the provider process)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import NotFoundError
from ..documents import document_outputs, state_values
from ..operations import Operations, found_or_none
from .api import {name}API
from .inputs import {name}Inputs
from .rules import problems
from .spec import SPEC


class {name}Operations(Operations[{name}Inputs]):
    inputs_model = {name}Inputs
    document_problems = staticmethod(problems)

    @property
    def api(self) -> {name}API:
        return self.client.area({name}API)

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        if inputs.adopt:
            raise NotImplementedError("{name}: adopt=True: find the object of this name")
        document = self.api.create(inputs.document())
        return str(document.get("id")), outputs(inputs, document)

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        document = found_or_none(lambda: self.api.get(id_))
        if document is None:
            return None
        return outputs({name}Inputs.model_construct(**state_values(SPEC, props)), document)

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        inputs = self.parse(news)
        return outputs(inputs, self.api.replace(id_, inputs.document()))

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        try:
            self.api.delete(id_)
        except NotFoundError:
            return  # deleted already


def outputs(desired: {name}Inputs, document: Mapping[str, Any]) -> dict[str, Any]:
    """The outputs from the API's document, projected onto the program's inputs."""
    return {{
        **document_outputs(SPEC, document, dict(desired)),
        "adopt": desired.adopt,
        "{folder}_id": str(document.get("id")),
    }}
'''

BENCH = '''"""{name} in ``make bench --types-n`` (scripts/bench/bench_types.py): N of it, and
what its calls are. TODO: the calls an operation makes, two where it must (and why)."""

from bench_types import TypeBench

BENCH = TypeBench(
    program="""\\
    oc.{name}(f"{folder}-{{i}}", name=f"bench-{folder}-{{i}}", extra={{"tag": tag}})
""",
    routes=r"^\\S+ /{folder}s(/|$)",
    held="{folder}s",
)
'''


EMULATOR_SERVICE = '''"""{name}: the emulator's own reading of the API (TODO: as documented)."""

from __future__ import annotations

from ..base import Service
from . import routes

SERVICE = Service(name="{folder}s", routers=(routes.router,), tables=(routes.TABLE,))
'''

EMULATOR_ROUTES = '''"""{name} CRUD by id (TODO: the documented rules, answers and errors)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from ...bodies import json_object
from ...deps import AccountDep, RuntimeDep
from ...documents import Document, DocumentKind
from ...errors import ApiError, found
from ...schemas import Empty, error_responses
from ...settings import API_PREFIX
from ...times import now_iso

TABLE = DocumentKind("{folder}", "{folder}s", first_id=1)
SERVER_KEYS = ("id", "createdDate", "updatedDate")

router = APIRouter(
    prefix=API_PREFIX, responses=error_responses(400, 401, 404, 409, 415), tags=["{folder}s"]
)


def _checked(body: dict[str, Any]) -> dict[str, Any]:
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ApiError(400, "name is required (a non-empty string)")
    return {{k: v for k, v in body.items() if k not in SERVER_KEYS}}


@router.post("/{folder}s")
async def create_{folder}(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    body = _checked(await json_object(request))
    org, now = account.organization_id, now_iso(runtime.settings.clock())
    with runtime.store.transaction() as conn:
        if TABLE.by_key(conn, org, body["name"]) is not None:
            raise ApiError(409, f"A {folder} named {{body['name']!r}} already exists")
        ident = TABLE.new_id(conn)
        body = {{**body, "id": ident, "createdDate": now, "updatedDate": now}}
        TABLE.insert(conn, Document(ident, org, body["name"], body))
    return body


@router.get("/{folder}s/{{id}}")
async def get_{folder}(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    with runtime.store.transaction() as conn:
        return found(TABLE.get(conn, account.organization_id, id), f"No {folder} {{id}}").body


@router.put("/{folder}s/{{id}}")
async def put_{folder}(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    body = _checked(await json_object(request))
    org = account.organization_id
    with runtime.store.transaction() as conn:
        old = found(TABLE.get(conn, org, id), f"No {folder} {{id}}")
        body = {{**body, "id": id, "createdDate": old.body["createdDate"]}}
        body["updatedDate"] = now_iso(runtime.settings.clock())
        TABLE.replace(conn, Document(id, org, body["name"], body))
    return body


@router.delete("/{folder}s/{{id}}", response_model=Empty)
async def delete_{folder}(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    with runtime.store.transaction() as conn:
        found(TABLE.get(conn, account.organization_id, id), f"No {folder} {{id}}")
        TABLE.delete(conn, account.organization_id, id)
    return {{}}
'''

TEST = '''"""{name}: its spec, its check and its document (stubs from the scaffold: extend them)."""

from __future__ import annotations

from pulumi_openconnectors.resources.{folder}.operations import {name}Operations
from pulumi_openconnectors.resources.{folder}.rules import problems
from pulumi_openconnectors.resources.registry import SPECS


def test_the_type_is_registered() -> None:
    assert "{name}" in [spec.name for spec in SPECS]


def test_check_accepts_a_minimal_object_and_names_an_unknown_input() -> None:
    model, failures = {name}Operations.validate({{"name": "a"}})
    assert model is not None and failures == []
    _, failures = {name}Operations.validate({{"name": "a", "nmae": "b"}})
    assert failures and failures[0][0] == "nmae"


def test_the_document_sent_holds_the_inputs_and_the_extra_keys() -> None:
    model, _ = {name}Operations.validate({{"name": "a", "extra": {{"note": 1}}}})
    assert model is not None
    assert model.document() == {{"note": 1, "name": "a"}}


def test_the_rules_accept_a_minimal_document() -> None:
    assert problems({{"name": "a"}}) == []
'''


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _add_to_registry(registry: Path, folder: str, name: str) -> None:
    """``folder`` as the last line of the tuple ``name`` of ``registry`` (once)."""
    text = registry.read_text(encoding="utf-8")
    start = text.index(f"{name} = (")
    end = text.index("\n)", start) + 1
    if f'"{folder}",' in text[start:end]:
        return
    registry.write_text(f'{text[:end]}    "{folder}",\n{text[end:]}', encoding="utf-8")


def scaffold(
    name: str, folder: str, package: Path, tests: Path, docs: Path, bench: Path = BENCH_TYPES
) -> list[Path]:
    """Write the new type's files (never overwriting one) and regenerate; returns what it
    wrote."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
        raise ValueError(f"the type name must be CamelCase, got {name!r}")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", folder):
        raise ValueError(f"the folder must be snake_case, got {folder!r}")
    values = {"name": name, "folder": folder}
    files = {
        package / "resources" / folder / "__init__.py": "",
        package / "resources" / folder / "spec.py": SPEC.format(**values),
        package / "resources" / folder / "inputs.py": INPUTS.format(**values),
        package / "resources" / folder / "rules.py": RULES.format(**values),
        package / "resources" / folder / "api.py": API.format(**values),
        package / "resources" / folder / "operations.py": OPERATIONS.format(**values),
        bench / f"{folder}.py": BENCH.format(**values),
        package / "emulator" / "services" / folder / "__init__.py": EMULATOR_SERVICE.format(
            **values
        ),
        package / "emulator" / "services" / folder / "routes.py": EMULATOR_ROUTES.format(**values),
        tests / "resources" / folder / "__init__.py": "",
        tests / "resources" / folder / "test_spec.py": TEST.format(**values),
    }
    existing = [path for path in files if path.exists() and path.name != "__init__.py"]
    if existing:
        raise FileExistsError(f"{existing[0]} exists already: choose another type or folder")
    written: list[Path] = []
    for path, text in files.items():
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    _add_to_registry(package / "resources" / "registry.py", folder, "TYPE_FOLDERS")
    _add_to_registry(package / "emulator" / "services" / "__init__.py", folder, "AREAS")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package.parent), *sys.path])}
    for module, args in (("codegen", []), ("docs", [str(docs)])):
        subprocess.run(
            [sys.executable, "-m", f"pulumi_openconnectors.resources.{module}", *args],
            env=env,
            check=True,
        )
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_openconnectors.resources.scaffold", description=__doc__
    )
    parser.add_argument("name", help="the type's name, CamelCase (e.g. VirtualDataResource)")
    parser.add_argument("--folder", help="its folder under resources/ (default: snake_case)")
    parser.add_argument("--package", type=Path, default=PACKAGE, help=argparse.SUPPRESS)
    parser.add_argument("--tests", type=Path, default=PACKAGE.parents[1] / "tests")
    parser.add_argument("--docs", type=Path, default=PACKAGE.parents[1] / "docs" / "resources")
    parser.add_argument("--bench", type=Path, default=BENCH_TYPES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        written = scaffold(
            args.name,
            args.folder or snake(args.name),
            args.package,
            args.tests,
            args.docs,
            args.bench,
        )
    except (ValueError, FileExistsError) as exc:
        print(f"scaffold: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    print(
        "next: the properties in spec.py, the rules, the routes in api.py, operations.py, and "
        "the emulator's reading of the API (emulator/services/<folder>/routes.py)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
