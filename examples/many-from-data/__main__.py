"""Connector instances declared as data: one ConnectorInstance per entry of instances.yaml and
environment, tagged [env, team, ...]; exports ``instanceIds`` (resource name -> instance id).

The file is validated before anything is declared: a malformed file stops the program with an
error that names the entry and the field, and nothing is created. Secret configuration values
are not in the file; it names stack config secrets, read with ``pulumi config --secret``.

Stack config of this project: ``instancesFile`` (optional, default ``instances.yaml`` next to
this file) and the secrets the file names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
import yaml

import pulumi_openconnectors as oc

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
ELEMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
CONFIG_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
TOP_LEVEL_FIELDS = {"environments", "connectors"}
ENTRY_FIELDS = {
    "name",
    "element",
    "team",
    "environments",
    "tags",
    "disabled",
    "configuration",
    "secrets",
}


class InstancesFileError(pulumi.RunError):
    """instances.yaml is malformed (a RunError: Pulumi prints the message, no traceback)."""


@dataclass(frozen=True)
class Connector:
    name: str
    element: str
    team: str
    environments: list[str]
    tags: list[str] = field(default_factory=list)
    disabled: bool | None = None
    configuration: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)


def _string_list(value: Any, where: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InstancesFileError(f"{where}: {what} must be a list of non-empty strings")
    return list(value)


def _string_map(value: Any, where: str, what: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InstancesFileError(f"{where}: {what} must be a mapping of key: value")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key.strip():
            raise InstancesFileError(f"{where}: {what} has a key that is not a string: {key!r}")
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise InstancesFileError(
                f"{where}: {what}.{key} must be a string, got {type(item).__name__}"
            )
        out[key] = str(item)
    return out


def parse_instances(text: str, source: str) -> tuple[list[str], list[Connector]]:
    """Validate the file's content; InstancesFileError names the entry and the field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InstancesFileError(f"{source} is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise InstancesFileError(f"{source}: expected a mapping with environments and connectors")
    unknown = sorted(set(data) - TOP_LEVEL_FIELDS)
    if unknown:
        raise InstancesFileError(
            f"{source}: unknown top-level field(s) {', '.join(map(str, unknown))} "
            f"(expected: {', '.join(sorted(TOP_LEVEL_FIELDS))})"
        )
    environments = _string_list(data.get("environments"), source, "field 'environments'")
    if not environments:
        raise InstancesFileError(f"{source}: field 'environments' must list at least one")
    for env in environments:
        if not NAME.match(env):
            raise InstancesFileError(
                f"{source}: environment {env!r} must be lower-case letters, digits and '-'"
            )
    entries = data.get("connectors")
    if not isinstance(entries, list) or not entries:
        raise InstancesFileError(f"{source}: field 'connectors' must be a non-empty list")

    connectors: list[Connector] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        where = f"{source}: connectors[{index}]"
        if not isinstance(entry, dict):
            raise InstancesFileError(f"{where}: must be a mapping, got {type(entry).__name__}")
        if isinstance(entry.get("name"), str):
            where += f" ({entry['name']!r})"
        unknown = sorted(set(map(str, entry)) - ENTRY_FIELDS)
        if unknown:
            raise InstancesFileError(
                f"{where}: unknown field(s) {', '.join(unknown)} "
                f"(expected: {', '.join(sorted(ENTRY_FIELDS))})"
            )
        for required in ("name", "element", "team"):
            value = entry.get(required)
            if not isinstance(value, str) or not value.strip():
                raise InstancesFileError(
                    f"{where}: field '{required}' is required and must be a non-empty string"
                )
        name, element, team = entry["name"], entry["element"], entry["team"]
        if not NAME.match(name):
            raise InstancesFileError(
                f"{where}: field 'name' must be lower-case letters, digits and '-', got {name!r}"
            )
        if name in seen:
            raise InstancesFileError(
                f"{where}: field 'name' repeats the name of connectors[{seen[name]}]"
            )
        seen[name] = index
        if not ELEMENT.match(element):
            raise InstancesFileError(
                f"{where}: field 'element' must be a connector key such as closeio, got {element!r}"
            )
        envs = environments
        if "environments" in entry:
            envs = _string_list(entry["environments"], where, "field 'environments'")
            stray = [e for e in envs if e not in environments]
            if stray or not envs:
                raise InstancesFileError(
                    f"{where}: field 'environments' must be a non-empty subset of "
                    f"{environments}, got {envs}"
                )
        tags = _string_list(entry.get("tags", []), where, "field 'tags'")
        disabled = entry.get("disabled")
        if disabled is not None and not isinstance(disabled, bool):
            raise InstancesFileError(f"{where}: field 'disabled' must be true or false")
        configuration = _string_map(entry.get("configuration", {}), where, "field 'configuration'")
        secrets = _string_map(entry.get("secrets", {}), where, "field 'secrets'")
        both = sorted(set(configuration) & set(secrets))
        if both:
            raise InstancesFileError(
                f"{where}: {', '.join(both)} is both in 'configuration' and in 'secrets'"
            )
        for key, ref in secrets.items():
            if not CONFIG_KEY.match(ref.replace("{env}", "env")):
                raise InstancesFileError(
                    f"{where}: field 'secrets.{key}' must name a stack config key, got {ref!r}"
                )
        connectors.append(
            Connector(name, element, team, envs, tags, disabled, configuration, secrets)
        )
    return environments, connectors


cfg = pulumi.Config()
instances_file = Path(__file__).parent / (cfg.get("instancesFile") or "instances.yaml")
try:
    instances_text = instances_file.read_text()
except OSError as exc:
    raise InstancesFileError(f"cannot read {instances_file}: {exc.strerror}") from None
_, connectors = parse_instances(instances_text, instances_file.name)

# Every secret the file names must be in the stack config: report all missing ones at once.
secret_values: dict[str, pulumi.Output[str]] = {}
missing: list[str] = []
for connector in connectors:
    for env in connector.environments:
        for ref in connector.secrets.values():
            key = ref.replace("{env}", env)
            if key in secret_values or key in missing:
                continue
            value = cfg.get_secret(key)
            if value is None:
                missing.append(key)
            else:
                secret_values[key] = value
if missing:
    raise InstancesFileError(
        f"{instances_file.name} names {len(missing)} secret(s) missing from the stack config: "
        f"{', '.join(missing)}. Set each with: pulumi config set --secret <name> -- <value>"
    )

instances: dict[str, oc.ConnectorInstance] = {}
for connector in connectors:
    for env in connector.environments:
        resource_name = f"{connector.name}-{env}"
        configuration: dict[str, pulumi.Input[str]] = {
            key: value.replace("{env}", env) for key, value in connector.configuration.items()
        }
        for key, ref in connector.secrets.items():
            configuration[key] = secret_values[ref.replace("{env}", env)]
        instances[resource_name] = oc.ConnectorInstance(
            resource_name,
            element_key=connector.element,
            name=f"{connector.name} ({env})",
            configuration=configuration,
            tags=list(dict.fromkeys([env, connector.team, *connector.tags])),
            disabled=connector.disabled,
        )

pulumi.export("instanceIds", {name: inst.instance_id for name, inst in instances.items()})
pulumi.export("instanceCount", len(instances))
