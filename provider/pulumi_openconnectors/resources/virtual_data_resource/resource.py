"""VirtualDataResource: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resource import FromFile
from ..typed_keywords import VirtualDataResourceKeywords
from .outputs import VirtualDataResourceOutputs
from .provider import VirtualDataResourceProvider
from .spec import SPEC


class VirtualDataResource(
    VirtualDataResourceKeywords, FromFile, VirtualDataResourceOutputs, **SPEC.pulumi_type
):
    """A virtual data resource of the v2 model: a name, its definition (`fields`, `{path, type}`
    each) and its transformations, one per connector key, in the one document `GET
    /vdrs/{name}/export` answers. Updates are a `PUT /vdrs/import` of the whole document (an
    upsert by name).

    The name is the key: changing it replaces the resource; the definition and the
    transformations are updated in place (one ``PUT /vdrs/import`` of the whole document). A
    create posts the definition first (``POST /vdrs``): a VDR of that name that already exists
    is refused, not replaced; take it over with ``adopt=True``. ``check`` refuses a
    transformation field whose ``path`` is not a field of the definition, naming it.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A virtual data resource from the
    JSON the platform (`GET /vdrs/{name}/export`) or the-doctor exports for a v2 VDR
    (``{vdrVersion, vdrName, definition, transformation}``; a file holding it under its name,
    ``{"<name>": {...}}``, is read as the object inside). ``name`` is the Pulumi resource name
    (default: the VDR's name). Unknown keys go to ``extra``; server-set keys (``id``, also in
    the definition, the transformations and their fields) are dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:VirtualDataResource``.
    """

    _spec = SPEC
    _provider_class = VirtualDataResourceProvider
