"""Configuration values through the real engine: numbers and booleans reach the API as the
documented strings, None is a check error naming the key, and a preview whose configuration is
not known yet does not fail on rules that need it (issue #10)."""

from __future__ import annotations

from typing import Any

import pytest

from .live import Live
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

TYPED = """
import pulumi
import pulumi_openconnectors as oc
crm = oc.ConnectorInstance("crm", element_key="closeio", name="typed",
    configuration={"username": "u", "password": "p", "port": PORT, "ssl": True, "ratio": 1.5})
pulumi.export("id", crm.instance_id)
"""

NONE_VALUE = """
import pulumi_openconnectors as oc
oc.ConnectorInstance("crm", element_key="closeio",
    configuration={"username": "u", "password": "p", "site": None})
"""

UNKNOWN_CONFIGURATION = """
import pulumi
import pulumi_openconnectors as oc
first = oc.ConnectorInstance("first", element_key="closeio",
    configuration={"username": "u", "password": "p"})
# known only once `first` exists: unknown during the first preview
oauth = first.name.apply(lambda n: {"oauth.api.key": "k-" + n, "oauth.api.secret": "s",
                                    "oauth.callback.url": "http://127.0.0.1:9/cb"})
oc.ConnectorInstance("social", element_key="hootsuite", configuration=oauth,
                     provider_data={"code": "not-used-by-a-preview"})
"""


def test_numbers_and_booleans_reach_the_api_as_strings(stack_factory: Any, emulator: Any) -> None:
    stack = stack_factory(TYPED.replace("PORT", "8080")).init()
    configure_emulator(stack, emulator)
    stack.up()
    live = Live(emulator)
    instance = live.get(stack.outputs()["id"])
    assert instance is not None
    shown = instance["configuration"]
    assert (shown["port"], shown["ssl"], shown["ratio"]) == ("8080", "true", "1.5")
    stack.preview("--expect-no-changes")
    stack.write_program(TYPED.replace("PORT", "8081"))
    stack.up()
    instance = live.get(stack.outputs()["id"])
    assert instance is not None and instance["configuration"]["port"] == "8081"
    stack.destroy()


def test_a_none_value_is_a_check_error_naming_the_key(stack_factory: Any, emulator: Any) -> None:
    stack = stack_factory(NONE_VALUE).init()
    configure_emulator(stack, emulator)
    result = stack.preview(check=False)
    assert result.returncode != 0
    assert "configuration['site'] has no value (None)" in result.stdout + result.stderr
    assert emulator.admin.stats()["requests"].get("POST /instances", 0) == 0


def test_a_preview_with_configuration_not_known_yet_passes(
    stack_factory: Any, emulator: Any
) -> None:
    stack = stack_factory(UNKNOWN_CONFIGURATION).init()
    configure_emulator(stack, emulator)
    result = stack.preview()
    assert "needs 'oauth.api.key'" not in result.stdout + result.stderr
    assert "+ 3 to create" in result.stdout or "3 to create" in result.stdout
