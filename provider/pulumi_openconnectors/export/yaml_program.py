"""The exported project as a Pulumi YAML program (``export --format yaml``): one Pulumi.yaml
with ``runtime: yaml``, a resource of the ``openconnectors`` plugin per object (adoption set,
so the first ``pulumi up`` creates and deletes nothing), secrets from ``secret: true`` config,
references between resources; and a README.

The documents (custom connectors, common resources, transformations, virtual data resources,
formulas) are written inline as the
resources' properties, split as ``from_file`` splits a file (:func:`document_inputs`). Names
and order are those of the Python export (:mod:`.program`): the same account gives the same
bytes, and the same config keys for its secrets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..client.models import FormulaInstance
from ..markers import OWNERSHIP_TAG_PREFIX
from ..resources.common_resource.spec import SPEC as COMMON_RESOURCE
from ..resources.connector.spec import SPEC as CONNECTOR
from ..resources.connector_instance.spec import SPEC as CONNECTOR_INSTANCE
from ..resources.documents import extra_keys, without_server_keys
from ..resources.formula.rules import called_formulas
from ..resources.formula.spec import SPEC as FORMULA
from ..resources.formula_instance.spec import SPEC as FORMULA_INSTANCE
from ..resources.spec import ResourceSpec
from ..resources.transformation.spec import SPEC as TRANSFORMATION
from . import project as shared
from .naming import Names, identifier, slug
from .project import Project, Secret, one_line
from .reader import Found, Snapshot, standalone
from .readme import Flavour, readme
from .yaml_values import Ref, dump, literal, output_ref, properties, type_token

RESERVED = frozenset({"pulumi"})
"""Names a Pulumi YAML program gives a meaning of its own (``${pulumi.stack}``)."""

README = Flavour(
    program="a Pulumi YAML program",
    command="python -m pulumi_openconnectors export --format yaml",
    before=(
        "The program runs on the `openconnectors` resource plugin: install the package",
        "(`pip install pulumi-openconnectors`) so that `pulumi-resource-openconnectors` is on",
        "`PATH`, and the Pulumi YAML language host (`pulumi-language-yaml`, shipped with the",
        "Pulumi CLI).",
        "",
    ),
    secrets_where=("Pulumi.yaml", "declares them under `config:` with `secret: true`):"),
    adoption=(
        "(`adoptInstanceId`, `adoptFormulaId`, `adoptFormulaInstanceId`, `adopt: true`) and",
        "makes it what the program says — the same as it is now, since the program was read",
        "from the account. After the first `pulumi up`, `pulumi preview` shows no changes; from",
        "then on edit Pulumi.yaml and review the diff.",
    ),
    closing=(
        "Literal `$` in values are written `$$` (Pulumi YAML reads `${…}` as a reference).",
        "Formula instance variable values are written as they are in the account: move any",
        "secret one to a `secret: true` config value.",
    ),
    retain_option="retainOnDelete",
    graph_hint=(
        "Each formula's flowchart; `python -m pulumi_openconnectors graph FORMULA.json` draws "
        "a formula file (`--format svg` or `png` for an image)."
    ),
)


def document_inputs(spec: ResourceSpec, document: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs (by the spec's names) an API document gives, as ``from_file`` reads a file:
    each input with a document key of its own takes that key's value; the other keys that the
    server does not set, and that no input reads from a file (``Prop.file_keys``: a common
    resource's ``name``), go to the extra input."""
    kept = without_server_keys(spec, document)
    inputs = {p.name: kept[str(p.api)] for p in spec.document_props if str(p.api) in kept}
    elsewhere = {key.split(".")[0] for p in spec.inputs for key in p.file_keys}
    extra = {k: v for k, v in extra_keys(spec, kept).items() if k not in elsewhere}
    if extra and spec.extra_prop is not None:
        inputs[spec.extra_prop.name] = extra
    return inputs


