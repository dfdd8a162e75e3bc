from __future__ import annotations

from typing import Any

import pytest
from pulumi.dynamic import Config, ConfigureRequest

from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider


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
