"""The plugin's provider in process, against the emulator: the same checks, operations and
client as the dynamic resources, behind camelCase names, secrets, import and explicit
providers (each with its own organization)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    CheckRequest,
    ConfigureRequest,
    CreateRequest,
    DeleteRequest,
    DiffRequest,
    ReadRequest,
    UpdateRequest,
)

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.emulator.settings import DEMO_ACCOUNT
from pulumi_openconnectors.plugin.provider import OpenConnectorsProvider
from pulumi_openconnectors.plugin.settings import config_lookup
from pulumi_openconnectors.plugin.values import PropertyMap, plain_map, property_map

OTHER = ("plugin-unit-other-user", "plugin-unit-other-org")
T = TypeVar("T")
TOKEN = "openconnectors:index:ConnectorInstance"


def run(call: Coroutine[Any, Any, T]) -> T:
    """Await a provider call on a loop of its own (``asyncio.run`` would leave the main thread
    without an event loop, which the SDK's mocks of other tests need)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(call)
    finally:
        loop.close()


def urn(type_token: str, name: str) -> str:
    return f"urn:pulumi:dev::proj::{type_token}::{name}"


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0, accounts=[DEMO_ACCOUNT, OTHER]) as server:
        yield server


def configured(emulator: EmulatorServer, account: tuple[str, str] | None = None) -> Any:
    """A provider as the engine configures it: the default provider from stack config
    (variables), an explicit one from its arguments."""
    provider = OpenConnectorsProvider()
    if account is None:
        variables = {
            "openconnectors:config:baseUrl": emulator.base_url,
            "openconnectors:config:userSecret": emulator.user_secret,
            "openconnectors:config:organizationSecret": emulator.organization_secret,
        }
        request = ConfigureRequest(variables, {}, True, True)
    else:
        args = property_map(
            {
                "baseUrl": emulator.base_url,
                "userSecret": account[0],
                "organizationSecret": account[1],
            },
            secrets=("userSecret", "organizationSecret"),
        )
        request = ConfigureRequest({}, args, True, True)
    run(provider.configure(request))
    return provider


def checked(provider: Any, token: str, name: str, inputs: dict[str, Any]) -> PropertyMap:
    answer = run(provider.check(CheckRequest(urn(token, name), {}, property_map(inputs), b"")))
    assert not answer.failures, [f.reason for f in answer.failures]
    result: PropertyMap = answer.inputs
    return result


def test_check_names_the_engines_properties_and_defaults_the_name(emulator: Any) -> None:
    provider = configured(emulator)
    inputs = checked(provider, TOKEN, "crm", {"elementKey": "closeio"})
    assert plain_map(inputs)["name"] == "crm"  # the resource name, as the resource classes do
    bad = run(
        provider.check(
            CheckRequest(
                urn(TOKEN, "crm"),
                {},
                property_map({"elementKey": "closeio", "elementId": 4032.0}),
                b"",
            )
        )
    )
    assert [f.reason for f in bad.failures] == [
        "elementKey: set exactly one of elementKey or elementId"
    ]
    foreign = run(
        provider.check(
            CheckRequest(urn(TOKEN, "crm"), {}, property_map({"element_key": "closeio"}), b"")
        )
    )
    assert foreign.failures and "unknown property 'element_key'" in foreign.failures[0].reason
    assert "elementKey" in foreign.failures[0].reason


def test_lifecycle_secrets_diff_and_import(emulator: Any) -> None:
    provider = configured(emulator)
    secret_password = {"username": "u@example.com", "password": "unit-canary"}
    inputs = checked(
        provider,
        TOKEN,
        "crm",
        {"elementKey": "closeio", "configuration": secret_password, "tags": ["a"]},
    )
    assert inputs["configuration"].is_secret  # a secret input stays secret
    created = run(provider.create(CreateRequest(urn(TOKEN, "crm"), inputs, 60, False)))
    outputs = created.properties
    assert outputs["token"].is_secret and outputs["configuration"].is_secret
    assert plain_map(outputs)["instanceId"] == float(created.resource_id)

    # an in-place change of tags, a replacing change of the connector
    news = dict(inputs)
    news["tags"] = PropertyValue([PropertyValue("a"), PropertyValue("b")])
    news["elementKey"] = PropertyValue("sfdc")
    diff = run(
        provider.diff(DiffRequest(urn(TOKEN, "crm"), created.resource_id, outputs, news, []))
    )
    assert diff.changes and diff.replaces == ["elementKey"]
    assert set(diff.detailed_diff) == {"tags[1]", "elementKey"}

    news["elementKey"] = PropertyValue("closeio")
    updated = run(
        provider.update(
            UpdateRequest(urn(TOKEN, "crm"), created.resource_id, outputs, news, 60, [], False)
        )
    )
    assert plain_map(updated.properties)["tags"] == ["a", "b"]

    # import: read with the id alone gives inputs that check and show no diff
    read = run(provider.read(ReadRequest(urn(TOKEN, "x"), created.resource_id, {}, {})))
    imported = plain_map(read.inputs)
    assert imported["elementKey"] == "closeio" and "elementId" not in imported
    assert imported["tags"] == ["a", "b"]
    again = checked(provider, TOKEN, "x", imported)
    no_diff = run(
        provider.diff(DiffRequest(urn(TOKEN, "x"), created.resource_id, read.properties, again, []))
    )
    assert not no_diff.changes and not no_diff.detailed_diff

    # a refresh keeps the program's inputs
    refreshed = run(
        provider.read(ReadRequest(urn(TOKEN, "crm"), created.resource_id, outputs, inputs))
    )
    assert refreshed.inputs == inputs

    run(
        provider.delete(
            DeleteRequest(urn(TOKEN, "crm"), created.resource_id, updated.properties, 60)
        )
    )
    gone = run(provider.read(ReadRequest(urn(TOKEN, "crm"), created.resource_id, outputs, inputs)))
    assert gone.resource_id is None


