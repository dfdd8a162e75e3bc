"""The exported project: Pulumi.yaml, __main__.py (one resource per object, adoption set), one
data file per custom connector, common resource, transformation, virtual data resource and
formula, and a README for the user.

Everything is ordered by id, name or key, and nothing depends on the time of the export, so
the same account exports to the same bytes (a re-export in git shows a reviewable diff).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..client.models import Formula, FormulaInstance, PrivateElement
from ..markers import OWNERSHIP_TAG_PREFIX
from ..resources.common_resource.spec import SPEC as COMMON_RESOURCE
from ..resources.connector.layout import ELEMENT_FILE, split_connector
from ..resources.documents import without_server_keys
from ..resources.formula.layout import split_formula
from ..resources.formula.rules import called_formulas
from ..resources.transformation.spec import SPEC as TRANSFORMATION
from .naming import Names, file_stem, identifier, slug
from .project import (
    MASKED,
    Project,
    Secret,
    connector_document,
    diagram,
    formula_document,
    formula_instance_configuration,
    instance_configuration,
)
from .reader import Found, Snapshot
from .reader import standalone as types_after
from .readme import Flavour, readme
from .render import Call, Code, call, string

__all__ = ["MASKED", "Project", "Secret", "build_project"]

README = Flavour(
    program="a Pulumi program",
    command="python -m pulumi_openconnectors export",
    before=(),
    secrets_where=("the program", "reads them with `cfg.require_secret`):"),
    adoption=(
        "(`adopt_instance_id`, `adopt_formula_id`, `adopt_formula_instance_id`, `adopt=True`)",
        "and makes it what the program says — the same as it is now, since the program was",
        "read from the account. After the first `pulumi up`, `pulumi preview` shows no changes;",
        "from then on edit the program and the data files, and review the diff.",
    ),
    closing=(
        "Formula instance variable values are written as they are in the account: move any",
        "secret one to `cfg.require_secret`.",
    ),
    retain_option="retain_on_delete",
    graph_hint=(
        "Each formula's flowchart, drawn from its files; "
        "`python -m pulumi_openconnectors graph formulas/<name>` draws it again "
        "(`--format svg` or `png` for an image)."
    ),
)


def _json(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def build_project(
    snap: Snapshot,
    *,
    project_name: str,
    retain_on_delete: bool,
    virtualenv: str | None,
    source: str,
) -> Project:
    """Every file of the project, from what the account holds."""
    out = Project()
    names = Names()
    variables = Names(separator="_")
    files = Names(fold_case=True)
    config_keys = Names(separator="_")
    body: list[str] = []
    instance_vars: dict[int, str] = {}
    definition_vars: dict[str, str] = {}
    formula_vars: dict[int, str] = {}
    connector_vars: dict[str, str] = {}
    opts: list[tuple[str | None, Any]] = [("opts", Code("RETAIN"))] if retain_on_delete else []

    def from_file(
        type_name: str,
        folder: str,
        key: str,
        document: Any,
        assigned: bool = True,
        written: Callable[[str], str] | None = None,
        resource: str | None = None,
    ) -> tuple[str, str | None]:
        """``oc.<type_name>.from_file`` of ``<folder>/<key>.json`` (written from ``document``;
        ``written(stem)`` instead writes the files and gives the path to read), adopting: its
        block, and its variable when ``assigned``. The Pulumi resource is named ``resource``
        (default: ``key``)."""
        resource = names.unique(slug(resource or key))
        var = variables.unique(identifier(resource)) if assigned else None
        stem = files.unique(f"{folder}/{file_stem(key, resource)}")
        if written is None:
            path = stem + ".json"
            out.files[path] = _json(document)
        else:
            path = written(stem)
        args: list[tuple[str | None, Any]] = [
            (None, Code(f"HERE / {string(path)}")),
            (None, resource),
        ]
        args += [("adopt", True), *opts]
        return call(var, f"oc.{type_name}.from_file", args), var

    def section(comment: str, blocks: list[str]) -> None:
        if blocks:
            body.extend(["", "", f"# {comment}", blocks[0]])
            for block in blocks[1:]:
                body.extend(["", block])

    def standalone(after: str) -> None:
        """The sections of the types that stand alone and come after ``after``: each
        object's document a data file that ``from_file`` reads, adopting."""
        for spec, export in types_after(after):
            found = snap.documents.get(spec.name, [])
            blocks = [
                from_file(
                    spec.name,
                    export.folder,
                    key,
                    document,
                    export.named,
                    resource=export.resource.format(key=key),
                )[0]
                for key, document in found
            ]
            section(f"{export.section}: {export.folder}/{export.stem}.json", blocks)
            if found or export.count_none:
                out.counts[export.count] = len(found)

    blocks: list[str] = []
    paths: list[str] = []
    for element in sorted(snap.connectors, key=lambda e: e.key):

        def write(stem: str, element: PrivateElement = element) -> str:
            paths.append(_connector_files(out, stem, element))
            return paths[-1]

        block, var = from_file("Connector", "connectors", element.key, None, written=write)
        connector_vars[element.key] = str(var)
        blocks.append(block)
    where = "connectors/<key>.json"
    if any(not path.endswith(".json") for path in paths):
        where += ", or connectors/<key>/ (element.json and a .js file per hook) with hooks"
    section(f"Custom connectors (private elements): {where}", blocks)
    out.counts["custom connectors"] = len(snap.connectors)

    standalone("connectors")

    blocks = []
    for instance in sorted(snap.instances, key=lambda i: i.id):
        resource = names.unique(slug(instance.name or f"instance-{instance.id}"))
        var = variables.unique(identifier(resource))
        instance_vars[instance.id] = var

        def secret(short: str, what: str, var: str = var) -> Call:
            config_key = config_keys.unique(identifier(f"{var}_{short}"))
            out.secrets.append(Secret(config_key, what))
            return Call("cfg.require_secret", config_key)

        configuration = instance_configuration(instance, secret)
        args: list[tuple[str | None, Any]] = [(None, resource)]
        connector = connector_vars.get(instance.element_key or "")
        args.append(
            ("element_key", Code(f"{connector}.key") if connector else instance.element_key)
        )
        args.append(("name", instance.name))
        if configuration:
            args.append(("configuration", configuration))
        tags = [t for t in instance.tags if not t.startswith(OWNERSHIP_TAG_PREFIX)]
        if tags:
            args.append(("tags", tags))
        args.append(("disabled", bool(instance.disabled)))
        args.append(("adopt_instance_id", instance.id))
        blocks.append(call(var, "oc.ConnectorInstance", args + opts))
    section("Connector instances (the credentials); secret values come from config", blocks)
    out.counts["instances"] = len(snap.instances)

    blocks = []
    for name, definition in sorted(snap.definitions.items()):
        document = without_server_keys(COMMON_RESOURCE, definition.document())
        document["name"] = name
        document["fields"] = document.get("fields") or []
        block, var = from_file("CommonResource", "common-resources", name, document)
        definition_vars[name] = str(var)
        blocks.append(block)
    section("Common resources (object definitions): common-resources/<name>.json", blocks)
    out.counts["common resources"] = len(snap.definitions)

    blocks = [
        _transformation(
            found, names, files, out, instance_vars, definition_vars, connector_vars, opts
        )
        for found in snap.transformations
    ]
    section("Transformations: transformations/<connector or instance>-<object>.json", blocks)
    out.counts["transformations"] = len(snap.transformations)

    standalone("transformations")

    blocks = []
    for formula in sorted(snap.formulas, key=lambda f: f.id):
        resource = names.unique(slug(formula.name))
        var = variables.unique(identifier(resource))
        formula_vars[formula.id] = var
        path = _formula_files(out, files.unique(f"formulas/{resource}"), formula)
        blocks.append(
            call(
                var,
                "oc.Formula.from_file",
                [
                    (None, Code(f"HERE / {string(path)}")),
                    (None, resource),
                    ("adopt_formula_id", formula.id),
                    *opts,
                ],
            )
        )
        for step_name, called in called_formulas(formula.steps):
            out.notes.append(
                f"formula {formula.name!r} ({path}): step {step_name!r} calls formula "
                f"{called} by id; if that formula is ever recreated, update the id in the file."
            )
    section("Formula templates: formulas/<name>/ (formula.json, a .js file per script)", blocks)
    out.counts["formulas"] = len(snap.formulas)

    by_id = {f.id: f for f in snap.formulas}
    blocks = [
        _formula_instance(fi, by_id, names, out, instance_vars, formula_vars, opts)
        for fi in sorted(snap.formula_instances, key=lambda i: i.id)
    ]
    section("Formula instances, wired to the connector instances above", blocks)
    out.counts["formula instances"] = len(snap.formula_instances)

    out.files["__main__.py"] = _main(body, source, retain_on_delete)
    out.files["Pulumi.yaml"] = _pulumi_yaml(project_name, virtualenv)
    out.files["requirements.txt"] = "pulumi>=3.139.0,<4\npulumi-openconnectors\n"
    out.notes.extend(snap.skipped)
    out.files["README.md"] = _readme(out, project_name, source, retain_on_delete)
    return out


