"""``python -m pulumi_openconnectors migrate-to-plugin``: move a stack's resources from the
Python dynamic resources (``pulumi-python:dynamic/openconnectors:<Type>``) to the provider
plugin (``openconnectors:index:<Type>``) in the state alone: no API call, nothing created or
deleted in the account. See docs/plugin.md ("Moving a stack from dynamic resources to the
plugin").

Modules: :mod:`.state` (the rewrite of an exported deployment, pure), :mod:`.cli` (the
command: ``pulumi stack export``, the rewrite, ``pulumi stack import``).
"""

from .state import MigrationError, Moved, to_plugin

__all__ = ["MigrationError", "Moved", "to_plugin"]
