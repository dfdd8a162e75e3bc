"""CommonResource through the provider plugin:
``openconnectors:index:CommonResource``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.common_resource.outputs import CommonResourceOutputs
from ..resources.common_resource.spec import SPEC
from ..resources.typed_keywords import CommonResourceKeywords
from ._base import NativeResource


class CommonResource(CommonResourceKeywords, NativeResource, CommonResourceOutputs):
    """A common resource: an object definition of the organization — a name and its fields
    (`{path, type}` each) — that transformations map connector objects onto. Updates are a `PUT
    /organizations/objects/{name}/definitions`.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
