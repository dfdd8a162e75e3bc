"""Connector: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resource import FromFile
from ..typed_keywords import ConnectorKeywords
from .outputs import ConnectorOutputs
from .provider import ConnectorProvider
from .spec import SPEC


class Connector(ConnectorKeywords, FromFile, ConnectorOutputs, **SPEC.pulumi_type):
    """A custom connector: a private element of the account — a key, a name, an authentication
    type, configuration entries (what an instance of it is given) and resources (the API calls
    it maps onto the vendor's). Updates are a `PUT /elements/{key}` of the whole element.

    The key is the connector's identity: changing it replaces the connector (and the instances
    of it that name it by ``element_key=connector.key``); everything else is updated in place
    with one ``PUT``. Wire instances by output (``ConnectorInstance(...,
    element_key=connector.key)``) so that they are created after the connector and deleted
    before it (the platform refuses to delete a connector that has instances). ``adopt=True``
    takes over a connector of that key.

    ``from_file(path, name=None, *, opts=None, **overrides)``: A connector from the element JSON
    the platform exports (``GET /elements/{id}/export``, the-doctor's ``element.json``).
    ``name`` is the Pulumi resource name (default: the connector key). Unknown keys go to
    ``extra``; server-set keys (``id``, ``private``, dates, and the ids on configuration
    entries, resources, their parameters and hooks) are dropped. ``path`` may also be a
    connector directory, the-doctor's layout (or its ``element.json``): ``element.json`` with
    each hook's JavaScript in a ``.js`` file next to it, ``<type>Hook.js`` for a hook of the
    element (``preRequestHook.js``) and ``resources/<method>-<path>-<type>Hook.js`` for a hook
    of a resource (the path without its ``/hubs/<hub>/``, ``/`` as ``-``, no braces:
    ``resources/GET-contacts-id-preRequestHook.js``); a hook whose ``body`` is in
    ``element.json`` keeps it.

    Type token: ``pulumi-python:dynamic/openconnectors:Connector``.
    """

    _spec = SPEC
    _provider_class = ConnectorProvider
