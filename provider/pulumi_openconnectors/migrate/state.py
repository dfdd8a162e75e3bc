"""The rewrite of an exported deployment (``pulumi stack export``): each dynamic resource of
this package becomes the plugin's resource of the same type and name, with the same id, inputs
and outputs (top-level property names in camelCase, the pickled ``__provider`` left out), its
provider the plugin's default provider, which is added with the settings the dynamic provider
had (``openconnectors:*`` of the stack's configuration). Secret values are copied as they are
(ciphertext of the same stack): nothing is decrypted."""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..plugin import PACKAGE, names, type_token
from ..resources.registry import SPECS
from ..resources.spec import ResourceSpec

DYNAMIC_PREFIX = "pulumi-python:dynamic/openconnectors:"
PLUGIN_PREFIX = f"{PACKAGE}:index:"
DYNAMIC_PROVIDER_TYPE = "pulumi:providers:pulumi-python"
PLUGIN_PROVIDER_TYPE = f"pulumi:providers:{PACKAGE}"
CONFIG_PREFIX = f"{PACKAGE}:"
PICKLED_PROVIDER = "__provider"
# per-resource fields that hold URNs (the properties hold none)
_URN_FIELDS = ("urn", "parent", "deletedWith")
_SPECS: dict[str, ResourceSpec] = {spec.name: spec for spec in SPECS}


class MigrationError(Exception):
    """The state cannot be moved as it is (the message says why and what to do)."""


@dataclass(frozen=True)
class Moved:
    """One resource moved: its name, its type name (``ConnectorInstance``) and id."""

    name: str
    type_name: str
    id: str


def default_provider_name(version: str) -> str:
    """The engine's name of the default provider of a package version (``default_0_1_0``)."""
    return "default_" + re.sub(r"[.+-]", "_", version)


def rewrite_urn(urn: str) -> str:
    return urn.replace(DYNAMIC_PREFIX, PLUGIN_PREFIX)


def to_plugin(deployment: Mapping[str, Any], version: str) -> tuple[dict[str, Any], list[Moved]]:
    """The deployment with every dynamic resource of this package moved to the plugin, and
    what was moved (empty: nothing to do; the deployment is returned unchanged)."""
    out = copy.deepcopy(dict(deployment))
    resources: list[dict[str, Any]] = out.get("resources") or []
    dynamic = [r for r in resources if str(r.get("type", "")).startswith(DYNAMIC_PREFIX)]
    if not dynamic:
        return out, []
    if out.get("pending_operations"):
        raise MigrationError(
            "the state holds pending operations (an interrupted run): run "
            "`python -m pulumi_openconnectors recover` (or `pulumi refresh`) first"
        )
    by_urn = {r["urn"]: r for r in resources}
    old_refs = {str(r.get("provider", "")) for r in dynamic}
    if len(old_refs) != 1:
        raise MigrationError(
            "the dynamic resources use more than one provider, which this command does not "
            f"move ({', '.join(sorted(old_refs))})"
        )
    old_ref = old_refs.pop()
    old_provider = by_urn.get(old_ref.rsplit("::", 1)[0])
    if old_provider is None or old_provider.get("type") != DYNAMIC_PROVIDER_TYPE:
        raise MigrationError(f"the dynamic resources' provider {old_ref!r} is not in the state")

    provider = _plugin_provider(old_provider, version, by_urn)
    provider_ref = f"{provider['urn']}::{provider['id']}"
    moved = []
    for resource in dynamic:
        type_name = resource["type"][len(DYNAMIC_PREFIX) :]
        spec = _SPECS.get(type_name)
        if spec is None:
            raise MigrationError(f"{resource['urn']}: the plugin has no type {type_name!r}")
        _move(resource, spec, provider_ref)
        moved.append(Moved(resource["urn"].rsplit("::", 1)[-1], type_name, str(resource["id"])))
    for resource in resources:
        _rewrite_urns(resource)

    # the provider before the first resource that uses it (one already in the state may be
    # further down: it depends on nothing)
    if any(r is provider for r in resources):
        resources.remove(provider)
    first = next(i for i, r in enumerate(resources) if r.get("provider") == provider_ref)
    resources.insert(first, provider)
    if not any(r.get("provider") == old_ref for r in resources):
        resources.remove(old_provider)  # nothing else of the stack is dynamic
    return out, moved


def _plugin_provider(
    old: Mapping[str, Any], version: str, by_urn: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """The plugin's default provider: the one already in the state, or a new one with the
    package's settings the dynamic provider was given (the same values, secrets as ciphertext)."""
    stack_prefix = str(old["urn"]).rsplit("::", 2)[0]  # urn:pulumi:<stack>::<project>
    urn = f"{stack_prefix}::{PLUGIN_PROVIDER_TYPE}::{default_provider_name(version)}"
    if urn in by_urn:
        return by_urn[urn]

    def settings(values: Mapping[str, Any] | None) -> dict[str, Any]:
        return {
            key[len(CONFIG_PREFIX) :]: copy.deepcopy(value)
            for key, value in (values or {}).items()
            if key.startswith(CONFIG_PREFIX)
        }

    provider: dict[str, Any] = {
        "urn": urn,
        "custom": True,
        "id": str(uuid.uuid4()),
        "type": PLUGIN_PROVIDER_TYPE,
        "inputs": {"__internal": {}, **settings(old.get("inputs")), "version": version},
        "outputs": {**settings(old.get("outputs")), "version": version},
    }
    for stamp in ("created", "modified"):
        if stamp in old:
            provider[stamp] = old[stamp]
    return provider


def _move(resource: dict[str, Any], spec: ResourceSpec, provider_ref: str) -> None:
    resource["type"] = type_token(spec.name)
    resource["provider"] = provider_ref
    for key in ("inputs", "outputs"):
        if key in resource:
            resource[key] = _properties(spec, resource[key])
    if "propertyDependencies" in resource:
        resource["propertyDependencies"] = _properties(spec, resource["propertyDependencies"])
    # the plugin marks its secret outputs itself; the values stay ciphertext
    resource.pop("additionalSecretOutputs", None)


def _properties(spec: ResourceSpec, props: Mapping[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in props.items() if k != PICKLED_PROVIDER}
    return names.to_pulumi(spec, kept)


def _rewrite_urns(resource: dict[str, Any]) -> None:
    for key in _URN_FIELDS:
        if isinstance(resource.get(key), str):
            resource[key] = rewrite_urn(resource[key])
    if isinstance(resource.get("provider"), str):
        resource["provider"] = rewrite_urn(resource["provider"])
    if "dependencies" in resource:
        resource["dependencies"] = [rewrite_urn(u) for u in resource["dependencies"]]
    if "propertyDependencies" in resource:
        resource["propertyDependencies"] = {
            key: [rewrite_urn(u) for u in urns]
            for key, urns in resource["propertyDependencies"].items()
        }
    if "aliases" in resource:
        resource["aliases"] = [
            rewrite_urn(u) if isinstance(u, str) else u for u in resource["aliases"]
        ]
