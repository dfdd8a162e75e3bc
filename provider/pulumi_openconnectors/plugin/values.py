"""Property values as the engine sends them (:class:`PropertyValue`: secrets, unknowns) <->
the plain values the operations take, as the dynamic-provider host hands them over (a value
not known yet is :data:`..markers.UNKNOWN`; numbers are floats)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pulumi.provider.experimental.property_value import (
    Computed,
    PropertyValue,
    ResourceReference,
)

from ..markers import UNKNOWN

PropertyMap = dict[str, PropertyValue]


def plain(value: PropertyValue) -> Any:
    """The plain value: secrets unwrapped, an unknown as :data:`UNKNOWN`, a resource
    reference as its id (else its URN)."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, ResourceReference):
        return plain(inner.resource_id) if inner.resource_id is not None else inner.urn
    if isinstance(inner, Mapping):
        return {key: plain(item) for key, item in inner.items()}
    if isinstance(inner, (list, tuple)):
        return [plain(item) for item in inner]
    return inner


def plain_map(props: Mapping[str, PropertyValue]) -> dict[str, Any]:
    return {key: plain(value) for key, value in props.items()}


def secret_keys(props: Mapping[str, PropertyValue]) -> set[str]:
    """The top-level keys whose value is, or holds, a secret."""
    return {key for key, value in props.items() if value.contains_secret()}


def property_value(value: Any, secret: bool = False) -> PropertyValue:
    """A plain value as the engine takes it (numbers as floats; :data:`UNKNOWN` is the
    engine's unknown)."""
    if value is None:
        converted: Any = None
    elif isinstance(value, (bool, str)):
        # UNKNOWN stays the string: the wire form of an unknown (the SDK cannot marshal its
        # own Computed)
        converted = value
    elif isinstance(value, (int, float)):
        converted = float(value)
    elif isinstance(value, Mapping):
        converted = {str(k): property_value(v) for k, v in value.items()}
    elif isinstance(value, (list, tuple)):
        converted = [property_value(v) for v in value]
    else:
        converted = str(value)
    return PropertyValue(converted, is_secret=secret)


def property_map(props: Mapping[str, Any], secrets: Iterable[str] = ()) -> PropertyMap:
    """Plain properties as the engine takes them; the keys in ``secrets`` are secret."""
    hidden = set(secrets)
    return {key: property_value(value, key in hidden) for key, value in props.items()}
