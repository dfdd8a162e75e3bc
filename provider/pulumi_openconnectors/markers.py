"""Names shared by the resource (in the Pulumi program) and its provider, with no heavy imports.

The program process imports the resource and, with it, the provider class (to pickle it by
reference): what they need at import time lives here, so the program never loads the HTTP
client, pydantic or the models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # pulumi.runtime.rpc.UNKNOWN, as the host sends it

OWNERSHIP_TAG_PREFIX = "pulumi-openconnectors:"
"""Prefix of the hidden tag that marks an instance as made by one create of this provider."""

CREATE_MARKER_KEY = "__ownership_tag"
"""The checked inputs' key of the ownership tag the next create will use (``check`` draws a
fresh one each time). The engine records a create's checked inputs in the state's pending
operations before the create starts: a create a killed run left unanswered can be told by it
(``python -m pulumi_openconnectors recover``). Ignored by ``diff``."""


NONE_VALUE = "pulumi-openconnectors:none-value"
"""Stands for a ``None`` map value: the SDK drops such keys before the provider sees them, so the
resource marks them and ``check`` refuses them by name."""


def mark_none_values(value: Any) -> Any:
    """A copy of ``value`` with every ``None`` inside a mapping replaced by :data:`NONE_VALUE`."""
    if isinstance(value, Mapping):
        return {k: NONE_VALUE if v is None else mark_none_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mark_none_values(v) for v in value]
    return value


def none_value_paths(value: Any, path: str = "") -> list[str]:
    """Where :data:`NONE_VALUE` occurs in ``value`` (``['key']`` and ``[0]`` steps)."""
    if value == NONE_VALUE:
        return [path]
    if isinstance(value, Mapping):
        return [p for k, v in value.items() for p in none_value_paths(v, f"{path}[{k!r}]")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in none_value_paths(v, f"{path}[{i}]")]
    return []


def is_unknown(value: Any) -> bool:
    """True when the engine has not computed this value yet (previews): the host hands such a
    value over as the UNKNOWN string or, in newer SDKs, as a ``pulumi.output.Unknown``."""
    if isinstance(value, str):
        return value == UNKNOWN
    kind = type(value)
    if kind.__name__ == "Unknown" and kind.__module__ == "pulumi.output":
        return True
    if isinstance(value, Mapping):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    return False


def user_tags(tags: list[str], ownership_tag: str | None) -> list[str]:
    """The tags without the provider's ownership tag."""
    return [t for t in tags if t != ownership_tag and not t.startswith(OWNERSHIP_TAG_PREFIX)]


def as_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)
