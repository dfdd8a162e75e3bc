"""The connector catalog: ``/elements``, one connector, and its OAuth 2.0 redirect URL."""

from __future__ import annotations

from .models import Element, OAuthUrl
from .pagination import every_page
from .paths import route
from .requestor import Area


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
        return [
            self._api.parse(Element, item, "GET", where) for item in every_page(self._api, where)
        ]
