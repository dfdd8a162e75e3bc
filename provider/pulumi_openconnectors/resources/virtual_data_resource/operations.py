"""Create, adopt, read, update and delete of v2 VDRs (inside the provider process).

The name is the key (the Pulumi id and the ownership marker). A create is a ``POST /vdrs`` of
the definition (a taken name answers 409: a create never takes over a VDR of that name, and
one whose answer was lost is found by its name; ``adopt=True`` takes one over) and a ``PUT
/vdrs/import`` of the whole document (the transformations). ``PUT /vdrs/import`` alone, as
the-doctor uploads VDRs, would be one call, but it is an upsert by name that would silently
replace a VDR someone else made. An update is that import alone (one call: the document holds
every key, nothing is left unmanaged), a read is the export, and a delete is one ``DELETE
/vdrs/{id}`` of the id the import answered (``vdr_id`` in state; a state written before it
was kept finds the id by name first).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...client.models import VdrDocument
from ...errors import ProviderError
from ...reconcile import OwnedKind, delete_owned, keyed_kind
from ..documents import document_outputs
from ..operations import KeyedOperations, to_post, unless_taken
from .inputs import VirtualDataResourceInputs
from .rules import problems
from .spec import SPEC


@dataclass(frozen=True)
class Named:
    """A VDR known by its name (what :meth:`VirtualDataResourceOperations._kind` finds)."""

    name: str


class VirtualDataResourceOperations(KeyedOperations[VirtualDataResourceInputs, VdrDocument]):
    inputs_model = VirtualDataResourceInputs
    missing = "adopt=True: there is no {noun} {key!r} in this organization to take over."
    key_input = "name"
    document_problems = staticmethod(problems)
    # POST /vdrs makes the VDR (its definition; a taken name answers 409, so a create never
    # takes over a VDR of that name); the import puts the whole document.
    put_after_post = True

    def fetch(self, key: str) -> VdrDocument:
        return self.client.vdrs.export(key)

    def put(self, inputs: VirtualDataResourceInputs, body: Mapping[str, Any]) -> VdrDocument:
        return self.client.vdrs.import_(body)

    def outputs(
        self, inputs: VirtualDataResourceInputs, found: VdrDocument, key: str
    ) -> dict[str, Any]:
        return _outputs(inputs, found)

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        ident = _vdr_id(props.get("vdr_id"))
        if ident is not None:
            delete_owned(self._by_id(), ident, None, look_for_strays=False)
            return
        super().delete(id_, props)  # a state without the id: found by name, then deleted

    def _kind(self, inputs: VirtualDataResourceInputs | None) -> OwnedKind[Named]:
        """VDRs by name (the name is the key and the marker): the create (``POST /vdrs``, a
        taken name answers 409), and the delete of a state without ``vdr_id``, which finds the
        id by name."""
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
            self.fetch(str(name))
            return Named(str(name))

        return keyed_kind(
            "virtual data resource",
            post=post,
            get=get,
            delete=lambda name: client.vdrs.delete(str(name)),
            ident=lambda named: named.name,
        )

    def _by_id(self) -> OwnedKind[int]:
        """VDRs by numeric id: the delete of a state that kept it (one ``DELETE /vdrs/{id}``;
        when its answer is lost, ``GET /vdrs/{id}`` tells whether it took effect)."""
        client = self.client

        def get(ident: int | str) -> int:
            return client.vdrs.get(int(ident)).id

        def nothing() -> int:
            raise ProviderError("internal error: no virtual data resource to post")

        return OwnedKind(
            noun="virtual data resource",
            post=nothing,
            find=lambda _marker: [],
            get=get,
            delete=lambda ident: client.vdrs.delete_id(int(ident)),
            ident=lambda ident: ident,
        )


def _vdr_id(value: Any) -> int | None:
    """The id a state kept (a number from the engine: 12.0 is 12); None when it has none."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() else None


def _outputs(desired: VirtualDataResourceInputs, found: VdrDocument) -> dict[str, Any]:
    return {
        **document_outputs(SPEC, found.document(), dict(desired)),
        "name": desired.name,
        "adopt": desired.adopt,
        "field_paths": found.field_paths,
        "element_keys": sorted(found.transformation),
        **({"vdr_id": found.id} if found.id is not None else {}),
    }
