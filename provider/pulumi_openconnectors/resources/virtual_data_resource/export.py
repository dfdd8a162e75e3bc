"""What ``export`` writes of the organization's virtual data resources, v2
(``SPEC.export``): each as ``vdrs/<name>.json``, its export's document."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from ..documents import without_empty, without_server_keys
from .spec import SPEC

if TYPE_CHECKING:
    from ...client import OpenConnectorsClient
    from ...client.models import VdrDocument


def listed(
    client: OpenConnectorsClient, _elements: Sequence[str]
) -> list[tuple[str, str, Callable[[], dict[str, Any] | None]]]:
    """Every VDR of the organization, by name (``--element`` does not select VDRs)."""
    names = sorted({v.object_name for v in client.list_vdrs()})

    def fetch(name: str) -> dict[str, Any]:
        return document(client.export_vdr(name))

    return [(name, f"virtual data resource {name}", partial(fetch, name)) for name in names]


def document(vdr: VdrDocument) -> dict[str, Any]:
    """A virtual data resource as exported: its v2 document without the keys the server sets
    (what ``from_file`` reads), the definition's fields written even when empty."""
    found = without_server_keys(SPEC, vdr.document())
    definition = found.get("definition")
    definition = dict(definition) if isinstance(definition, Mapping) else {}
    definition["fields"] = definition.get("fields") or []
    found["definition"] = definition
    return without_empty(SPEC, found)
