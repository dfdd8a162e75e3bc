"""Read an organization through the platform API: what an export writes comes from here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..client import OpenConnectorsClient, Scope
from ..client.models import (
    Formula,
    FormulaInstance,
    FormulaReference,
    Instance,
    ObjectDefinition,
    PrivateElement,
    Transformation,
)
from ..errors import APIError, NotFoundError
from ..resources.registry import SPECS
from ..resources.spec import ExportSpec, ResourceSpec, resolve

KINDS = (
    "connectors",
    "instances",
    "common-resources",
    "transformations",
    "vdrs",
    "formulas",
    "formula-instances",
)
"""What ``--kinds`` chooses from: custom connectors (private elements, and the catalog's
connectors extended with resources of the organization's own), connector instances,
common resources, transformations, virtual data resources (v2), formulas, formula instances."""

Progress = Callable[[str, int, int], None]
"""progress(kind, done, total): called while reading (total 0 when not known yet)."""

_Ref = TypeVar("_Ref")
_Doc = TypeVar("_Doc")


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
    connectors: list[PrivateElement] = field(default_factory=list)
    """Custom connectors (private elements) as ``GET /elements/{id}/export`` gives them."""
    documents: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    """Per type that stands alone (its spec's ``export``, e.g. VirtualDataResource), its
    objects' documents as written, by key, in order."""


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
    the instance-level transformations), ``elements`` the custom connectors too."""
    snap = Snapshot()
    if "connectors" in kinds:
        snap.connectors = _connectors(client, snap, elements, progress)
    _standalone(client, snap, "connectors", kinds, elements, progress)
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
    _standalone(client, snap, "transformations", kinds, elements, progress)
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


def _connectors(
    client: OpenConnectorsClient, snap: Snapshot, elements: Sequence[str], progress: Progress
) -> list[PrivateElement]:
    """The organization's private elements (those ``elements`` names, when given), each as
    its export gives it, by key."""
    progress("connectors", 0, 0)
    listed = sorted(client.list_private_elements(), key=lambda e: e.key)
    wanted = [e for e in listed if not elements or e.key in elements]
    return _exported(
        "connectors",
        [(f"custom connector {e.key}", e.id) for e in wanted],
        client.export_private_element,
        snap,
        progress,
    )


def standalone(after: str) -> list[tuple[ResourceSpec, ExportSpec]]:
    """The types that stand alone (their spec's ``export``) read and written after the kind
    ``after``, in the registry's order, with how."""
    return [(s, s.export) for s in SPECS if s.export is not None and s.export.after == after]


def _standalone(
    client: OpenConnectorsClient,
    snap: Snapshot,
    after: str,
    kinds: Sequence[str],
    elements: Sequence[str],
    progress: Progress,
) -> None:
    """Read the types that stand alone and come after ``after`` (those ``kinds`` selects)."""
    for spec, export in standalone(after):
        if export.kind not in kinds:
            continue
        progress(export.kind, 0, 0)
        listed = resolve(export.read)(client, elements)
        fetched = _exported(
            export.kind,
            [(label, (key, fetch)) for key, label, fetch in listed],
            lambda ref: (ref[0], ref[1]()),
            snap,
            progress,
        )
        snap.documents[spec.name] = [(key, doc) for key, doc in fetched if doc is not None]


def _exported(
    kind: str,
    wanted: Sequence[tuple[str, _Ref]],
    export: Callable[[_Ref], _Doc],
    snap: Snapshot,
    progress: Progress,
) -> list[_Doc]:
    """Each ``(label, ref)``'s export, in order: one deleted meanwhile is left out, one that
    cannot be exported is noted in ``snap.skipped`` with the API's answer."""
    found: list[_Doc] = []
    for done, (label, ref) in enumerate(wanted):
        progress(kind, done, len(wanted))
        try:
            found.append(export(ref))
        except NotFoundError:
            pass  # deleted meanwhile
        except APIError as exc:
            snap.skipped.append(
                f"{label}: could not be exported "
                f"({exc.http_status} {exc.api_message or ''})".rstrip()
            )
    progress(kind, len(found), len(found))
    return found


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
