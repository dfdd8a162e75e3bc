"""ConnectorInstance through the provider plugin:
``openconnectors:index:ConnectorInstance``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.connector_instance.outputs import ConnectorInstanceOutputs
from ..resources.connector_instance.spec import SPEC
from ..resources.typed_keywords import ConnectorInstanceKeywords
from ._base import NativeResource


class ConnectorInstance(ConnectorInstanceKeywords, NativeResource, ConnectorInstanceOutputs):
    """A connector instance: an authenticated connection to one vendor account (the credentials
    a formula or a hub call uses).

    Keywords: see ``__init__``.
    """

    _spec = SPEC
