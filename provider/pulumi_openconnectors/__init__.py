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
from .resources.registry import RESOURCE_CLASSES as _RESOURCE_CLASSES

# The resource classes come from the registry (resources/registry.py: one line per type);
# everything is imported lazily so that the client, the CLI and the emulator do not pay for
# importing pulumi.
_LAZY = {
    **{name: module.removeprefix(__name__) for name, module in _RESOURCE_CLASSES.items()},
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
    # A resource type's provider as unpickled from a resource's state: states name it
    # `pulumi_openconnectors._provider` (SpecProvider.__reduce__); keep the name.
    "_provider": ".resources.provider",
}

__all__ = sorted(name for name in _LAZY if not name.startswith("_"))

if TYPE_CHECKING:  # for type checkers and editors
    from .client import ClientSettings as ClientSettings
    from .client import OpenConnectorsClient as OpenConnectorsClient
    from .config import resolve_settings as resolve_settings
    from .errors import APIError as APIError
    from .errors import AuthenticationError as AuthenticationError
    from .errors import ConfigurationError as ConfigurationError
    from .errors import NotFoundError as NotFoundError
    from .errors import OpenConnectorsError as OpenConnectorsError
    from .errors import TransportError as TransportError
    from .lookups import find_instances as find_instances
    from .lookups import get_connector as get_connector
    from .oauth import get_oauth_url as get_oauth_url
    from .resources.classes import *  # noqa: F403  (every resource class, generated)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pulumi_openconnectors' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module, __name__), name)
