"""What an error message tells its reader to do next (the sentence before the request id).

:class:`Advice` speaks of the API and of the client's own settings only. A layer with its own
vocabulary (the Pulumi resources: their input names, ``pulumi refresh``) passes the client a
subclass that overrides the hooks :meth:`Advice.invalid` and :meth:`Advice.not_found` and the
texts :attr:`Advice.conflict`, :attr:`Advice.rate_limited`, :attr:`Advice.look_first` and
those of a 404 (:attr:`Advice.unknown_element`, ...).
"""

from __future__ import annotations

import re
from typing import ClassVar

CREDENTIALS_HINT = (
    "Check openconnectors:userSecret and openconnectors:organizationSecret "
    "(or OPENCONNECTORS_USER_SECRET / OPENCONNECTORS_ORGANIZATION_SECRET)."
)
BASE_URL_HINT = (
    "Check openconnectors:baseUrl (or OPENCONNECTORS_BASE_URL); it ends with /elements/api-v2."
)
CONNECTORS_HINT = "GET /elements lists the available connectors."
HUB_HINT = (
    "The hub or object is not available for this connector instance; check the hub name and "
    "object name."
)

ELEMENT_PATH = re.compile(r"^/elements/(?P<key>[^/]+)")
"""A connector's route (``key``); an advice subclass reads paths with the same patterns."""
INSTANCE_PATH = re.compile(r"^/instances/(?P<id>[^/]+)")
"""A connector instance's route (``id``)."""


class Advice:
    """The client's advice; every text is one or more whole sentences."""

    conflict: ClassVar[str] = "Retry once the conflict is resolved."
    """409."""
    rate_limited: ClassVar[str] = (
        "Open Connectors is rate limiting this account; retry later or send fewer requests at once."
    )
    """429 (after the client's own retries)."""
    look_first: ClassVar[str] = "check whether it did before retrying"
    """How to find out whether a request that may have taken effect did (a clause)."""
    unknown_connector: ClassVar[str] = (
        f"The connector named in the request is unknown to Open Connectors; {CONNECTORS_HINT}"
    )
    """404 to ``POST /instances``: the route exists, the connector named in the body does not."""
    unknown_element: ClassVar[str] = (
        "The connector key (element) {key!r} is unknown to Open Connectors; " + CONNECTORS_HINT
    )
    """404 on a connector's route (``{key}``: the connector key of the path)."""
    unknown_instance: ClassVar[str] = (
        "Instance {id} does not exist or belongs to another organization."
    )
    """404 on an instance's route (``{id}``: the instance id of the path)."""
    unknown_route: ClassVar[str] = (
        "The object does not exist (or belongs to another organization), or the route does "
        f"not exist. {BASE_URL_HINT}"
    )
    """404 on any other route."""

    def for_status(self, status: int, method: str, path: str, ambiguous: bool) -> str:
        """The advice for an error answer ``status`` to ``method path``."""
        if status == 400:
            if path.endswith("/oauth/url"):
                return (
                    "Check that the connector uses OAuth 2.0 and that the api key, api secret and "
                    "callback URL are set."
                )
            return self.invalid(method, path)
        if status == 401:
            if path.startswith("/hubs/"):
                return (
                    "Check the instance token (the instance may have been deleted) and "
                    "openconnectors:userSecret (or OPENCONNECTORS_USER_SECRET)."
                )
            return CREDENTIALS_HINT
        if status == 403:
            return (
                "The credentials are valid but not allowed to do this; check the account's role, "
                "or use the organization that owns the resource."
            )
        if status == 404:
            return self.not_found(method, path)
        if status == 405:
            return (
                f"The route does not accept {method}; this is a client bug or a wrong base URL. "
                + BASE_URL_HINT
            )
        if status == 409:
            return self.conflict
        if status == 415:
            return (
                "The client sends JSON; check that no proxy between you and Open Connectors "
                "rewrites the Content-Type."
            )
        if status == 429:
            return self.rate_limited
        if 500 <= status <= 599:
            if ambiguous:
                return f"The request may nevertheless have taken effect: {self.look_first}."
            return "This is a failure on the service side; retry later."
        if 300 <= status <= 399:
            return f"The API answered with a redirect, which it does not document. {BASE_URL_HINT}"
        return "See the API message above."

    def invalid(self, method: str, path: str) -> str:
        """400: what to check in a request the API refused as invalid."""
        return "Fix the request as the API message says."

    def not_found(self, method: str, path: str) -> str:
        """404: what was not found, and what to check."""
        if method == "POST" and path == "/instances":
            return self.unknown_connector
        element = ELEMENT_PATH.match(path)
        if element:
            return self.unknown_element.format(key=element.group("key"))
        instance = INSTANCE_PATH.match(path)
        if instance:
            return self.unknown_instance.format(id=instance.group("id"))
        if path.startswith("/hubs/"):
            return HUB_HINT
        return self.unknown_route


CLIENT_ADVICE = Advice()
