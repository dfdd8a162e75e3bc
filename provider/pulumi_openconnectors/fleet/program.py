"""The Pulumi program every fleet stack runs: one ConnectorInstance per instance of its tenant.

The fleet runner writes a project directory whose ``__main__.py`` calls :func:`main`; the
tenant's instances come from stack config, set by the runner before every operation:

- ``instances``: JSON list of ``{name, element, instance_name, tags, disabled, configuration,
  secrets}`` where ``secrets`` maps a configuration key to a key of ``secretValues``;
- ``secretValues`` (secret): JSON object of the secret values (passwords, API secrets);
- ``fleetTag``: a tag put on every instance of the stack (``oc-fleet:<project>/<stack>``), by
  which a recovery finds instances that a killed run created but never recorded.

The provider settings are the stack's ``openconnectors:*`` config. Exports ``instanceIds``
(resource name -> instance id). Kept free of pydantic and the HTTP client: the program only
declares resources.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

PROGRAM_MAIN = (
    '"""Written by the fleet runner: the stack program is in the package."""\n'
    "from pulumi_openconnectors.fleet.program import main\n\nmain()\n"
)


def _pick(ref: str) -> Callable[[Any], str]:
    return lambda values: str(values[ref])


def main() -> None:
    import pulumi

    from ..resources.connector_instance.resource import ConnectorInstance

    cfg = pulumi.Config()
    specs: list[dict[str, Any]] = json.loads(cfg.require("instances"))
    fleet_tag = cfg.require("fleetTag")
    secret_values = cfg.get_secret_object("secretValues")

    instances: dict[str, ConnectorInstance] = {}
    for spec in specs:
        configuration: dict[str, Any] = dict(spec.get("configuration") or {})
        for key, ref in (spec.get("secrets") or {}).items():
            if secret_values is None:
                raise pulumi.RunError("stack config secretValues is missing")
            configuration[key] = secret_values.apply(_pick(ref))
        tags = list(dict.fromkeys([*spec.get("tags", []), fleet_tag]))
        name = spec["name"]
        instances[name] = ConnectorInstance(
            name,
            element_key=spec["element"],
            name=spec.get("instance_name") or name,
            configuration=configuration,
            tags=tags,
            disabled=spec.get("disabled"),
        )
    pulumi.export("instanceIds", {n: inst.instance_id for n, inst in instances.items()})
