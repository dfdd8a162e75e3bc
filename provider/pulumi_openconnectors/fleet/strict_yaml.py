"""YAML for the fleet's files: ``yaml.safe_load`` that refuses a key written twice in a mapping.

Plain YAML keeps the last of two equal keys, so a second ``tenants:`` silently drops the first
block's tenants and ``- stack: t-b`` followed by ``  stack: t-a`` runs ``t-a``. A fleet file is
written by hand; a repeated key is always a mistake, so it is an error naming both lines.
Merge keys (``<<: *defaults``) may still be overridden by an explicit key, as YAML intends.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node

MERGE_TAG = "tag:yaml.org,2002:merge"


class DuplicateKeyError(yaml.YAMLError):
    """A mapping has the same key twice; ``line`` and ``first_line`` are 1-based."""

    def __init__(self, key: str, line: int, first_line: int) -> None:
        super().__init__(f"line {line}: duplicate key {key!r} (first written at line {first_line})")
        self.key = key
        self.line = line
        self.first_line = first_line


class _UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        first: dict[Any, Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG:
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                earlier = first.setdefault(key, key_node)
            except TypeError:
                continue  # an unhashable key: SafeLoader's own error names it
            if earlier is not key_node:
                raise DuplicateKeyError(
                    str(key), key_node.start_mark.line + 1, earlier.start_mark.line + 1
                )
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    """``yaml.safe_load(text)``, but a key repeated in one mapping is a DuplicateKeyError."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass: safe
