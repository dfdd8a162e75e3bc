"""Connector through the provider plugin:
``openconnectors:index:Connector``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.connector.outputs import ConnectorOutputs
from ..resources.connector.spec import SPEC
from ..resources.typed_keywords import ConnectorKeywords
from ._base import NativeResource


class Connector(ConnectorKeywords, NativeResource, ConnectorOutputs):
    """A custom connector: a private element of the account — a key, a name, an authentication
    type, configuration entries (what an instance of it is given) and resources (the API calls
    it maps onto the vendor's). Updates are a `PUT /elements/{key}` of the whole element.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
