"""The provider's configuration: the same ``openconnectors:*`` settings and environment
variables as the dynamic resources (:func:`..config.resolve_settings`).

The default provider gets the stack's ``openconnectors:*`` config; an explicit provider
resource (``pulumi:providers:openconnectors``) gets its own arguments (``baseUrl``,
``userSecret``, …). Either arrives in the ConfigureRequest: as ``args`` (the provider's
inputs, secrets wrapped) and as ``variables`` (``openconnectors:config:baseUrl`` -> text).
What neither sets comes from the environment, as for the dynamic resources.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pulumi.provider.experimental.property_value import PropertyValue

from ..config import NAMESPACE
from .values import plain

ConfigLookup = Callable[[str], Any]


def config_lookup(variables: Mapping[str, str], args: Mapping[str, PropertyValue]) -> ConfigLookup:
    """``lookup("openconnectors:baseUrl")`` over a ConfigureRequest's args and variables."""
    values: dict[str, Any] = {}
    for key, text in variables.items():
        namespace, _, name = key.partition(":")
        if namespace != NAMESPACE:
            continue
        name = name.removeprefix("config:")
        values[name] = text
    for name, value in args.items():
        given = plain(value)
        if isinstance(given, float) and given.is_integer():
            given = int(given)  # numbers arrive as floats: maxRetries 3.0 -> 3
        if given is not None and not isinstance(given, (dict, list)):
            values[name] = given
    return lambda key: values.get(key.removeprefix(f"{NAMESPACE}:"))
