"""Models against the seed documents: request bodies and the full example response."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from pulumi_openconnectors.models import (
    CreateInstanceRequest,
    Element,
    Instance,
    OAuthUrl,
    UpdateInstanceRequest,
)

# Seed 001: OAuth 2.0 payload (placeholders filled in).
SEED_OAUTH2_BODY = json.loads(
    """
{
  "element":{
    "key":"hootsuite"
  },
  "providerData":{
    "code":"the-grant-code"
  },
  "configuration":{
    "oauth.api.key": "client-key",
    "oauth.api.secret":"client-secret",
    "oauth.callback.url":"https://www.mycoolapp.com/auth"
  },
  "tags":[
    "Tag Name 1",
    "Tag Name 2"
  ],
  "name":"Instance Name",
  "retrieveObjectsAfterInstantiation": true
}
"""
)

# Seed 001: basic authentication payload.
SEED_BASIC_BODY = json.loads(
    """
{
  "element": {
    "key": "closeio"
  },
  "configuration": {
    "username": "jane",
    "password": "hunter2-password"
  },
  "tags": [
    "Tag Name 1",
    "Tag Name 2"
  ],
  "name": "My Close",
  "retrieveObjectsAfterInstantiation": true
}
"""
)

# Seed 002: Hootsuite create body (no retrieveObjectsAfterInstantiation).
SEED_HOOTSUITE_BODY = json.loads(
    """
{
  "element": {
    "key": "hootsuite"
  },
  "providerData": {
    "code": "xxxxxxxxxxxxxxxxxxxxxxx"
  },
  "configuration": {
    "oauth.callback.url": "https;//mycoolapp.com",
    "oauth.api.key": "xxxxxxxxxxxxxxxxxx",
    "oauth.api.secret": "xxxxxxxxxxxxxxxxxxxxxxxx"
  },
  "tags": [
    "Docs"
  ],
  "name": "API Instance"
}
"""
)

# Seed 002: the example response (its trailing extra brace removed).
SEED_RESPONSE = json.loads(
    """
{
  "id": 12345,
  "name": "API Instance",
  "createdDate": "2017-08-04T14:56:20Z",
  "token": "ABC/Dxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "element": {
      "id": 6791,
      "name": "Hootsuite",
      "hookName": "",
      "key": "hootsuite",
      "description": "Add a Hootsuite instance ...",
      "image": "elements/provider_hootsuite.png",
      "active": false,
      "deleted": false,
      "typeOauth": false,
      "trialAccount": false,
      "resources": [ ],
      "transformationsEnabled": true,
      "bulkDownloadEnabled": true,
      "bulkUploadEnabled": true,
      "cloneable": true,
      "extendable": false,
      "beta": true,
      "authentication": {
          "type": "oauth2"
      },
      "extended": false,
      "hub": "social",
      "protocolType": "http",
      "parameters": [],
      "private": false
    },
    "elementId": 4066,
    "tags": [
      "Docs"
      ],
    "provisionInteractions": [  ],
    "valid": true,
    "disabled": false,
    "maxCacheSize": 0,
    "cacheTimeToLive": 0,
    "configuration": {    },
    "eventsEnabled": false,
    "traceLoggingEnabled": false,
    "cachingEnabled": false,
    "externalAuthentication": "none",
    "user": {
        "id": 12345
      }
}
"""
)

SEED_OBJECTS = [
    {"name": "incidents", "vendorName": "Case", "type": "ceCanonical"},
    {"name": "Task", "vendorName": "Task", "type": "vendor"},
    {"name": "myAccounts", "vendorName": "Account", "type": "vdr"},
]


def test_oauth2_body_is_the_seed_payload() -> None:
    req = CreateInstanceRequest(
        element_key="hootsuite",
        name="Instance Name",
        provider_data={"code": "the-grant-code"},
        configuration={
            "oauth.api.key": "client-key",
            "oauth.api.secret": "client-secret",
            "oauth.callback.url": "https://www.mycoolapp.com/auth",
        },
        tags=["Tag Name 1", "Tag Name 2"],
        retrieve_objects_after_instantiation=True,
    )
    body = req.to_body()
    assert body == SEED_OAUTH2_BODY
    assert list(body) == list(SEED_OAUTH2_BODY)  # same key order as the document


def test_basic_body_is_the_seed_payload() -> None:
    req = CreateInstanceRequest(
        element_key="closeio",
        name="My Close",
        configuration={"username": "jane", "password": "hunter2-password"},
        tags=["Tag Name 1", "Tag Name 2"],
        retrieve_objects_after_instantiation=True,
    )
    assert req.to_body() == SEED_BASIC_BODY
    assert "providerData" not in req.to_body()


def test_hootsuite_body_is_the_seed_payload() -> None:
    req = CreateInstanceRequest(
        element_key="hootsuite",
        name="API Instance",
        provider_data={"code": "xxxxxxxxxxxxxxxxxxxxxxx"},
        configuration=SEED_HOOTSUITE_BODY["configuration"],
        tags=["Docs"],
    )
    assert req.to_body() == SEED_HOOTSUITE_BODY


def test_via_element_body_has_no_element() -> None:
    req = CreateInstanceRequest(element_id=6791, name="n", configuration={"a": "b"})
    assert req.to_body()["element"] == {"id": 6791}
    body = req.to_body(include_element=False)
    assert "element" not in body
    assert req.element_ref == "6791"


@pytest.mark.parametrize("kwargs", [{}, {"element_key": "a", "element_id": 1}])
def test_exactly_one_element_reference(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CreateInstanceRequest(name="n", **kwargs)


def test_request_repr_and_errors_hide_secrets() -> None:
    req = CreateInstanceRequest(
        element_key="closeio",
        name="n",
        configuration={"username": "jane", "password": "hunter2-password"},
        provider_data={"code": "grant-code-123"},
    )
    for text in (repr(req), str(req)):
        assert "hunter2-password" not in text
        assert "grant-code-123" not in text
    with pytest.raises(ValidationError) as info:
        CreateInstanceRequest(
            element_key="closeio",
            name="n",
            configuration={"password": ["hunter2-password"]},
        )
    assert "hunter2-password" not in str(info.value)


def test_update_body_only_set_fields() -> None:
    assert UpdateInstanceRequest().to_body() == {}
    assert UpdateInstanceRequest(tags=[]).to_body() == {"tags": []}
    full = UpdateInstanceRequest(
        name="x", tags=["a"], configuration={"password": "s3cret-pw"}, disabled=True
    )
    assert full.to_body() == {
        "name": "x",
        "tags": ["a"],
        "configuration": {"password": "s3cret-pw"},
        "disabled": True,
    }
    assert "s3cret-pw" not in repr(full)


def test_seed_response_parses() -> None:
    inst = Instance.model_validate(SEED_RESPONSE)
    assert inst.id == 12345
    assert inst.name == "API Instance"
    assert inst.created_date == datetime(2017, 8, 4, 14, 56, 20, tzinfo=timezone.utc)
    assert inst.token_value() == "ABC/Dxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    assert inst.element is not None
    assert inst.element.id == 6791
    assert inst.element_key == "hootsuite"
    assert inst.element.auth_type == "oauth2"
    assert inst.element.hub == "social"
    assert inst.element.type_oauth is False
    assert inst.element.model_extra is not None
    assert inst.element.model_extra["cloneable"] is True  # extra fields kept
    assert inst.element_id == 4066
    assert inst.tags == ["Docs"]
    assert inst.valid is True
    assert inst.disabled is False
    assert inst.configuration == {}
    assert inst.events_enabled is False
    assert inst.external_authentication == "none"
    assert inst.user == {"id": 12345}
    assert inst.objects is None


def test_token_never_in_repr() -> None:
    inst = Instance.model_validate(SEED_RESPONSE)
    assert "ABC/Dxxx" not in repr(inst)
    assert "ABC/Dxxx" not in str(inst)


def test_objects_parse() -> None:
    inst = Instance.model_validate({**SEED_RESPONSE, "objects": SEED_OBJECTS})
    assert inst.objects is not None
    assert [(o.name, o.vendor_name, o.type) for o in inst.objects] == [
        ("incidents", "Case", "ceCanonical"),
        ("Task", "Task", "vendor"),
        ("myAccounts", "Account", "vdr"),
    ]


def test_element_and_oauth_url() -> None:
    el = Element.model_validate(SEED_RESPONSE["element"])
    assert el.key == "hootsuite"
    url = OAuthUrl.model_validate(
        {
            "element": "hootsuite",
            "oauthUrl": "https://apis.hootsuite.com/auth/oauth/v2/authorize?scope=oob",
        }
    )
    assert url.oauth_url.startswith("https://apis.hootsuite.com/")
    assert url.element == "hootsuite"
