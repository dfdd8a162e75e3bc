"""CommonResource: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resource import FromFile
from ..typed_keywords import CommonResourceKeywords
from .outputs import CommonResourceOutputs
from .provider import CommonResourceProvider
from .spec import SPEC


class CommonResource(CommonResourceKeywords, FromFile, CommonResourceOutputs, **SPEC.pulumi_type):
    """A common resource: an object definition of the organization — a name and its fields
    (`{path, type}` each) — that transformations map connector objects onto. Updates are a `PUT
    /organizations/objects/{name}/definitions`.

    The name is the key: changing it replaces the resource; ``fields`` are updated in place
    (``PUT``). Pass the resource to a ``Transformation`` (``common_resource=``) so that the
    transformation is created after it and its fields are checked.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A common resource from a
    definition JSON file (``{"fields": [...]}``, optionally with ``"name"``/``"objectName"``;
    default name: the file's stem). ``name`` is the Pulumi resource name (default: the object
    name). Unknown keys go to ``extra``; server-set keys (``id``, ``level``, also on fields) are
    dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:CommonResource``.
    """

    _spec = SPEC
    _provider_class = CommonResourceProvider
