"""get_connector and find_instances against the emulator over HTTP (settings from the
environment, as outside a Pulumi program)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

import pulumi_openconnectors as oc
from pulumi_openconnectors.errors import NotFoundError


@pytest.fixture
def env(emulator: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("OPENCONNECTORS_BASE_URL", emulator.base_url)
    monkeypatch.setenv("OPENCONNECTORS_USER_SECRET", emulator.user_secret)
    monkeypatch.setenv("OPENCONNECTORS_ORGANIZATION_SECRET", emulator.organization_secret)
    monkeypatch.delenv("OPENCONNECTORS_REGION", raising=False)
    return emulator


def _create(emulator: Any, name: str, tags: list[str]) -> int:
    answer = requests.post(
        f"{emulator.base_url}/instances",
        json={
            "element": {"key": "closeio"},
            "name": name,
            "tags": tags,
            "configuration": {"username": "u", "password": "p"},
        },
        headers={
            "Authorization": f"User {emulator.user_secret}, "
            f"Organization {emulator.organization_secret}"
        },
        timeout=5,
    )
    answer.raise_for_status()
    return int(answer.json()["id"])


def test_get_connector(env: Any) -> None:
    sfdc = oc.get_connector("sfdc")
    assert (sfdc.key, sfdc.auth_type, sfdc.hub) == ("sfdc", "oauth2", "crm")
    assert oc.get_connector(sfdc.id or 0).key == "sfdc"
    with pytest.raises(NotFoundError):
        oc.get_connector("nosuchconnector")


def test_find_instances(env: Any) -> None:
    assert oc.find_instances(tags=["team-a"]) == []  # "No instances found" is an empty list
    first = _create(env, "crm-a", ["team-a", "prod"])
    second = _create(env, "crm-b", ["team-a"])
    _create(env, "crm-c", ["team-b"])
    assert [i.id for i in oc.find_instances(tags=["team-a"])] == [first, second]
    assert [i.id for i in oc.find_instances(tags=["team-a", "prod"])] == [first]
    [found] = oc.find_instances(name="crm-b", element_key="closeio")
    assert (found.id, found.tags) == (second, ("team-a",))
    assert not hasattr(found, "token")
