"""Moved to :mod:`pulumi_openconnectors.client.models.base`; this name stays importable."""

from ..client.models.base import RequestModel, ResponseModel

__all__ = ["RequestModel", "ResponseModel"]
