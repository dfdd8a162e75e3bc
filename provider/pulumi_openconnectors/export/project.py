"""What both exported programs (Python, :mod:`.program`; Pulumi YAML, :mod:`.yaml_program`)
share: the project's files and notes, a formula's and custom connector's document, a
formula's flowchart, and the values of a connector instance's and a formula instance's
configuration (a type that stands alone writes its documents itself: its ``export.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..client.models import Formula, FormulaInstance, Instance, PrivateElement
from ..formulas.graph import FormulaGraphError, build, mermaid
from ..resources.connector.spec import SPEC as CONNECTOR
from ..resources.documents import without_empty, without_server_keys
from ..resources.formula.rules import ELEMENT_INSTANCE
from ..resources.formula.spec import SPEC as FORMULA

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


def connector_document(element: PrivateElement) -> dict[str, Any]:
    """A custom connector as exported: the element JSON of its export without the keys the
    server sets (what ``Connector.from_file`` reads), nor its empty texts and objects."""
    return without_empty(CONNECTOR, without_server_keys(CONNECTOR, element.document()))


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
