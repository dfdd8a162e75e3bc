"""A check failure never prints an input's value (issue #19, item 5.1).

The engine prints a failing property's whole value next to the provider's reason ("property
configuration with value '{...}' has a problem"), unwrapping secrets to do so. Values that a
resource always treats as secret (every connector-instance configuration value, provider data)
are plain in the program, and a value from a config secret is plain inside the provider: none of
them may appear in the output of a preview or an up that check refuses.
"""

from __future__ import annotations

from typing import Any

import pytest

from .platform import Platform
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

CANARY = "canary-check-password-5e1f0a"
CONFIG_CANARY = "canary-check-config-secret-77d2b4"

HEADER = """
import pulumi
import pulumi_openconnectors as oc

secret = pulumi.Config().require_secret("apiKey")
"""

# One refused resource per program (the engine stops at the first check failure), with the
# field each refusal must name.
CASES = {
    "configuration['bad']": """oc.ConnectorInstance(
    "crm",
    element_key="closeio",
    configuration={"username": "u", "password": "CANARY", "bad": {"x": 1}},
)""",
    "configuration['empty']": """oc.ConnectorInstance(
    "crm",
    element_key="closeio",
    configuration={"username": "u", "password": "CANARY", "empty": None},
)""",
    "provider_data['bad']": """oc.ConnectorInstance(
    "social",
    element_key="hootsuite",
    configuration={"oauth.api.key": "k", "oauth.api.secret": secret},
    provider_data={"code": "CANARY", "bad": None},
)""",
    "configuration['bad'] ": """oc.FormulaInstance(
    "flow",
    formula_id=1,
    configuration={"token": "CANARY", "key": secret, "bad": {"x": 1}},
)""",
    "configuration[0].type": """oc.Formula(
    "formula",
    configuration=[{"key": "k", "type": "nope", "description": "CANARY"}],
    extra={"secretThing": secret},
)""",
    "fields[0].type": """oc.CommonResource(
    "contacts", name="contacts", fields=[{"path": "CANARY", "type": 5}, {"path": secret}]
)""",
    "fields[0].vendorPath": """oc.Transformation(
    "mapping",
    element_key="closeio",
    vendor_name="CANARY",
    object_name="contacts",
    fields=[{"path": secret, "vendorPath": 5}],
)""",
}


def test_check_failures_name_the_field_and_never_print_values(
    stack_factory: Any, emulator: Any
) -> None:
    stack = stack_factory(HEADER).init()
    configure_emulator(stack, emulator)
    stack.config("apiKey", CONFIG_CANARY, secret=True)

    for field, resource in CASES.items():
        stack.write_program(HEADER + resource.replace("CANARY", CANARY))
        results = [stack.preview(check=False)]
        if field.startswith("configuration['bad']") and "ConnectorInstance" in resource:
            results.append(stack.up(check=False))  # up checks the same way: once is enough
        for result in results:
            output = result.stdout + result.stderr
            assert result.returncode != 0, output
            assert CANARY not in output, output
            assert CONFIG_CANARY not in output, output
            assert field.strip() in output, (field, output)  # the refusal names its field
    writes = [r for r in Platform(emulator).requests_by_route() if not r.startswith("GET")]
    assert not writes, f"nothing may be written when check refuses: {writes}"
