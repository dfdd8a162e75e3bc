"""Moved to :mod:`pulumi_openconnectors.client.models.elements`; this name stays importable."""

from ..client.models.elements import Element, ElementAuthentication, OAuthUrl

__all__ = ["Element", "ElementAuthentication", "OAuthUrl"]
