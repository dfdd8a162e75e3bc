"""Create, adopt, read, update and delete of connector extensions (the organization's own
resources on a connector of the catalog), inside the provider process.

The connector key is the key (the Pulumi id and the ownership marker): the extension is the
set of the organization's resources on that connector, listed by
``GET /elements/{key}/resources`` (the connector's own, ``ownerAccountId`` 1, left out). A
create posts each resource (refused when the organization already added some: ``adopt=True``
takes them over); an update, and a create whose answer was lost, matches the live resources
by method and path and sends only what differs (``POST`` a new one, ``PUT`` a changed one,
``DELETE`` one the program no longer has); a delete removes the organization's resources and
nothing else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from ...errors import NotFoundError, ProviderError
from ...reconcile import OwnedKind, keyed_kind
from ..documents import document_outputs, project, without_server_keys
from ..operations import KeyedOperations, to_post
from .api import ConnectorExtensionAPI, ElementResource, Extension
from .inputs import ConnectorExtensionInputs
from .rules import problems, route
from .spec import SPEC

_RESOURCE = "resources[]"


class ConnectorExtensionOperations(KeyedOperations[ConnectorExtensionInputs, Extension]):
    inputs_model = ConnectorExtensionInputs
    missing = (
        "adopt=True: the organization has added no resources to the connector {key!r}: there "
        "is no {noun} to take over."
    )
    key_input = "element_key"
    document_problems = staticmethod(problems)

    def put(self, inputs: ConnectorExtensionInputs, body: Mapping[str, Any]) -> Extension:
        """Make the organization's resources on the connector those of ``body``: one call per
        resource that differs, after one list."""
        key = inputs.element_key
        api = self.client.area(ConnectorExtensionAPI)
        live = {r.route: r for r in api.own(key)}
        kept: list[ElementResource] = []
        for wanted in body.get("resources") or []:
            current = live.pop(route(wanted), None)
            if current is None:
                kept.append(api.create(key, wanted))
            elif _differs(current, wanted):
                kept.append(api.replace(key, current.id, wanted))
            else:
                kept.append(current)
        for stale in live.values():
            with contextlib.suppress(NotFoundError):
                api.delete(key, stale.id)
        return _extension_of(key, kept)

    def outputs(
        self, inputs: ConnectorExtensionInputs, found: Extension, key: str
    ) -> dict[str, Any]:
        return outputs(inputs, found)

    def fetch(self, key: str) -> Extension:
        """The organization's resources on the connector; NotFoundError when there are none
        (or no such connector)."""
        found = self.client.area(ConnectorExtensionAPI).extension(key)
        if not found.resources:
            raise NotFoundError(
                f"the organization has added no resources to the connector {key!r}",
                http_status=404,
                method="GET",
                path=f"/elements/{key}/resources",
            )
        return found

    def _kind(self, inputs: ConnectorExtensionInputs | None) -> OwnedKind[Extension]:
        """Extensions for reconciliation: the connector key is the key and the marker."""
        api = self.client.area(ConnectorExtensionAPI)

        def post() -> Extension:
            posted = to_post(inputs, "connector extension")
            key = posted.element_key
            existing = api.own(key)
            if existing:
                routes = ", ".join(f"{m} {p}" for m, p in sorted(r.route for r in existing))
                raise ProviderError(
                    f"the organization has already added resources to the connector {key!r} "
                    f"({routes}): take them over with adopt=True, or delete them."
                )
            return _extension_of(key, [api.create(key, r) for r in posted.resources])

        def delete(key: int | str) -> None:
            for resource in api.own(str(key)):
                with contextlib.suppress(NotFoundError):
                    api.delete(str(key), resource.id)

        return keyed_kind(
            "connector extension",
            post=post,
            get=lambda key: self.fetch(str(key)),
            delete=delete,
            ident=lambda extension: extension.key,
        )


def _extension_of(key: str, resources: list[ElementResource]) -> Extension:
    element_id = next((r.element_id for r in resources if r.element_id is not None), None)
    return Extension(key=key, element_id=element_id, resources=tuple(resources))


def _differs(current: ElementResource, wanted: Mapping[str, Any]) -> bool:
    """Whether the live resource holds anything else than the program's (server keys and what
    the server fills in aside)."""
    live = without_server_keys(SPEC, {"resources": [current.document()]})["resources"][0]
    return bool(project(live, dict(wanted), SPEC.server_filled, _RESOURCE) != dict(wanted))


def outputs(desired: ConnectorExtensionInputs, found: Extension) -> dict[str, Any]:
    """The outputs from the live resources, in the program's order (then any other, by id),
    projected onto the program's inputs."""
    order = {
        route(r): index
        for index, r in enumerate(getattr(desired, "resources", None) or [])
        if isinstance(r, Mapping)
    }
    resources = sorted(found.resources, key=lambda r: (order.get(r.route, len(order)), r.id))
    document = {"key": found.key, "resources": [r.document() for r in resources]}
    return {
        **document_outputs(SPEC, document, dict(desired)),
        "element_key": found.key,
        "adopt": getattr(desired, "adopt", False),
        "element_id": found.element_id,
    }