def _transformation(
    found: Found,
    names: Names,
    files: Names,
    out: Project,
    instance_vars: Mapping[int, str],
    definition_vars: Mapping[str, str],
    connector_vars: Mapping[str, str],
    opts: list[tuple[str | None, Any]],
) -> str:
    scope = found.scope
    resource = names.unique(slug(f"{scope.ref}-{found.object_name}"))
    path = files.unique(f"transformations/{resource}") + ".json"
    document = without_server_keys(TRANSFORMATION, found.transformation.document())
    document["fields"] = document.get("fields") or []
    out.files[path] = _json(document)
    args: list[tuple[str | None, Any]] = [(None, Code(f"HERE / {string(path)}")), (None, resource)]
    if scope.level == "instance":
        var = instance_vars.get(int(scope.ref))
        args.append(("instance_id", Code(f"{var}.id") if var else int(scope.ref)))
    else:
        connector = connector_vars.get(scope.ref)
        args.append(("element_key", Code(f"{connector}.key") if connector else scope.ref))
    definition = definition_vars.get(found.object_name)
    if definition is not None:
        args.append(("common_resource", Code(definition)))
    else:
        args.append(("object_name", found.object_name))
        out.notes.append(
            f"transformation {resource!r} maps onto common resource {found.object_name!r}, "
            "which this export does not include: it refers to it by name."
        )
    args.append(("adopt", True))
    return call(None, "oc.Transformation.from_file", args + opts)


