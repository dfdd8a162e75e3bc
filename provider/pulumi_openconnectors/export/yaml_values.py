"""Values of a Pulumi YAML program: property names from the specs, references, literals.

Pulumi YAML reads ``${…}`` in any string as a reference (to a resource's output, a config
value, a variable) and ``$$`` as one ``$``. A value read from the account is a literal: every
``$`` in it (keys included) is doubled, so a formula step's ``${config.crm}`` stays text. A
:class:`Ref` is the one place a reference is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..plugin import type_token as plugin_type_token
from ..plugin.names import camel
from ..resources.spec import ResourceSpec


def pulumi_name(name: str) -> str:
    """A spec's property name as the plugin's Pulumi property: camelCase
    (``adopt_instance_id`` -> ``adoptInstanceId``), by the plugin's one conversion."""
    return camel(name)


def type_token(spec: ResourceSpec) -> str:
    """``openconnectors:index:<Type>``, the plugin's token of the type."""
    return plugin_type_token(spec.name)


@dataclass(frozen=True)
class Ref:
    """A reference written as it is: ``${crm.instanceId}``, ``${crm_password}``."""

    target: str

    @property
    def text(self) -> str:
        return "${" + self.target + "}"


def output_ref(resource: str, spec: ResourceSpec, output: str) -> Ref:
    """``${resource.<output>}`` for an output of ``spec`` (``id`` is the Pulumi id)."""
    if output != "id":
        spec.prop(output)  # KeyError when the spec has no such property
        output = pulumi_name(output)
    return Ref(f"{resource}.{output}")


def properties(spec: ResourceSpec, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """``inputs`` (by the spec's names, in the order given) as Pulumi YAML properties; a name
    that is not an input of ``spec`` is a bug (KeyError)."""
    known = set(spec.input_names)
    unknown = sorted(set(inputs) - known)
    if unknown:
        raise KeyError(f"{spec.name} has no inputs {unknown}")
    return {pulumi_name(name): value for name, value in inputs.items()}


def literal(value: Any) -> Any:
    """``value`` for a YAML program: strings (and keys) with every ``$`` doubled, references
    as ``${…}``; lists and objects recursively."""
    if isinstance(value, Ref):
        return value.text
    if isinstance(value, str):
        return value.replace("$", "$$")
    if isinstance(value, Mapping):
        return {literal(str(k)): literal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [literal(v) for v in value]
    return value


def dump(document: Mapping[str, Any]) -> str:
    """YAML text of ``document`` (already passed through :func:`literal`), keys in the order
    given, block style, Unicode as it is."""
    return yaml.safe_dump(
        dict(document),
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=100,
    )
