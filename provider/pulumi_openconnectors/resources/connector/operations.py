"""Create, adopt, read, update and delete of custom connectors (private elements), inside the
provider process."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import PrivateElement
from ...errors import ProviderError
from ...reconcile import OwnedKind, keyed_kind
from ..documents import document_outputs
from ..operations import KeyedOperations, to_post, unless_taken
from .inputs import ConnectorInputs
from .rules import problems
from .spec import SPEC


class ConnectorOperations(KeyedOperations[ConnectorInputs, PrivateElement]):
    inputs_model = ConnectorInputs
    missing = "adopt=True: there is no custom {noun} {key!r} in this organization to take over."
    key_input = "key"
    document_problems = staticmethod(problems)

    def put(self, inputs: ConnectorInputs, body: Mapping[str, Any]) -> PrivateElement:
        return self.client.replace_private_element(inputs.key, body)

    def outputs(self, inputs: ConnectorInputs, found: PrivateElement, key: str) -> dict[str, Any]:
        return outputs(inputs, found)

    def fetch(self, key: str) -> PrivateElement:
        """The private element of that key; the catalog's element of that key is refused
        (``GET /elements/{key}`` answers both)."""
        element = self.client.get_private_element(key)
        if element.private is False:
            raise ProviderError(
                f"{key!r} is a connector of the catalog, not a custom connector of this "
                "organization: choose another key."
            )
        return element

    def _kind(self, inputs: ConnectorInputs | None) -> OwnedKind[PrivateElement]:
        """Private elements for reconciliation: the key is the key and the marker."""
        client = self.client

        def post() -> PrivateElement:
            posted = to_post(inputs, "connector")
            return unless_taken(
                lambda: client.create_private_element(posted.document()),
                f"a connector with key {posted.key!r} already exists in this organization "
                "(or the catalog): take it over with adopt=True, or choose another key.",
            )

        return keyed_kind(
            "connector",
            post=post,
            get=lambda key: self.fetch(str(key)),
            delete=lambda key: client.delete_private_element(str(key)),
            ident=lambda element: element.key,
        )


def outputs(desired: ConnectorInputs, element: PrivateElement) -> dict[str, Any]:
    """The outputs from the API's document, projected onto the program's inputs."""
    return {
        **document_outputs(SPEC, element.document(), dict(desired)),
        "key": element.key,
        "adopt": desired.adopt,
        "connector_id": element.id,
    }
