"""Pulumi resources for SAP Open Connectors (formerly Cloud Elements) connector instances.

Public names::

    ConnectorInstance            a connector instance (the credentials)
    Formula, FormulaInstance     a formula template and an instance of it
    CommonResource               an object definition (canonical data model)
    Transformation               a connector's mapping of its object onto a common resource
    get_oauth_url                the OAuth 2.0 redirect URL for an element
    get_connector, find_instances   lookups of a connector and of existing instances
    OpenConnectorsClient, ClientSettings, resolve_settings   the typed REST client
    OpenConnectorsError and subclasses                       the error hierarchy

The emulator lives in ``pulumi_openconnectors.emulator`` (extra ``[emulator]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

__all__ = [
    "APIError",
    "AuthenticationError",
    "ClientSettings",
    "CommonResource",
    "ConfigurationError",
    "ConnectorInstance",
    "Formula",
    "FormulaInstance",
    "NotFoundError",
    "OpenConnectorsClient",
    "OpenConnectorsError",
    "Transformation",
    "TransportError",
    "find_instances",
    "get_connector",
    "get_oauth_url",
    "resolve_settings",
]

# Imported lazily so that the client, the CLI and the emulator do not pay for importing pulumi.
_LAZY = {
    "ConnectorInstance": ".resources.connector_instance.resource",
    "Formula": ".resources.formula.resource",
    "FormulaInstance": ".resources.formula_instance.resource",
    "CommonResource": ".resources.common_resource.resource",
    "Transformation": ".resources.transformation.resource",
    "get_connector": ".lookups",
    "find_instances": ".lookups",
    "get_oauth_url": ".oauth",
    "OpenConnectorsClient": ".client",
    "ClientSettings": ".client",
    "resolve_settings": ".config",
    "OpenConnectorsError": ".errors",
    "APIError": ".errors",
    "AuthenticationError": ".errors",
    "ConfigurationError": ".errors",
    "NotFoundError": ".errors",
    "TransportError": ".errors",
}

if TYPE_CHECKING:
    from .client import ClientSettings, OpenConnectorsClient
    from .config import resolve_settings
    from .errors import (
        APIError,
        AuthenticationError,
        ConfigurationError,
        NotFoundError,
        OpenConnectorsError,
        TransportError,
    )
    from .lookups import find_instances, get_connector
    from .oauth import get_oauth_url
    from .resources.common_resource.resource import CommonResource
    from .resources.connector_instance.resource import ConnectorInstance
    from .resources.formula.resource import Formula
    from .resources.formula_instance.resource import FormulaInstance
    from .resources.transformation.resource import Transformation


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pulumi_openconnectors' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module, __name__), name)


def _provider(type_name: str) -> Any:
    """A resource type's provider, as unpickled from a resource's state (``__provider``); see
    ``SpecProvider.__reduce__``. Keep this name and place: states refer to it."""
    from .resources.provider import provider_class

    return provider_class(type_name)()
