"""Property names of the plugin's resources: Python (``element_key``) <-> the plugin's
(``elementKey``, by the plugin's one conversion :func:`..plugin.names.camel`), for the SDK's
translate hooks of the generated classes."""

from __future__ import annotations

from collections.abc import Iterable

from ..plugin.names import camel


class Names:
    def __init__(self, python_names: Iterable[str]) -> None:
        self._to_pulumi = {name: camel(name) for name in python_names}
        self._to_python = {v: k for k, v in self._to_pulumi.items()}

    def pulumi(self, name: str) -> str:
        return self._to_pulumi.get(name, name)

    def python(self, name: str) -> str:
        return self._to_python.get(name, name)
