"""Create, adopt, read, update and delete of v2 VDRs (inside the provider process).

The name is the key (the Pulumi id and the ownership marker). A create is a ``POST /vdrs`` of
the definition (a taken name answers 409: ``adopt=True`` takes it over) and a ``PUT
/vdrs/import`` of the whole document (the transformations); an update is that import alone
(one call: the document holds every key, nothing is left unmanaged); a read is the export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client.models import VdrDocument
from ...reconcile import OwnedKind, create_reconciled, keyed_kind
from ..documents import document_outputs, state_values
from ..operations import (
    Failures,
    KeyedOperations,
    found_or_none,
    to_post,
    unless_taken,
)
from .inputs import VirtualDataResourceInputs
from .rules import problems
from .spec import SPEC


@dataclass(frozen=True)
class Named:
    """What a create posted, by name (the answer of ``POST /vdrs`` is only a summary)."""

    name: str


class VirtualDataResourceOperations(KeyedOperations[VirtualDataResourceInputs, VdrDocument]):
    spec = SPEC
    inputs_model = VirtualDataResourceInputs
    noun = "virtual data resource"
    missing = "adopt=True: there is no {noun} {key!r} in this organization to take over."

    @classmethod
    def rules(cls, inputs: VirtualDataResourceInputs) -> Failures:
        return problems(inputs.document())

    def key(self, inputs: VirtualDataResourceInputs) -> str:
        return inputs.name

    def get(self, inputs: VirtualDataResourceInputs) -> VdrDocument:
        return self.client.vdrs.export(inputs.name)

    def put(self, inputs: VirtualDataResourceInputs, body: Mapping[str, Any]) -> VdrDocument:
        return self.client.vdrs.import_(body)

    def outputs(
        self, inputs: VirtualDataResourceInputs, found: VdrDocument, key: str
    ) -> dict[str, Any]:
        return _outputs(inputs, found)

    def unwrap(self, keyed: Any) -> VdrDocument:
        named: Named = keyed
        return self.client.vdrs.export(named.name)

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        if inputs.adopt:
            return super().create(props)
        create_reconciled(self._kind(inputs), inputs.name, f"{self.noun} {inputs.name!r}")
        # POST /vdrs made the VDR (its definition); the import puts the whole document.
        return inputs.name, self.outputs(inputs, self.put(inputs, inputs.document()), inputs.name)

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        found = found_or_none(lambda: self.client.vdrs.export(id_))
        if found is None:
            return None
        desired = VirtualDataResourceInputs.model_construct(
            **{**state_values(SPEC, props), "name": id_}
        )
        return _outputs(desired, found)

    def _kind(self, inputs: VirtualDataResourceInputs | None) -> OwnedKind[Named]:
        """VDRs for reconciliation: the name is the key and the marker."""
        client = self.client

        def post() -> Named:
            posted = to_post(inputs, "virtual data resource")
            unless_taken(
                lambda: client.vdrs.create(posted.document()),
                f"a virtual data resource named {posted.name!r} already exists in this "
                "organization: take it over with adopt=True, or choose another name.",
            )
            return Named(posted.name)

        def get(name: int | str) -> Named:
            client.vdrs.export(str(name))
            return Named(str(name))

        return keyed_kind(
            "virtual data resource",
            post=post,
            get=get,
            delete=lambda name: client.vdrs.delete(str(name)),
            ident=lambda named: named.name,
        )


def _outputs(desired: VirtualDataResourceInputs, found: VdrDocument) -> dict[str, Any]:
    return {
        **document_outputs(SPEC, found.document(), dict(desired)),
        "name": desired.name,
        "adopt": desired.adopt,
        "field_paths": found.field_paths,
        "element_keys": sorted(found.transformation),
    }
