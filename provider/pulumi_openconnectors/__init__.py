"""Pulumi resources for SAP Open Connectors (formerly Cloud Elements) connector instances.

Public names::

    ConnectorInstance            the resource (see pulumi_openconnectors.resources)
    get_oauth_url                the OAuth 2.0 redirect URL for an element
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
    "ConfigurationError",
    "ConnectorInstance",
    "NotFoundError",
    "OpenConnectorsClient",
    "OpenConnectorsError",
    "TransportError",
    "get_oauth_url",
    "resolve_settings",
]

# Imported lazily so that the client, the CLI and the emulator do not pay for importing pulumi.
_LAZY = {
    "ConnectorInstance": ".resources.connector_instance.resource",
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
    from .oauth import get_oauth_url
    from .resources.connector_instance.resource import ConnectorInstance


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
