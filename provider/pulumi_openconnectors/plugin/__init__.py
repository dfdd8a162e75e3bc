"""The resource types as a Pulumi provider plugin (``pulumi-resource-openconnectors``).

The same specs and operations as the dynamic resources (:mod:`..resources`), served over the
engine's provider protocol: type tokens ``openconnectors:index:<Type>``, camelCase property
names, a schema, detailed diffs, ``pulumi import`` and explicit provider resources. See
docs/plugin.md.

Modules: :mod:`.names` (the one snake_case <-> camelCase conversion), :mod:`.values`
(property values <-> plain values), :mod:`.schema` (the package schema), :mod:`.diffs`
(detailed diffs), :mod:`.settings` (configure), :mod:`.provider` (the provider),
:mod:`.server` (the executable).
"""

PACKAGE = "openconnectors"
"""The Pulumi package name: type tokens ``openconnectors:index:<Type>``, the provider type
``pulumi:providers:openconnectors`` and the executable ``pulumi-resource-openconnectors``."""


def type_token(type_name: str) -> str:
    return f"{PACKAGE}:index:{type_name}"
