"""ConnectorExtension: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resource import FromFile
from ..typed_keywords import ConnectorExtensionKeywords
from .outputs import ConnectorExtensionOutputs
from .provider import ConnectorExtensionProvider
from .spec import SPEC


class ConnectorExtension(
    ConnectorExtensionKeywords, FromFile, ConnectorExtensionOutputs, **SPEC.pulumi_type
):
    """Resources of the organization's own added to a connector of the catalog (an extended
    connector): each an API call (`path`, `method`) that the connector maps onto the vendor's,
    next to the calls it comes with. Each resource is `POST`ed, `PUT` or `DELETE`d on its own
    (`/elements/{key}/resources[/{id}]`); the connector itself is never changed.

    The connector key is the extension's identity: changing it replaces the extension. The
    extension holds every resource the organization added to that connector: a resource added
    out of band shows as drift and the next ``up`` removes it; one changed or deleted out of
    band is put back; when all are gone, ``refresh`` drops the extension and ``up`` adds them
    again. An update sends only the resources that changed (matched by method and path). Declare
    one ``ConnectorExtension`` per connector: two of one connector would each remove the other's
    resources. ``destroy`` deletes the organization's resources only: the connector and the
    resources it comes with stay. Instances of the connector
    (``ConnectorInstance(element_key=...)``) are not touched; ``adopt=True`` takes over
    resources the organization already added.

    ``from_file(path, name=None, *, opts=None, **overrides)``: An extension from the element
    JSON the platform exports for an extended connector (``GET
    /elements/{id}/export?extendedOnly=true``, the-doctor's ``element.json`` of an element with
    ``extended: true``): its ``key`` and its ``resources``. ``name`` is the Pulumi resource name
    (default: the connector key). The connector's own keys (``name``, ``authentication``, …) are
    not read; a resource of the catalog's (``ownerAccountId`` 1, in an export without
    ``extendedOnly``) is left out; server-set keys (ids, dates) are dropped.

    Type token: ``pulumi-python:dynamic/openconnectors:ConnectorExtension``.
    """

    _spec = SPEC
    _provider_class = ConnectorExtensionProvider
