"""Typed REST client of the SAP Open Connectors platform API (no Pulumi in here).

:class:`OpenConnectorsClient` is the transport (settings, session, retries, errors; see
:mod:`.transport`) plus one mixin per API area, each in its own module: :mod:`.elements`,
:mod:`.instances`, :mod:`.hubs`, :mod:`.formulas`, :mod:`.formula_instances`,
:mod:`.common_resources`, :mod:`.transformations`. A new area is a new module and one more base
class here.
"""

from __future__ import annotations

from .common_resources import CommonResourcesAPI
from .elements import ElementsAPI
from .formula_instances import FormulaInstancesAPI
from .formulas import FormulasAPI
from .hubs import HubsAPI
from .instances import InstancesAPI
from .settings import DEFAULT_CONNECT_TIMEOUT, USER_AGENT, ClientSettings
from .transformations import Scope, TransformationsAPI
from .transport import POOL_MAXSIZE, Transport

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "POOL_MAXSIZE",
    "USER_AGENT",
    "ClientSettings",
    "OpenConnectorsClient",
    "Scope",
    "Transport",
]


class OpenConnectorsClient(
    ElementsAPI,
    InstancesAPI,
    HubsAPI,
    FormulasAPI,
    FormulaInstancesAPI,
    CommonResourcesAPI,
    TransformationsAPI,
    Transport,
):
    """The platform API. Thread-safe: one instance may serve concurrent provider calls.

    ``session``: an existing ``requests.Session`` to use (the caller closes it); by default the
    client creates one with a pooled adapter and closes it in :meth:`close`.
    ``sleep`` and ``rng`` are injectable so tests need not wait.
    """
