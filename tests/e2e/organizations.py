"""Two organizations on one emulator (the plugin's explicit providers, Python and YAML): the
accounts, raw HTTP as either of them, and the API paths the tests read."""

from __future__ import annotations

from types import SimpleNamespace

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.emulator.settings import DEMO_ORGANIZATION_SECRET, DEMO_USER_SECRET

from .platform import Platform

DEMO_ACCOUNT = (DEMO_USER_SECRET, DEMO_ORGANIZATION_SECRET)
OTHER_ACCOUNT = ("plugin-other-user-secret", "plugin-other-organization-secret")
DEFINITIONS = "/organizations/objects/{}/definitions"
ORG_TRANSFORMATION = "/organizations/elements/{}/transformations/{}"


def platform_of(emulator: EmulatorServer, account: tuple[str, str]) -> Platform:
    """Raw HTTP as one of the emulator's accounts."""
    return Platform(
        SimpleNamespace(
            base_url=emulator.base_url, user_secret=account[0], organization_secret=account[1]
        )
    )
