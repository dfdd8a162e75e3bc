"""Typed REST client of the SAP Open Connectors platform API (no Pulumi in here).

:class:`OpenConnectorsClient` (:mod:`.api_client`) is one object per API area, each in its own
module — :mod:`.elements`, :mod:`.instances`, :mod:`.hubs`, :mod:`.formulas`,
:mod:`.formula_instances`, :mod:`.common_resources`, :mod:`.transformations` — over one
:class:`~.requestor.Requestor`. A resource type's own area lives in its folder
(``resources/<type>/api.py``, an :class:`Area`) and is reached as ``client.area(TheAPI)``:
nothing in here names it.

Under the requestor, one job per module: :mod:`.paths` (route templates), :mod:`.auth` (the
``Authorization`` header), :mod:`.retry_loop` (attempts; policy in :mod:`.retry`, shared 429
back-off in :mod:`.rate_gate`, deadline in :mod:`.deadline`), :mod:`.responses` (status ->
error, JSON bodies, models), :mod:`.failures` (no answer), :mod:`.advice` (what messages tell
to do), :mod:`.pagination`, :mod:`.session`, :mod:`.server_clock`, :mod:`.logs`,
:mod:`.redact`, :mod:`.settings`, :mod:`.regions` and :mod:`.models`.

Nothing here imports from the rest of the package but :mod:`pulumi_openconnectors.errors`
and :mod:`pulumi_openconnectors._version` (tests/unit/test_client_room.py checks it).
"""

from __future__ import annotations

from .advice import Advice
from .api_client import OpenConnectorsClient
from .requestor import Area, Requestor
from .session import POOL_MAXSIZE
from .settings import DEFAULT_CONNECT_TIMEOUT, USER_AGENT, ClientSettings
from .transformations import Scope

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "POOL_MAXSIZE",
    "USER_AGENT",
    "Advice",
    "Area",
    "ClientSettings",
    "OpenConnectorsClient",
    "Requestor",
    "Scope",
]