def _connector_files(out: Project, folder: str, element: PrivateElement) -> str:
    """Write a custom connector as ``folder``.json, or, when it has hooks, as a directory
    (``folder``/element.json and a ``.js`` file per hook, :mod:`..resources.connector.layout`);
    the path ``from_file`` reads."""
    document = connector_document(element)
    layout = split_connector(document)
    if layout is None or not layout[1]:
        path = f"{folder}.json"
        out.files[path] = _json(document)
        return path
    element_json, scripts = layout
    out.files[f"{folder}/{ELEMENT_FILE}"] = _json(element_json)
    for name, body in scripts.items():
        out.files[f"{folder}/{name}"] = body
    return folder


def _formula_files(out: Project, folder: str, formula: Formula) -> str:
    """Write a formula as a directory (``folder``/formula.json and a ``.js`` file per script
    and filter step, :mod:`..resources.formula.layout`), or as ``folder``.json when the
    layout cannot hold it; the path ``from_file`` reads, and the README's flowchart."""
    document = formula_document(formula)
    layout = split_formula(document)
    if layout is None:
        path = f"{folder}.json"
        out.files[path] = _json(document)
    else:
        path = folder
        formula_json, scripts = layout
        out.files[f"{folder}/formula.json"] = _json(formula_json)
        for name, body in scripts.items():
            out.files[f"{folder}/{name}"] = body
    out.diagrams.append(diagram(document, f"`{path}`"))
    return path


def _formula_instance(
    fi: FormulaInstance,
    formulas: Mapping[int, Formula],
    names: Names,
    out: Project,
    instance_vars: Mapping[int, str],
    formula_vars: Mapping[int, str],
    opts: list[tuple[str | None, Any]],
) -> str:
    formula_id = fi.formula.id if fi.formula is not None else 0
    formula = formulas.get(formula_id)
    base = formula.name if formula is not None else f"formula-{formula_id}"
    resource = names.unique(slug(f"{base}-{fi.name}"))
    configuration = formula_instance_configuration(
        fi, formula, resource, instance_vars, lambda var: Code(f"{var}.id"), out.notes
    )
    formula_var = formula_vars.get(formula_id)
    args: list[tuple[str | None, Any]] = [
        (None, resource),
        ("formula_id", Code(f"{formula_var}.id") if formula_var else formula_id),
        ("name", fi.name),
        ("active", bool(fi.active) if fi.active is not None else True),
    ]
    if configuration:
        args.append(("configuration", configuration))
    if fi.settings:
        args.append(("settings", dict(sorted(fi.settings.items()))))
    args.append(("adopt_formula_instance_id", fi.id))
    return call(None, "oc.FormulaInstance", args + opts)


def _main(body: list[str], source: str, retain_on_delete: bool) -> str:
    header = [
        '"""An Open Connectors organization, exported by `pulumi_openconnectors export`.',
        "",
        f"Source: {source}",
        "",
        "Every resource adopts the object that exists (adopt_*): the first `pulumi up` takes them",
        'over without creating or deleting anything. See README.md."""',
        "",
        "from pathlib import Path",
        "",
        "import pulumi",
        "import pulumi_openconnectors as oc",
        "",
        "HERE = Path(__file__).parent",
        "cfg = pulumi.Config()",
    ]
    if retain_on_delete:
        header += [
            "",
            "# `pulumi destroy` leaves the objects in the account (drop opts=RETAIN to delete)",
            "RETAIN = pulumi.ResourceOptions(retain_on_delete=True)",
        ]
    return "\n".join(header + body) + "\n"


_PLAIN_YAML = re.compile(r"^[A-Za-z/][A-Za-z0-9_./-]*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def _yaml_string(value: str) -> str:
    """``value`` as a YAML scalar that reads back as this string: plain when it is a plain
    name or path, else double-quoted (a JSON string is a YAML double-quoted scalar)."""
    if _PLAIN_YAML.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value)


def _pulumi_yaml(project_name: str, virtualenv: str | None) -> str:
    lines = [
        f"name: {_yaml_string(project_name)}",
        "description: Open Connectors organization, exported by pulumi-openconnectors",
        "runtime:",
        "  name: python",
    ]
    if virtualenv:
        lines += ["  options:", f"    virtualenv: {_yaml_string(virtualenv)}"]
    return "\n".join(lines) + "\n"


def _readme(out: Project, project_name: str, source: str, retain_on_delete: bool) -> str:
    return readme(out, README, project_name, source, retain_on_delete)
