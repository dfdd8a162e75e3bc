"""The provider's methods called directly (as the dynamic-provider host calls them), against
the emulator over real HTTP."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import requests
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_openconnectors.errors import ProviderError
from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider

from ..conftest import configured_provider, instance_inputs, platform_headers, server_instances


def _inputs(**extra: Any) -> dict[str, Any]:
    return instance_inputs("Unit CRM", "pw-unit", **extra)


def test_the_pickled_provider_is_a_reference_without_state() -> None:
    """Pickled as pulumi_openconnectors._provider("ConnectorInstance"): short (it is in every
    resource's inputs and outputs), and it unpickles to the provider class."""
    import dill

    blob = base64.b64decode(serialize_provider(ConnectorInstanceProvider()))
    assert b"pulumi_openconnectors" in blob and b"_provider" in blob
    assert b"ConnectorInstance" in blob
    assert len(blob) <= 80
    assert type(dill.loads(blob)) is ConnectorInstanceProvider


def test_a_provider_pickled_by_its_class_path_still_loads() -> None:
    """States written before the short form name the class by its module path."""
    import dill

    old = base64.b64decode(
        "gASVYAAAAAAAAACMO3B1bHVtaV9vcGVuY29ubmVjdG9ycy5yZXNvdXJjZXMuY29ubmVjdG9yX2luc3RhbmNl"
        "LnByb3ZpZGVylIwZQ29ubmVjdG9ySW5zdGFuY2VQcm92aWRlcpSTlCmBlC4="
    )
    assert type(dill.loads(old)) is ConnectorInstanceProvider


def test_a_provider_with_state_or_off_convention_pickles_by_class() -> None:
    import pickle

    from pulumi_openconnectors.resources.provider import provider_class

    assert provider_class("ConnectorInstance") is ConnectorInstanceProvider
    configured = ConnectorInstanceProvider()
    configured.marker = "x"  # type: ignore[attr-defined]
    blob = pickle.dumps(configured, protocol=4)
    assert b"_provider" not in blob and b"ConnectorInstanceProvider" in blob
    assert pickle.loads(blob).marker == "x"


def test_a_provider_pickled_by_an_earlier_version_still_loads() -> None:
    """States written before the resources/ layout name pulumi_openconnectors.instance_provider:
    refresh and destroy of those stacks unpickle it."""
    import dill  # type: ignore[import-untyped]

    old = (
        b"\x80\x04\x95L\x00\x00\x00\x00\x00\x00\x00\x8c'pulumi_openconnectors.instance_provider"
        b"\x94\x8c\x19ConnectorInstanceProvider\x94\x93\x94)\x81\x94."
    )
    provider = dill.loads(old)
    assert isinstance(provider, ConnectorInstanceProvider)


def test_create_read_update_delete(provider: ConnectorInstanceProvider, emulator: Any) -> None:
    created = provider.create(_inputs(retrieve_objects=True))
    outs = created.outs or {}
    assert created.id == str(outs["instance_id"])
    assert outs["name"] == "Unit CRM"
    assert outs["tags"] == ["unit"]
    assert outs["element_key"] == "closeio"
    assert outs["token"]
    assert outs["objects"] and all("vendor_name" in o for o in outs["objects"])
    assert outs["created_date"].endswith("Z")
    [server] = server_instances(emulator)
    assert outs["ownership_tag"] in server["tags"]

    read = provider.read(created.id, outs)
    assert read.id == created.id
    assert (read.outs or {})["name"] == "Unit CRM"
    assert (read.outs or {})["objects"] == outs["objects"], "objects survive a refresh"

    news = _inputs(name="Unit CRM 2", tags=["unit", "two"])
    diff = provider.diff(created.id, outs, news)
    assert diff.changes and not diff.replaces
    updated = provider.update(created.id, outs, news).outs or {}
    assert updated["name"] == "Unit CRM 2"
    assert sorted(updated["tags"]) == ["two", "unit"]
    [server] = server_instances(emulator)
    assert outs["ownership_tag"] in server["tags"], "updates keep the ownership tag"

    assert not provider.diff(created.id, updated, news).changes

    provider.delete(created.id, updated)
    assert server_instances(emulator) == []
    provider.delete(created.id, updated)  # deleting what is gone succeeds

    gone = provider.read(created.id, updated)
    assert gone.id is None


def test_diff_replaces_only_on_element_change(provider: ConnectorInstanceProvider) -> None:
    olds = {**_inputs(), "element_id": 4032, "ownership_tag": "pulumi-openconnectors:x"}
    assert provider.diff("1", olds, _inputs(element_key="brighttalk")).replaces == ["element_key"]
    same_by_id = {**_inputs(), "element_key": None, "element_id": 4032}
    assert not provider.diff("1", olds, same_by_id).changes
    code_changed = _inputs(provider_data={"code": "another"})
    assert not provider.diff("1", olds, code_changed).changes, "provider_data is create-only"


def test_update_removing_a_configuration_key_uses_put(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    created = provider.create(_inputs(configuration={"username": "u", "password": "p", "x": "1"}))
    olds = created.outs or {}
    news = _inputs(configuration={"username": "u", "password": "p"})
    provider.update(created.id, olds, news)
    [server] = server_instances(emulator)
    assert "x" not in server["configuration"]


@pytest.mark.parametrize(
    "rule",
    [
        {"action": "lose_response", "count": 1},  # created, answer lost: adopt, do not duplicate
        {"action": "drop", "count": 1},  # never executed: post again
        {"action": "status", "status": 503, "count": 2},  # 5xx on POST: look, then post again
    ],
    ids=["lose_response", "drop", "503"],
)
def test_create_reconciles_an_unclear_answer(
    provider: ConnectorInstanceProvider, emulator: Any, rule: dict[str, Any]
) -> None:
    emulator.admin.set_faults(
        {"seed": 1, "rules": [{"method": "POST", "path": "/instances", **rule}]}
    )
    created = provider.create(_inputs())
    emulator.admin.clear_faults()
    servers = server_instances(emulator)
    assert [s["id"] for s in servers] == [int(created.id)], "exactly one instance, the one in state"


def test_create_with_the_api_down_leaves_nothing_and_says_so(emulator: Any) -> None:
    provider = configured_provider(
        emulator, **{"openconnectors:baseUrl": "http://127.0.0.1:9/elements/api-v2"}
    )
    with pytest.raises(ProviderError) as info:
        provider.create(_inputs())
    assert "pw-unit" not in str(info.value)


def test_adoption(provider: ConnectorInstanceProvider, emulator: Any) -> None:
    answer = requests.post(
        f"{emulator.base_url}/instances",
        json={
            "element": {"key": "closeio"},
            "name": "by hand",
            "configuration": {"username": "h", "password": "hp"},
            "tags": ["old"],
        },
        headers=platform_headers(emulator),
        timeout=5,
    )
    existing = answer.json()
    adopted = provider.create(_inputs(adopt_instance_id=existing["id"]))
    assert adopted.id == str(existing["id"])
    [server] = server_instances(emulator)
    assert server["name"] == "Unit CRM"

    with pytest.raises(ProviderError, match=r"adopt_instance_id=.*brighttalk"):
        provider.create(_inputs(element_key="brighttalk", adopt_instance_id=existing["id"]))


def test_missing_settings_name_the_keys(emulator: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from pulumi.dynamic import Config, ConfigureRequest

    for var in ("BASE_URL", "REGION", "USER_SECRET", "ORGANIZATION_SECRET", "BEARER_TOKEN"):
        monkeypatch.delenv(f"OPENCONNECTORS_{var}", raising=False)

    provider = ConnectorInstanceProvider()
    provider.configure(ConfigureRequest(Config({}, project_name="unit")))
    with pytest.raises(Exception) as info:
        provider.create(_inputs())
    message = str(info.value)
    assert "openconnectors:baseUrl" in message
    assert "OPENCONNECTORS_USER_SECRET" in message


def test_check_stores_no_input_that_holds_its_default() -> None:
    """retrieve_objects=false, empty tags and configuration are not recorded in state; the
    shared base keeps every input unless a type opts in."""
    from pulumi_openconnectors.resources.operations import Operations

    provider = ConnectorInstanceProvider()
    checked = provider.check({}, _inputs(tags=[], retrieve_objects=False)).inputs
    assert "retrieve_objects" not in checked and "tags" not in checked
    assert checked["configuration"] == {"username": "u@example.com", "password": "pw-unit"}
    kept = provider.check({}, _inputs(retrieve_objects=True)).inputs
    assert kept["retrieve_objects"] is True
    assert Operations.omit_default_inputs is False


def test_check_draws_the_ownership_tag_the_create_uses(
    provider: ConnectorInstanceProvider, emulator: Any
) -> None:
    """The engine records a create's checked inputs with its pending operation: they name the
    ownership tag the create will put on the instance (`recover` finds it by that)."""
    from pulumi_openconnectors.markers import CREATE_MARKER_KEY

    checked = provider.check({}, _inputs()).inputs
    again = provider.check({}, _inputs()).inputs
    marker = checked[CREATE_MARKER_KEY]
    assert marker.startswith("pulumi-openconnectors:") and again[CREATE_MARKER_KEY] != marker
    assert provider.diff("1", checked, again).changes is False  # never a change by itself
    created = provider.create(checked)
    assert (created.outs or {})["ownership_tag"] == marker
    [server] = server_instances(emulator)
    assert marker in server["tags"]
