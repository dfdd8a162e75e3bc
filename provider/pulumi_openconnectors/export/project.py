"""What both exported programs (Python, :mod:`.program`; Pulumi YAML, :mod:`.yaml_program`)
share: the project's files and notes, a formula's, custom connector's, extended connector's
and virtual data resource's document, a formula's flowchart, and the values of a connector
instance's and a formula instance's configuration."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..client.models import Formula, FormulaInstance, Instance, PrivateElement, VdrDocument
from ..formulas.graph import FormulaGraphError, build, mermaid
from ..resources.connector.spec import SPEC as CONNECTOR
from ..resources.connector_extension.rules import own_resources
from ..resources.connector_extension.spec import SPEC as CONNECTOR_EXTENSION
from ..resources.documents import without_server_keys
from ..resources.formula.rules import ELEMENT_INSTANCE
from ..resources.formula.spec import SPEC as FORMULA
from ..resources.spec import ResourceSpec
from ..resources.virtual_data_resource.spec import SPEC as VIRTUAL_DATA_RESOURCE

MASKED = "********"


def one_line(text: str) -> str:
    """``text`` on one line of printable characters (a name with a newline or a control
    character must not break the README's shell lines)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


@dataclass
class Secret:
    config_key: str
    what: str


@dataclass(frozen=True)
class Diagram:
    """A formula's flowchart for the README: its name, where the program has it, and the
    Mermaid text (None when the document cannot be drawn; ``problem`` says why)."""

    name: str
    where: str
    mermaid: str | None
    problem: str = ""


@dataclass
class Project:
    """The files of the exported project, and what the user must know about them."""

    files: dict[str, str] = field(default_factory=dict)
    secrets: list[Secret] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    diagrams: list[Diagram] = field(default_factory=list)


def formula_document(formula: Formula) -> dict[str, Any]:
    """The formula as exported: without the keys the server sets, every list it has written
    even when empty."""
    document = without_server_keys(FORMULA, formula.document())
    for key in FORMULA.known_keys:
        if isinstance(FORMULA.prop_by_api(key).default, list):
            document[key] = document.get(key) or []
    return document


def _without_empty(spec: ResourceSpec, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` without the keys of its own inputs that hold an empty text or object: the
    provider reads those as unset (:func:`..resources.documents.document_outputs`), so a file
    that wrote them would differ from the object it was read from."""
    own = {str(p.api) for p in spec.document_props if p is not spec.extra_prop}
    return {k: v for k, v in document.items() if not (k in own and v in ("", {}))}


def connector_document(element: PrivateElement) -> dict[str, Any]:
    """A custom connector as exported: the element JSON of its export without the keys the
    server sets (what ``Connector.from_file`` reads), nor its empty texts and objects."""
    return _without_empty(CONNECTOR, without_server_keys(CONNECTOR, element.document()))


def extension_document(element: PrivateElement) -> dict[str, Any]:
    """An extended connector as exported: its key and the organization's resources from the
    element JSON of its export, without the keys the server sets (what
    ``ConnectorExtension.from_file`` reads); the connector's own keys are not written."""
    document = without_server_keys(CONNECTOR_EXTENSION, element.document())
    kept: dict[str, Any] = {k: document[k] for k in ("key", "resources") if k in document}
    kept["resources"] = own_resources(list(kept.get("resources") or []))
    return _without_empty(CONNECTOR_EXTENSION, kept)


def vdr_document(vdr: VdrDocument) -> dict[str, Any]:
    """A virtual data resource as exported: its v2 document without the keys the server sets
    (what ``VirtualDataResource.from_file`` reads), the definition's fields written even when
    empty."""
    document = without_server_keys(VIRTUAL_DATA_RESOURCE, vdr.document())
    definition = document.get("definition")
    definition = dict(definition) if isinstance(definition, Mapping) else {}
    definition["fields"] = definition.get("fields") or []
    document["definition"] = definition
    return _without_empty(VIRTUAL_DATA_RESOURCE, document)


def diagram(document: Mapping[str, Any], where: str) -> Diagram:
    """The README's flowchart of a formula document (``where``: the program's file or
    resource, also the source named in a problem)."""
    name = one_line(str(document.get("name") or where))
    try:
        return Diagram(name, where, mermaid(build(document, where)))
    except FormulaGraphError as exc:
        return Diagram(name, where, None, str(exc))


def instance_configuration(instance: Instance, secret: Callable[[str, str], Any]) -> dict[str, Any]:
    """A connector instance's configuration as exported: each masked value becomes
    ``secret(short key, what it is)`` (a config reference), the others strings."""
    configuration: dict[str, Any] = {}
    for key, value in sorted((instance.configuration or {}).items()):
        if value == MASKED:
            short = key.removeprefix(f"{instance.element_key}.")
            label = f"the {key} of instance {instance.id} ({instance.name})"
            configuration[key] = secret(short, one_line(label))
        elif value is not None:
            configuration[key] = str(value)
    return configuration


def formula_instance_configuration(
    fi: FormulaInstance,
    formula: Formula | None,
    resource: str,
    instances: Mapping[int, str],
    reference: Callable[[str], Any],
    notes: list[str],
) -> dict[str, Any]:
    """A formula instance's variable values as exported: a variable of type
    ``elementInstance`` whose connector instance is exported refers to it (``reference(the
    instance's resource)``); the others are strings (a note when such an instance is not
    exported)."""
    kinds = {v.get("key"): v.get("type") for v in (formula.configuration if formula else [])}
    configuration: dict[str, Any] = {}
    for key, value in sorted(fi.configuration.items()):
        owner = instances.get(int(value)) if str(value).isdigit() else None
        if kinds.get(key) == ELEMENT_INSTANCE and owner is not None:
            configuration[key] = reference(owner)
        else:
            configuration[key] = str(value)
            if kinds.get(key) == ELEMENT_INSTANCE:
                notes.append(
                    f"formula instance {resource!r}: variable {key!r} refers to connector "
                    f"instance {value}, which this export does not include (kept as an id)."
                )
    return configuration
