"""Moved to :mod:`pulumi_openconnectors.client.redact`; this name stays importable."""

from .client.redact import MASK, MIN_LENGTH, Redactor

__all__ = ["MASK", "MIN_LENGTH", "Redactor"]
