"""Moved to :mod:`pulumi_openconnectors.client.deadline`; this name stays importable."""

from .client.deadline import budget, capped, operation_deadline, remaining

__all__ = ["budget", "capped", "operation_deadline", "remaining"]
