"""One API client per provider process and settings, shared by every resource type.

The dynamic-provider host configures one provider object per resource type; they all talk to
the same API with the same settings, so they share one client (one connection pool, one
redactor that knows every secret seen).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..client import ClientSettings, OpenConnectorsClient
from ..config import resolve_settings
from .advice import PULUMI_ADVICE

_lock = threading.Lock()
_clients: dict[ClientSettings, OpenConnectorsClient] = {}


def shared_client(config_lookup: Callable[[str], Any]) -> OpenConnectorsClient:
    """The client for the settings that the stack config (else the environment) gives."""
    settings = resolve_settings(config_lookup)
    with _lock:
        client = _clients.get(settings)
        if client is None:
            client = OpenConnectorsClient(settings, advice=PULUMI_ADVICE)
            _clients[settings] = client
        return client
