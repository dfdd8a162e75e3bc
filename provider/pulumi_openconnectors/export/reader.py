"""Read an organization through the platform API: what an export writes comes from here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..client import OpenConnectorsClient, Scope
from ..client.models import (
    Formula,
    FormulaInstance,
    FormulaReference,
    Instance,
    ObjectDefinition,
    Transformation,
)
from ..errors import APIError, NotFoundError

KINDS = ("instances", "common-resources", "transformations", "formulas", "formula-instances")

Progress = Callable[[str, int, int], None]
"""progress(kind, done, total): called while reading (total 0 when not known yet)."""


@dataclass
class Found:
    """One transformation and whose it is."""

    scope: Scope
    object_name: str
    transformation: Transformation


@dataclass
class Snapshot:
    """What the account holds, in a stable order (by id, name or key)."""

    instances: list[Instance] = field(default_factory=list)
    definitions: dict[str, ObjectDefinition] = field(default_factory=dict)
    transformations: list[Found] = field(default_factory=list)
    formulas: list[Formula] = field(default_factory=list)
    formula_instances: list[FormulaInstance] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Objects that could not be read or exported faithfully, each with the reason."""


def _nothing(_kind: str, _done: int, _total: int) -> None:
    pass


def read_account(
    client: OpenConnectorsClient,
    *,
    kinds: Sequence[str] = KINDS,
    tags: Sequence[str] = (),
    elements: Sequence[str] = (),
    progress: Progress = _nothing,
) -> Snapshot:
    """Read what ``kinds`` names; ``tags``/``elements`` select the connector instances (and so
    the instance-level transformations)."""
    snap = Snapshot()
    if "instances" in kinds or "transformations" in kinds:
        progress("instances", 0, 0)
        listed = client.list_instances(tags=list(tags) if tags else None)
        wanted = [i for i in listed if not elements or i.element_key in elements]
        snap.instances = sorted(wanted, key=lambda i: i.id)
        progress("instances", len(snap.instances), len(snap.instances))
    if "common-resources" in kinds or "transformations" in kinds:
        progress("common-resources", 0, 0)
        snap.definitions = dict(sorted(client.list_definitions().items()))
        progress("common-resources", len(snap.definitions), len(snap.definitions))
    if "transformations" in kinds:
        scopes = _transformation_scopes(client, snap, elements)
        for done, scope in enumerate(scopes, 1):
            try:
                found = client.list_transformations(scope)
            except NotFoundError:
                found = {}  # an unknown element, or an instance gone meanwhile
            except APIError as exc:
                snap.skipped.append(
                    f"transformations of {scope.level} {scope.ref}: could not be listed "
                    f"({exc.http_status} {exc.api_message or ''})".rstrip()
                )
                found = {}
            for object_name, transformation in sorted(found.items()):
                snap.transformations.append(Found(scope, object_name, transformation))
            progress("transformations", done, len(scopes))
        if "instances" not in kinds:
            snap.instances = []
        if "common-resources" not in kinds:
            snap.definitions = {}
    if "formulas" in kinds or "formula-instances" in kinds:
        progress("formulas", 0, 0)
        snap.formulas = sorted(client.list_formulas(), key=lambda f: f.id)
        progress("formulas", len(snap.formulas), len(snap.formulas))
    if "formula-instances" in kinds:
        for done, formula in enumerate(snap.formulas, 1):
            for instance in client.list_formula_instances(formula.id):
                if instance.formula is None:
                    instance.formula = _reference(formula)
                snap.formula_instances.append(instance)
            progress("formula-instances", done, len(snap.formulas))
        snap.formula_instances.sort(key=lambda i: i.id)
        if "formulas" not in kinds:
            snap.formulas = []
    return snap


def _transformation_scopes(
    client: OpenConnectorsClient, snap: Snapshot, elements: Sequence[str]
) -> list[Scope]:
    """Every connector of the catalog (or those asked for), then every exported instance."""
    keys = sorted(elements) if elements else sorted(e.key for e in client.list_elements())
    return [
        *(Scope.element(key) for key in keys),
        *(Scope.instance(i.id) for i in snap.instances),
    ]


def _reference(formula: Formula) -> FormulaReference:
    return FormulaReference(id=formula.id, name=formula.name, active=formula.active)
