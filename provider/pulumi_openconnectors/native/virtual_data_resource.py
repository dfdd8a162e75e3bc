"""VirtualDataResource through the provider plugin:
``openconnectors:index:VirtualDataResource``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.typed_keywords import VirtualDataResourceKeywords
from ..resources.virtual_data_resource.outputs import VirtualDataResourceOutputs
from ..resources.virtual_data_resource.spec import SPEC
from ._base import NativeResource


class VirtualDataResource(VirtualDataResourceKeywords, NativeResource, VirtualDataResourceOutputs):
    """A virtual data resource of the v2 model: a name, its definition (`fields`, `{path, type}`
    each) and its transformations, one per connector key, in the one document `GET
    /vdrs/{name}/export` answers. Updates are a `PUT /vdrs/import` of the whole document (an
    upsert by name).

    Keywords: see ``__init__``.
    """

    _spec = SPEC
