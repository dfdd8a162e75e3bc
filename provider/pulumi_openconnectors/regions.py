"""Moved to :mod:`pulumi_openconnectors.client.regions`; this name stays importable."""

from .client.regions import API_PATH, REGIONS, base_url_for_region

__all__ = ["API_PATH", "REGIONS", "base_url_for_region"]