class _Writer:
    """Collects the program's resources, config and the user's notes."""

    def __init__(self, retain_on_delete: bool) -> None:
        self.out = Project()
        self.names = Names(set(RESERVED))
        self.resources: dict[str, dict[str, Any]] = {}
        self.config: dict[str, dict[str, Any]] = {}
        self.retain = retain_on_delete
        # The program's resource of each object written so far, by the object's key or id:
        # what later resources refer to.
        self.connector_resources: dict[str, str] = {}
        self.instance_resources: dict[int, str] = {}
        self.definition_resources: dict[str, str] = {}
        self.formula_resources: dict[int, str] = {}

    def claim(self, wanted: str) -> str:
        """A unique name among the program's resources and config keys."""
        return self.names.unique(wanted)

    def add(self, name: str, spec: ResourceSpec, inputs: Mapping[str, Any]) -> str:
        """The resource ``name`` (claimed) of type ``spec`` with ``inputs``."""
        block: dict[str, Any] = {"type": type_token(spec), "properties": properties(spec, inputs)}
        if self.retain:
            block["options"] = {"retainOnDelete": True}
        self.resources[name] = block
        return name

    def resource(self, wanted: str, spec: ResourceSpec, inputs: Mapping[str, Any]) -> str:
        return self.add(self.claim(wanted), spec, inputs)

    def secret(self, wanted: str, what: str) -> Ref:
        key = self.names.unique(wanted)
        self.config[key] = {"type": "string", "secret": True}
        self.out.secrets.append(Secret(key, one_line(what)))
        return Ref(key)


def _standalone(w: _Writer, snap: Snapshot, after: str) -> None:
    """The resources of the types that stand alone and come after ``after``: each object's
    document inline, adopting."""
    for spec, export in standalone(after):
        found = snap.documents.get(spec.name, [])
        for key, document in found:
            inputs = document_inputs(spec, document)
            inputs["adopt"] = True
            w.resource(slug(export.resource.format(key=key)), spec, inputs)
        if found or export.count_none:
            w.out.counts[export.count] = len(found)


def build_yaml_project(
    snap: Snapshot, *, project_name: str, retain_on_delete: bool, source: str
) -> Project:
    """Pulumi.yaml and README.md of the organization in ``snap``."""
    w = _Writer(retain_on_delete)

    for element in sorted(snap.connectors, key=lambda e: e.key):
        connector_inputs = document_inputs(CONNECTOR, shared.connector_document(element))
        connector_inputs["adopt"] = True
        w.connector_resources[element.key] = w.resource(
            slug(element.key), CONNECTOR, connector_inputs
        )
    w.out.counts["custom connectors"] = len(snap.connectors)

    _standalone(w, snap, "connectors")

    for instance in sorted(snap.instances, key=lambda i: i.id):
        resource = w.claim(slug(instance.name or f"instance-{instance.id}"))

        def secret(short: str, what: str, prefix: str = identifier(resource)) -> Ref:
            return w.secret(identifier(f"{prefix}_{short}"), what)

        configuration = shared.instance_configuration(instance, secret)
        connector = w.connector_resources.get(instance.element_key or "")
        inputs: dict[str, Any] = {
            "element_key": (
                output_ref(connector, CONNECTOR, "key") if connector else instance.element_key
            ),
            "name": instance.name,
        }
        if configuration:
            inputs["configuration"] = configuration
        tags = [t for t in instance.tags if not t.startswith(OWNERSHIP_TAG_PREFIX)]
        if tags:
            inputs["tags"] = tags
        inputs["disabled"] = bool(instance.disabled)
        inputs["adopt_instance_id"] = instance.id
        w.instance_resources[instance.id] = w.add(resource, CONNECTOR_INSTANCE, inputs)
    w.out.counts["instances"] = len(snap.instances)

    for name, definition in sorted(snap.definitions.items()):
        document = definition.document()
        inputs = {"name": name, **document_inputs(COMMON_RESOURCE, document)}
        inputs["fields"] = inputs.get("fields") or []
        inputs["adopt"] = True
        w.definition_resources[name] = w.resource(slug(name), COMMON_RESOURCE, inputs)
    w.out.counts["common resources"] = len(snap.definitions)

    for found in snap.transformations:
        _transformation(w, found)
    w.out.counts["transformations"] = len(snap.transformations)

    _standalone(w, snap, "transformations")

    for formula in sorted(snap.formulas, key=lambda f: f.id):
        document = shared.formula_document(formula)
        inputs = document_inputs(FORMULA, document)
        inputs["adopt_formula_id"] = formula.id
        resource = w.resource(slug(formula.name), FORMULA, inputs)
        w.out.diagrams.append(shared.diagram(document, f"resource `{resource}`"))
        w.formula_resources[formula.id] = resource
        for step_name, called in called_formulas(formula.steps):
            w.out.notes.append(
                f"formula {formula.name!r} (resource {resource!r}): step {step_name!r} calls "
                f"formula {called} by id; if that formula is ever recreated, update the id."
            )
    w.out.counts["formulas"] = len(snap.formulas)

    by_id = {f.id: f for f in snap.formulas}
    for fi in sorted(snap.formula_instances, key=lambda i: i.id):
        _formula_instance(w, fi, by_id)
    w.out.counts["formula instances"] = len(snap.formula_instances)

    w.out.notes.extend(snap.skipped)
    w.out.files["Pulumi.yaml"] = _pulumi_yaml(w, project_name, source)
    w.out.files["README.md"] = _readme(w.out, project_name, source, retain_on_delete)
    return w.out


