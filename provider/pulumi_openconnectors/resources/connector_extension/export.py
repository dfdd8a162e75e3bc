"""What ``export`` writes of the organization's extended connectors (``SPEC.export``): each
catalog connector the organization added resources to, as ``connector-extensions/<key>.json``
with those resources only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from ..documents import without_empty, without_server_keys
from .api import ConnectorExtensionAPI
from .rules import own_resources
from .spec import SPEC

if TYPE_CHECKING:
    from ...client import OpenConnectorsClient
    from ...client.models import PrivateElement


def listed(
    client: OpenConnectorsClient, elements: Sequence[str]
) -> list[tuple[str, str, Callable[[], dict[str, Any] | None]]]:
    """The catalog connectors the organization extended (those ``elements`` names, when
    given), by key; one whose export holds none of the organization's resources is not
    written."""
    area = client.area(ConnectorExtensionAPI)
    wanted = sorted(
        (e for e in area.extended() if e.id is not None and (not elements or e.key in elements)),
        key=lambda e: e.key,
    )

    def fetch(element_id: int) -> dict[str, Any] | None:
        exported = area.export(element_id)
        return document(exported) if exported.resources else None

    return [(e.key, f"extended connector {e.key}", partial(fetch, int(e.id or 0))) for e in wanted]


def document(element: PrivateElement) -> dict[str, Any]:
    """An extended connector as exported: its key and the organization's resources from the
    element JSON of its export, without the keys the server sets (what ``from_file`` reads);
    the connector's own keys are not written."""
    found = without_server_keys(SPEC, element.document())
    kept: dict[str, Any] = {k: found[k] for k in ("key", "resources") if k in found}
    kept["resources"] = own_resources(list(kept.get("resources") or []))
    return without_empty(SPEC, kept)
