"""Transformation through the provider plugin:
``openconnectors:index:Transformation``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.transformation.outputs import TransformationOutputs
from ..resources.transformation.spec import SPEC
from ..resources.transformation.wiring import onto_common_resource
from ..resources.typed_keywords import TransformationKeywords
from ._base import NativeResource


class Transformation(TransformationKeywords, NativeResource, TransformationOutputs):
    """A transformation: how one connector's vendor object (`vendor_name`) maps onto a common
    resource (`object_name`) — field paths, vendor paths, configuration and an optional script —
    for every instance of the connector (`element_key`/`element_id`) or for one instance
    (`instance_id`). Updates are a `PUT`.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
    _init_hook = staticmethod(onto_common_resource)
