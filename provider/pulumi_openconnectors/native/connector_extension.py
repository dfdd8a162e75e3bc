"""ConnectorExtension through the provider plugin:
``openconnectors:index:ConnectorExtension``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.connector_extension.outputs import ConnectorExtensionOutputs
from ..resources.connector_extension.spec import SPEC
from ..resources.typed_keywords import ConnectorExtensionKeywords
from ._base import NativeResource


class ConnectorExtension(ConnectorExtensionKeywords, NativeResource, ConnectorExtensionOutputs):
    """Resources of the organization's own added to a connector of the catalog (an extended
    connector): each an API call (`path`, `method`) that the connector maps onto the vendor's,
    next to the calls it comes with. Each resource is `POST`ed, `PUT` or `DELETE`d on its own
    (`/elements/{key}/resources[/{id}]`); the connector itself is never changed.

    Keywords: see ``__init__``.
    """

    _spec = SPEC
