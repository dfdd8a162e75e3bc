"""The connector catalog: ``/elements``, one connector, and its OAuth 2.0 redirect URL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .models import Element, OAuthUrl
from .pagination import every_item
from .paths import route
from .requestor import Area, Requestor
from .responses import M


class ElementsAPI(Area):
    """``/elements`` calls."""

    def get(self, key_or_id: str | int) -> Element:
        """``GET /elements/{keyOrId}``; NotFoundError when the connector key is unknown."""
        return self._api.call(Element, "GET", route("/elements/{keyOrId}", keyOrId=key_or_id))

    def oauth_url(
        self,
        element: str | int,
        api_key: str,
        api_secret: str,
        callback_url: str,
        state: str | None = None,
        scope: str | None = None,
        site_address: str | None = None,
    ) -> OAuthUrl:
        """``GET /elements/{keyOrId}/oauth/url``: where to send the user to grant access."""
        self._api.redactor.add(api_secret)
        params: list[tuple[str, str]] = [
            ("apiKey", api_key),
            ("apiSecret", api_secret),
            ("callbackUrl", callback_url),
        ]
        for name, value in (("state", state), ("scope", scope), ("siteAddress", site_address)):
            if value is not None:
                params.append((name, value))
        where = route("/elements/{keyOrId}/oauth/url", keyOrId=element)
        data = self._api.request("GET", where, params=params)
        return self._api.parse(OAuthUrl, data, "GET", where)

    def list(self) -> list[Element]:
        """``GET /elements``: the connector catalog."""
        where = route("/elements")
        return every_item(self._api, Element, where)


def flagged_elements(
    api: Requestor,
    model: type[M],
    flag: str,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
) -> list[M]:
    """``GET /elements?where=<flag>='true'`` (all pages): the elements whose ``flag`` is true
    (checked here too: the platform may ignore ``where``), those ``keep`` also keeps, each
    validated as one ``model``."""
    return every_item(
        api,
        model,
        route("/elements"),
        params=[("where", f"{flag}='true'")],
        keep=lambda item: (
            isinstance(item, Mapping) and item.get(flag) is True and (keep is None or keep(item))
        ),
    )
