"""The platform API client: one :class:`~.requestor.Requestor` and one object per API area
over it (as stripe-python's ``StripeClient`` is services over one ``APIRequestor``)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import requests

from .advice import CLIENT_ADVICE, Advice
from .common_resources import CommonResourcesAPI
from .elements import ElementsAPI
from .formula_instances import FormulaInstancesAPI
from .formulas import FormulasAPI
from .hubs import HubsAPI
from .instances import InstancesAPI
from .private_elements import PrivateElementsAPI
from .rate_gate import RateGate
from .redact import Redactor
from .requestor import Area, Requestor
from .retry_loop import RetryLoop
from .session import new_session
from .settings import ClientSettings
from .transformations import TransformationsAPI
from .vdrs import VdrsAPI

C = TypeVar("C", bound="OpenConnectorsClient")
A = TypeVar("A", bound=Area)


class OpenConnectorsClient:
    """The platform API. Thread-safe: one instance may serve concurrent provider calls.

    Each API area is an attribute (``client.instances.get(7)``); the flat names
    (``client.get_instance(7)``) are the same calls. An area written outside this package's
    ``client/`` (a resource type's own ``api.py``, an :class:`~.requestor.Area` subclass) is
    :meth:`area` ``(TheAPI)``: nothing here lists it.

    ``session``: an existing ``requests.Session`` to use (the caller closes it); by default the
    client creates one with a pooled adapter and closes it in :meth:`close`.
    ``sleep`` and ``rng`` are injectable so tests need not wait.
    ``advice``: what error messages tell the reader to do next (:mod:`.advice`).
    """

    def __init__(
        self,
        settings: ClientSettings,
        session: requests.Session | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        redactor: Redactor | None = None,
        advice: Advice = CLIENT_ADVICE,
    ) -> None:
        self.settings = settings
        self._owns_session = session is None
        self.session = session if session is not None else new_session(settings.base_url)
        self.redactor = redactor or Redactor()
        self.redactor.add(*settings.secrets())
        self._loop = RetryLoop(settings, self.session, self.redactor, advice, sleep=sleep, rng=rng)
        self.stats: dict[str, int] = self._loop.stats
        """Attempts sent, by ``"METHOD /route/{template}"``."""
        api = Requestor(self._loop)
        self._requestor = api
        self._areas: dict[type[Area], Area] = {}
        self._areas_lock = threading.Lock()

        self.elements = ElementsAPI(api)
        self.private_elements = PrivateElementsAPI(api)
        self.instances = InstancesAPI(api)
        self.hubs = HubsAPI(api)
        self.formulas = FormulasAPI(api)
        self.formula_instances = FormulaInstancesAPI(api)
        self.definitions = CommonResourcesAPI(api)
        self.transformations = TransformationsAPI(api)
        self.vdrs = VdrsAPI(api)

        # The flat names the rest of the package calls.
        self.list_elements = self.elements.list
        self.get_element = self.elements.get
        self.get_oauth_url = self.elements.oauth_url
        self.create_instance = self.instances.create
        self.get_instance = self.instances.get
        self.list_instances = self.instances.list
        self.update_instance = self.instances.update
        self.replace_instance = self.instances.replace
        self.delete_instance = self.instances.delete
        self.hub_get = self.hubs.get
        self.create_formula = self.formulas.create
        self.get_formula = self.formulas.get
        self.list_formulas = self.formulas.list
        self.replace_formula = self.formulas.replace
        self.update_formula = self.formulas.update
        self.delete_formula = self.formulas.delete
        self.create_formula_instance = self.formula_instances.create
        self.get_formula_instance = self.formula_instances.get
        self.list_formula_instances = self.formula_instances.list
        self.list_all_formula_instances = self.formula_instances.list_all
        self.replace_formula_instance = self.formula_instances.replace
        self.delete_formula_instance = self.formula_instances.delete
        self.create_definition = self.definitions.create
        self.get_definition = self.definitions.get
        self.replace_definition = self.definitions.replace
        self.delete_definition = self.definitions.delete
        self.list_definitions = self.definitions.list
        self.create_transformation = self.transformations.create
        self.get_transformation = self.transformations.get
        self.replace_transformation = self.transformations.replace
        self.delete_transformation = self.transformations.delete
        self.list_transformations = self.transformations.list
        self.create_private_element = self.private_elements.create
        self.get_private_element = self.private_elements.get
        self.replace_private_element = self.private_elements.replace
        self.delete_private_element = self.private_elements.delete
        self.export_private_element = self.private_elements.export
        self.list_private_elements = self.private_elements.list
        self.list_vdrs = self.vdrs.list
        self.export_vdr = self.vdrs.export

    def area(self, cls: type[A]) -> A:
        """The client's one instance of the API area ``cls`` (made on first use, over the
        client's requestor): how a resource type's own area (``resources/<type>/api.py``)
        joins the client without an edit here."""
        with self._areas_lock:
            found = self._areas.get(cls)
            if found is None:
                found = self._areas[cls] = cls(self._requestor)
        assert isinstance(found, cls)
        return found

    def server_time(self) -> float:
        """Now on the server's clock (epoch seconds), as far as its ``Date`` headers tell
        (second resolution; our own clock before any answer)."""
        return self._loop.clock.now()

    @property
    def _gate(self) -> RateGate:
        """The shared 429 back-off (:mod:`.rate_gate`)."""
        return self._loop.gate

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._owns_session:
            self.session.close()

    def __enter__(self: C) -> C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.settings!r})"
