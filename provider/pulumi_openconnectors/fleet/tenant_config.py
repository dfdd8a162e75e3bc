"""A tenant's stack configuration, as the fleet program reads it (see :mod:`.program`)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from pulumi.automation import ConfigValue

from .model import ResolvedTenant
from .recovery import Endpoint
from .secrets import SecretResolver


def fleet_tag(project: str, stack: str) -> str:
    """The tag on every instance of a stack; how a recovery finds unrecorded instances."""
    return f"oc-fleet:{project}/{stack}"


def tenant_config(
    tenant: ResolvedTenant, project: str, environ: Mapping[str, str] | None = None
) -> tuple[dict[str, ConfigValue], Endpoint]:
    """The stack config map (secrets with ``secret=True``) and the tenant's API endpoint.

    Both endpoint keys are always set (the unused one empty), so a tenant that moves from
    ``base_url`` to ``region`` does not keep a stale ``baseUrl`` in its stack config.
    Raises FleetFileError naming the tenant and field of a reference that does not resolve.
    """
    resolver = SecretResolver(tenant, environ)
    base_url = resolver.value_or_env(tenant.base_url, "base_url")
    endpoint = Endpoint(
        base_url=base_url,
        region=tenant.region,
        user_secret=resolver.resolve(tenant.credentials.user_secret, "credentials.user_secret"),
        organization_secret=resolver.resolve(
            tenant.credentials.organization_secret, "credentials.organization_secret"
        ),
    )
    secret_values: dict[str, str] = {}
    instances = []
    for index, instance in enumerate(tenant.instances):
        refs: dict[str, str] = {}
        for key, reference in instance.secrets.items():
            ref = f"{instance.name}/{key}"
            secret_values[ref] = resolver.resolve(
                reference, f"instances[{index}] ({instance.name!r}).secrets.{key}"
            )
            refs[key] = ref
        entry = instance.model_dump(mode="json", exclude={"secrets"})
        entry["secrets"] = refs
        instances.append(entry)
    config = {
        "openconnectors:baseUrl": ConfigValue(base_url or ""),
        "openconnectors:region": ConfigValue(tenant.region or ""),
        "openconnectors:userSecret": ConfigValue(endpoint.user_secret, secret=True),
        "openconnectors:organizationSecret": ConfigValue(endpoint.organization_secret, secret=True),
        "instances": ConfigValue(json.dumps(instances, separators=(",", ":"))),
        "secretValues": ConfigValue(json.dumps(secret_values), secret=True),
        "fleetTag": ConfigValue(fleet_tag(project, tenant.stack)),
    }
    return config, endpoint