def _transformation(w: _Writer, found: Found) -> str:
    scope = found.scope
    resource = w.claim(slug(f"{scope.ref}-{found.object_name}"))
    inputs: dict[str, Any] = {}
    definition = w.definition_resources.get(found.object_name)
    if definition is not None:
        inputs["object_name"] = output_ref(definition, COMMON_RESOURCE, "name")
        inputs["common_resource_fields"] = output_ref(definition, COMMON_RESOURCE, "field_paths")
    else:
        inputs["object_name"] = found.object_name
        w.out.notes.append(
            f"transformation {resource!r} maps onto common resource {found.object_name!r}, "
            "which this export does not include: it refers to it by name."
        )
    if scope.level == "instance":
        owner = w.instance_resources.get(int(scope.ref))
        inputs["instance_id"] = (
            output_ref(owner, CONNECTOR_INSTANCE, CONNECTOR_INSTANCE.id_output)
            if owner
            else int(scope.ref)
        )
    else:
        connector = w.connector_resources.get(scope.ref)
        inputs["element_key"] = output_ref(connector, CONNECTOR, "key") if connector else scope.ref
    document = found.transformation.document()
    inputs.update(document_inputs(TRANSFORMATION, document))
    inputs["fields"] = inputs.get("fields") or []
    inputs["adopt"] = True
    return w.add(resource, TRANSFORMATION, inputs)


def _formula_instance(w: _Writer, fi: FormulaInstance, formulas: Mapping[int, Any]) -> str:
    formula_id = fi.formula.id if fi.formula is not None else 0
    formula = formulas.get(formula_id)
    base = formula.name if formula is not None else f"formula-{formula_id}"
    resource = w.claim(slug(f"{base}-{fi.name}"))
    configuration = shared.formula_instance_configuration(
        fi,
        formula,
        resource,
        w.instance_resources,
        lambda owner: output_ref(owner, CONNECTOR_INSTANCE, "id"),
        w.out.notes,
    )
    template = w.formula_resources.get(formula_id)
    inputs: dict[str, Any] = {
        "formula_id": (
            output_ref(template, FORMULA, FORMULA.id_output) if template else formula_id
        ),
        "name": fi.name,
        "active": bool(fi.active) if fi.active is not None else True,
    }
    if configuration:
        inputs["configuration"] = configuration
    if fi.settings:
        inputs["settings"] = dict(sorted(fi.settings.items()))
    inputs["adopt_formula_instance_id"] = fi.id
    return w.add(resource, FORMULA_INSTANCE, inputs)


def _pulumi_yaml(w: _Writer, project_name: str, source: str) -> str:
    header = [
        "# An Open Connectors organization, exported by",
        "# `python -m pulumi_openconnectors export --format yaml`.",
        f"# Source: {one_line(source)}",
        "#",
        "# Every resource adopts the object that exists (adopt*): the first `pulumi up` takes",
        "# them over without creating or deleting anything. See README.md.",
    ]
    document: dict[str, Any] = {
        "name": project_name,
        "description": "Open Connectors organization, exported by pulumi-openconnectors",
        "runtime": "yaml",
    }
    if w.config:
        document["config"] = w.config
    document["resources"] = literal(w.resources)
    return "\n".join(header) + "\n" + dump(document)


def _readme(out: Project, project_name: str, source: str, retain_on_delete: bool) -> str:
    return readme(out, README, project_name, source, retain_on_delete)
