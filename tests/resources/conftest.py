from __future__ import annotations

from typing import Any

import pytest
from pulumi.dynamic import Config, ConfigureRequest

from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider

from ..listing import read_list


def configured_provider(emulator: Any, **overrides: str) -> ConnectorInstanceProvider:
    """A provider configured the way the dynamic-provider host does it, from stack config."""
    raw = {
        "openconnectors:baseUrl": emulator.base_url,
        "openconnectors:userSecret": emulator.user_secret,
        "openconnectors:organizationSecret": emulator.organization_secret,
        "openconnectors:maxRetries": "2",
        "openconnectors:timeout": "5",
    }
    raw.update(overrides)
    provider = ConnectorInstanceProvider()
    provider.configure(ConfigureRequest(Config(raw, project_name="unit")))
    return provider


@pytest.fixture
def provider(emulator: Any) -> ConnectorInstanceProvider:
    return configured_provider(emulator)


def platform_headers(emulator: Any) -> dict[str, str]:
    return {
        "Authorization": f"User {emulator.user_secret}, Organization {emulator.organization_secret}"
    }


def server_instances(emulator: Any) -> list[dict[str, Any]]:
    """The instances the emulator holds, read over HTTP independently of the client (a 404
    `No instances found` is none)."""
    return read_list(f"{emulator.base_url}/instances", platform_headers(emulator), timeout=5)


def instance_inputs(default_name: str, password: str, **extra: Any) -> dict[str, Any]:
    """Valid inputs of a basic-auth (closeio) instance, with ``extra`` overriding."""
    props: dict[str, Any] = {
        "element_key": "closeio",
        "name": default_name,
        "configuration": {"username": "u@example.com", "password": password},
        "tags": ["unit"],
        "retrieve_objects": False,
    }
    props.update(extra)
    return props
