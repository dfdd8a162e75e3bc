"""Bad input gets one clear error naming the field or setting, and nothing is created.

Resource inputs are checked by `check` (before anything is sent); settings and the API's own
refusals surface from `create`. Each case then verifies the emulator holds no instance."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.instance_provider import ConnectorInstanceProvider

from ..conftest import configured_provider, server_instances

GOOD: dict[str, Any] = {
    "element_key": "closeio",
    "name": "Valid",
    "configuration": {"username": "u@example.com", "password": "pw-bad-input"},
    "tags": ["ok"],
}

# (case id, changes to GOOD (None removes the key), property named, fragment of the reason)
CHECK_CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("no element", {"element_key": None}, "element_key", "exactly one"),
    ("key and id", {"element_id": 4032}, "element_key", "exactly one"),
    ("empty key", {"element_key": ""}, "element_key", "connector key"),
    ("key with space", {"element_key": "close io"}, "element_key", "connector key"),
    ("key not a string", {"element_key": 123}, "element_key", "string"),
    ("id not a number", {"element_key": None, "element_id": "abc"}, "element_id", "integer"),
    ("id negative", {"element_key": None, "element_id": -5}, "element_id", "greater than 0"),
    ("id fractional", {"element_key": None, "element_id": 1.5}, "element_id", "whole number"),
    ("id boolean", {"element_key": None, "element_id": True}, "element_id", "whole number"),
    ("empty name", {"name": ""}, "name", "must not be empty"),
    ("blank name", {"name": "   "}, "name", "must not be empty"),
    ("long name", {"name": "n" * 256}, "name", "at most 255"),
    ("name not a string", {"name": 42}, "name", "string"),
    ("name missing", {"name": None}, "name", "required"),
    ("tags a string", {"tags": "a,b"}, "tags", "list of strings"),
    ("tags numbers", {"tags": [1, 2]}, "tags", "must be a string"),
    ("empty tag", {"tags": ["ok", ""]}, "tags", "must not be empty"),
    ("duplicate tag", {"tags": ["dup", "dup"]}, "tags", "duplicate"),
    ("long tag", {"tags": ["t" * 256]}, "tags", "at most 255"),
    ("reserved tag", {"tags": ["pulumi-openconnectors:mine"]}, "tags", "reserved"),
    ("configuration a string", {"configuration": "user=x"}, "configuration", "mapping"),
    ("configuration empty key", {"configuration": {"": "x"}}, "configuration", "non-empty"),
    ("configuration list value", {"configuration": {"username": ["a"]}}, "configuration", "string"),
    ("configuration map value", {"configuration": {"k": {"a": 1}}}, "configuration", "string"),
    ("basic without password", {"configuration": {"username": "u"}}, "configuration", "password"),
    (
        "basic with empty password",
        {"configuration": {"username": "u", "password": ""}},
        "configuration",
        "password",
    ),
    (
        "oauth code without oauth keys",
        {"element_key": "hootsuite", "configuration": {}, "provider_data": {"code": "c"}},
        "configuration",
        "oauth.api.key",
    ),
    ("provider_data a string", {"provider_data": "code"}, "provider_data", "mapping"),
    ("provider_data null value", {"provider_data": {"code": None}}, "provider_data", "string"),
    ("retrieve_objects a string", {"retrieve_objects": "yes"}, "retrieve_objects", "true or false"),
    ("disabled a string", {"disabled": "false"}, "disabled", "true or false"),
    ("adopt id not a number", {"adopt_instance_id": "abc"}, "adopt_instance_id", "integer"),
    ("adopt id zero", {"adopt_instance_id": 0}, "adopt_instance_id", "greater than 0"),
    ("misspelt property", {"element": "closeio"}, "element", "unknown property"),
]


def _with(changes: dict[str, Any]) -> dict[str, Any]:
    props = dict(GOOD)
    for key, value in changes.items():
        if value is None:
            props.pop(key, None)
        else:
            props[key] = value
    return props


@pytest.mark.parametrize(
    ("changes", "prop", "fragment"),
    [case[1:] for case in CHECK_CASES],
    ids=[case[0] for case in CHECK_CASES],
)
def test_check_names_the_field(
    provider: ConnectorInstanceProvider,
    emulator: Any,
    changes: dict[str, Any],
    prop: str,
    fragment: str,
) -> None:
    result = provider.check({}, _with(changes))
    assert len(result.failures) == 1, [(f.property, f.reason) for f in result.failures]
    [failure] = result.failures
    assert failure.property == ""  # the engine would print the property's value (item 5.1)
    assert prop in failure.reason
    assert fragment in failure.reason
    with pytest.raises(Exception, match=prop):
        provider.create(_with(changes))  # create re-validates: never sends bad input
    assert server_instances(emulator) == []


def test_the_good_input_passes(provider: ConnectorInstanceProvider) -> None:
    assert provider.check({}, GOOD).failures == []


# (case id, stack settings overrides, inputs overrides, fragment expected in the error)
CREATE_CASES: list[tuple[str, dict[str, str], dict[str, Any], str]] = [
    ("unknown connector", {}, {"element_key": "nosuchconnector"}, "nosuchconnector"),
    (
        "missing required configuration for the connector",
        {},
        {"element_key": "brighttalk", "configuration": {"brighttalk.api.key": "k"}},
        "brighttalk.api.secret",
    ),
    (
        "unknown oauth code",
        {},
        {
            "element_key": "hootsuite",
            "configuration": {
                "oauth.api.key": "k",
                "oauth.api.secret": "s",
                "oauth.callback.url": "http://127.0.0.1:9/cb",
            },
            "provider_data": {"code": "never-issued"},
        },
        "code",
    ),
    (
        "wrong user secret",
        {"openconnectors:userSecret": "wrong-user"},
        {},
        "openconnectors:userSecret",
    ),
    ("bad base url", {"openconnectors:baseUrl": "ftp://example"}, {}, "openconnectors:baseUrl"),
    (
        "region typo",
        {"openconnectors:baseUrl": "", "openconnectors:region": "us3"},
        {},
        "openconnectors:region",
    ),
    ("timeout not a number", {"openconnectors:timeout": "fast"}, {}, "openconnectors:timeout"),
    ("negative retries", {"openconnectors:maxRetries": "-1"}, {}, "openconnectors:maxRetries"),
    (
        "unreachable host",
        {"openconnectors:baseUrl": "http://127.0.0.1:9/elements/api-v2"},
        {},
        "127.0.0.1:9",
    ),
]


@pytest.mark.parametrize(
    ("settings", "changes", "fragment"),
    [case[1:] for case in CREATE_CASES],
    ids=[case[0] for case in CREATE_CASES],
)
def test_create_refusals_are_clear_and_leave_nothing(
    emulator: Any,
    monkeypatch: pytest.MonkeyPatch,
    settings: dict[str, str],
    changes: dict[str, Any],
    fragment: str,
) -> None:
    for var in ("BASE_URL", "REGION", "USER_SECRET", "ORGANIZATION_SECRET"):
        monkeypatch.delenv(f"OPENCONNECTORS_{var}", raising=False)
    provider = configured_provider(emulator, **settings)
    props = _with(changes)
    assert provider.check({}, props).failures == []
    with pytest.raises(Exception) as info:
        provider.create(props)
    message = str(info.value)
    assert fragment in message
    assert "pw-bad-input" not in message and "wrong-user" not in message
    assert "Traceback" not in message
    assert server_instances(emulator) == []
