"""Transformation: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resource import FromFile
from ..typed_keywords import TransformationKeywords
from .outputs import TransformationOutputs
from .provider import TransformationProvider
from .spec import SPEC
from .wiring import onto_common_resource


class Transformation(TransformationKeywords, FromFile, TransformationOutputs, **SPEC.pulumi_type):
    """A transformation: how one connector's vendor object (`vendor_name`) maps onto a common
    resource (`object_name`) — field paths, vendor paths, configuration and an optional script —
    for every instance of the connector (`element_key`/`element_id`) or for one instance
    (`instance_id`). Updates are a `PUT`.

    Changing the common resource or the scope replaces it; everything else is updated in place
    (``PUT``). Pass ``common_resource=<CommonResource>`` instead of ``object_name`` to depend on
    it (the engine creates it first and deletes it last) and to have ``check`` refuse a field
    the common resource does not declare.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A transformation from its JSON
    file (as the API returns it). Give the scope (``element_key=``, ``element_id=`` or
    ``instance_id=``) and the common resource (``object_name=`` or ``common_resource=``) unless
    the file names them (``objectName``, ``element.key``). ``name`` is the Pulumi resource name
    (default: the file's stem). Unknown keys go to ``extra``; server-set keys are dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:Transformation``.
    """

    _spec = SPEC
    _provider_class = TransformationProvider
    _init_hook = staticmethod(onto_common_resource)
