"""Where stacks created before version 0.2 find the ConnectorInstance provider class.

Each resource's state holds its provider pickled by reference; states written by earlier
versions name this module. Keep it: without it, refresh and destroy of those stacks fail.
"""

from __future__ import annotations

from .resources.connector_instance.provider import ConnectorInstanceProvider

__all__ = ["ConnectorInstanceProvider"]
