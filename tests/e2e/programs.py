"""Pulumi programs for the end-to-end tests, and the stack configuration they read."""

from __future__ import annotations

import json
from typing import Any

from pulumi_openconnectors.devtools.launcher import credentials_env

from .harness import Stack

# One program serves most tests: it reads the instances to declare from stack config, so a
# test moves between steps by changing config (as a GitOps change would) - secret values come
# from `pulumi config set --secret`, never from the program text.
INSTANCES_PROGRAM = """
import json
import pulumi
import pulumi_openconnectors as oc

cfg = pulumi.Config()
specs = json.loads(cfg.require("instances"))
secret_values = cfg.get_secret_object("secretValues") or {}

instances = {}
for resource_name, spec in specs.items():
    configuration = dict(spec.get("configuration", {}))
    for key, ref in spec.get("secretConfiguration", {}).items():
        configuration[key] = secret_values.apply(lambda v, ref=ref: v[ref])
    provider_data = None
    if "providerDataRef" in spec:
        provider_data = {"code": secret_values.apply(lambda v, r=spec["providerDataRef"]: v[r])}
    instances[resource_name] = oc.ConnectorInstance(
        resource_name,
        element_key=spec.get("element_key"),
        element_id=spec.get("element_id"),
        name=spec.get("name"),
        configuration=configuration,
        provider_data=provider_data,
        tags=spec.get("tags"),
        retrieve_objects=spec.get("retrieve_objects", False),
        disabled=spec.get("disabled"),
        adopt_instance_id=spec.get("adopt_instance_id"),
    )

for resource_name, inst in instances.items():
    pulumi.export(f"{resource_name}.id", inst.instance_id)
    pulumi.export(f"{resource_name}.token", inst.token)
    pulumi.export(f"{resource_name}.name", inst.name)
    pulumi.export(f"{resource_name}.tags", inst.tags)
    pulumi.export(f"{resource_name}.element_key", inst.element_key)
    pulumi.export(f"{resource_name}.objects", inst.objects)
"""


def basic_instance(name: str, password_ref: str = "pw", **extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "element_key": "closeio",
        "name": name,
        "configuration": {"username": "e2e@example.com"},
        "secretConfiguration": {"password": password_ref},
        "tags": ["e2e"],
    }
    spec.update(extra)
    return spec


def configure_emulator(stack: Stack, emulator: Any, via_env: bool = False) -> None:
    """Point the stack at the emulator: stack config (secrets encrypted), or env vars."""
    if via_env:
        stack.extra_env.update(credentials_env(emulator))
        return
    stack.config_all(
        {"openconnectors:baseUrl": emulator.base_url},
        {
            "openconnectors:userSecret": emulator.user_secret,
            "openconnectors:organizationSecret": emulator.organization_secret,
        },
    )


def set_instances(
    stack: Stack, instances: dict[str, Any], secret_values: dict[str, str] | None = None
) -> None:
    # One `pulumi config set-all`; the secret values are stored as one secret JSON string,
    # which the program reads with get_secret_object.
    secret = None if secret_values is None else {"secretValues": json.dumps(secret_values)}
    stack.config_all({"instances": json.dumps(instances)}, secret)
