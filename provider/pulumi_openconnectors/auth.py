"""Moved to :mod:`pulumi_openconnectors.client.auth`; this name stays importable."""

from .client.auth import (
    authorization,
    bearer_header,
    connector_header,
    full_header,
    platform_header,
)

__all__ = ["authorization", "bearer_header", "connector_header", "full_header", "platform_header"]