def test_explicit_providers_each_manage_their_own_organization(emulator: Any) -> None:
    token = "openconnectors:index:CommonResource"
    fields = [{"path": "id", "type": "string"}]
    made = {}
    for label, account in (("default", None), ("other", OTHER)):
        provider = configured(emulator, account)
        inputs = checked(provider, token, label, {"name": f"unit{label}", "fields": fields})
        made[label] = (
            provider,
            run(provider.create(CreateRequest(urn(token, label), inputs, 60, False))),
        )
    default, other = made["default"][0], made["other"][0]
    # each organization sees its own definition only
    assert run(default.read(ReadRequest(urn(token, "d"), "unitother", {}, {}))).resource_id is None
    assert run(other.read(ReadRequest(urn(token, "o"), "unitdefault", {}, {}))).resource_id is None
    assert run(other.read(ReadRequest(urn(token, "o"), "unitother", {}, {}))).resource_id
    for label, (provider, created) in made.items():
        run(
            provider.delete(
                DeleteRequest(urn(token, label), created.resource_id, created.properties, 60)
            )
        )


def test_configuration_from_variables_args_and_the_environment() -> None:
    lookup = config_lookup(
        {"openconnectors:config:baseUrl": "http://a/elements/api-v2", "aws:config:region": "x"},
        property_map({"maxRetries": 3.0, "userSecret": "s"}, secrets=("userSecret",)),
    )
    assert lookup("openconnectors:baseUrl") == "http://a/elements/api-v2"
    assert lookup("openconnectors:maxRetries") == 3
    assert lookup("openconnectors:userSecret") == "s"
    assert lookup("openconnectors:region") is None


def test_events_through_the_plugin(emulator: Any) -> None:
    """`events` (nested keys as written, snake_case): a secret, sent as the `event.*` keys,
    imported back without a diff; a bad field is a failure naming it."""
    provider = configured(emulator)
    events = {
        "type": "polling",
        "callbackUrl": "https://app.example/events",
    }
    bad = run(
        provider.check(
            CheckRequest(
                urn(TOKEN, "ev"),
                {},
                property_map({"elementKey": "closeio", "events": events}),
                b"",
            )
        )
    )
    assert any("events.callbackUrl is not a known field" in f.reason for f in bad.failures)
    events = {
        "type": "polling",
        "callback_url": "https://app.example/events",
        "poll_interval_minutes": 15.0,
        "objects": ["contacts"],
    }
    configuration = {"username": "u@example.com", "password": "unit-canary"}
    inputs = checked(
        provider,
        TOKEN,
        "ev",
        {"elementKey": "closeio", "configuration": configuration, "events": events},
    )
    assert inputs["events"].is_secret
    created = run(provider.create(CreateRequest(urn(TOKEN, "ev"), inputs, 60, False)))
    assert created.properties["events"].is_secret
    assert plain_map(created.properties)["events"]["poll_interval_minutes"] == 15

    read = run(provider.read(ReadRequest(urn(TOKEN, "x"), created.resource_id, {}, {})))
    imported = plain_map(read.inputs)
    assert imported["events"]["objects"] == ["contacts"]
    assert "event.objects" not in imported["configuration"]
    again = checked(provider, TOKEN, "x", imported)
    no_diff = run(
        provider.diff(DiffRequest(urn(TOKEN, "x"), created.resource_id, read.properties, again, []))
    )
    assert not no_diff.changes and not no_diff.detailed_diff
    run(
        provider.delete(
            DeleteRequest(urn(TOKEN, "ev"), created.resource_id, created.properties, 60)
        )
    )
