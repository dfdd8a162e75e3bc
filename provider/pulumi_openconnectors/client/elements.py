"""The connector catalog: ``/elements``, one connector, and its OAuth 2.0 redirect URL."""

from __future__ import annotations

from ..models import Element, OAuthUrl
from .transport import Transport, fill_path


class ElementsAPI(Transport):
    """``/elements`` calls."""

    def list_elements(self) -> list[Element]:
        """``GET /elements``: the connector catalog."""
        items = self._get_list("/elements")
        return [self._parse(Element, item, "GET", "/elements") for item in items]

    def get_element(self, key_or_id: str | int) -> Element:
        """``GET /elements/{keyOrId}``; NotFoundError when the connector key is unknown."""
        path = fill_path("/elements/{keyOrId}", keyOrId=key_or_id)
        return self._call(Element, "GET", path, template="/elements/{keyOrId}")

    def get_oauth_url(
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
        self.redactor.add(api_secret)
        params: list[tuple[str, str]] = [
            ("apiKey", api_key),
            ("apiSecret", api_secret),
            ("callbackUrl", callback_url),
        ]
        for name, value in (("state", state), ("scope", scope), ("siteAddress", site_address)):
            if value is not None:
                params.append((name, value))
        template = "/elements/{keyOrId}/oauth/url"
        path = fill_path(template, keyOrId=element)
        data = self._request("GET", path, template=template, params=params)
        return self._parse(OAuthUrl, data, "GET", path)
