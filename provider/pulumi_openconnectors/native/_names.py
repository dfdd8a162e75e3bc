"""Property names of the plugin's resources: Python (``element_key``) <-> the plugin's
(``elementKey``), for the SDK's translate hooks of the generated classes."""

from __future__ import annotations

from collections.abc import Mapping


class Names:
    def __init__(self, to_pulumi: Mapping[str, str]) -> None:
        self._to_pulumi = dict(to_pulumi)
        self._to_python = {v: k for k, v in to_pulumi.items()}

    def pulumi(self, name: str) -> str:
        return self._to_pulumi.get(name, name)

    def python(self, name: str) -> str:
        return self._to_python.get(name, name)
