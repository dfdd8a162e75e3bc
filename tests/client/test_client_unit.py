"""The client's request composition and retry loop, over a fake session (no network)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
import requests
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from pulumi_openconnectors.client import USER_AGENT, ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.errors import (
    RateLimitError,
    ServerError,
    TransportError,
    UnexpectedResponseError,
)
from pulumi_openconnectors.models import CreateInstanceRequest, UpdateInstanceRequest

BASE = "http://api.test/elements/api-v2"
USER = "unit-user-secret"
ORG = "unit-org-secret"
INSTANCE = {"id": 7, "name": "n", "token": "tok-abcdef", "tags": ["t"], "configuration": {}}

Outcome = Callable[[], requests.Response]


def response(status: int, body: Any = None, headers: dict[str, str] | None = None) -> Outcome:
    def make() -> requests.Response:
        r = requests.Response()
        r.status_code = status
        r._content = b"" if body is None else json.dumps(body).encode()
        r.headers.update(headers or {})
        return r

    return make


def raising(exc: Exception) -> Outcome:
    def make() -> requests.Response:
        raise exc

    return make


class FakeSession(requests.Session):
    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__()
        self.outcomes = outcomes
        self.calls: list[dict[str, Any]] = []

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.calls.append({"method": method, "url": url, **kwargs})
        return self.outcomes.pop(0)()


def make(
    outcomes: list[Outcome], **settings: Any
) -> tuple[OpenConnectorsClient, FakeSession, list[float]]:
    session = FakeSession(outcomes)
    sleeps: list[float] = []

    class Top(random.Random):
        def uniform(self, a: float, b: float) -> float:
            return b

    client = OpenConnectorsClient(
        ClientSettings(base_url=BASE, user_secret=USER, organization_secret=ORG, **settings),
        session=session,
        sleep=sleeps.append,
        rng=Top(),
    )
    return client, session, sleeps


CONNECT_REFUSED = requests.ConnectionError(
    MaxRetryError(None, "/x", NewConnectionError(None, "Failed to establish: refused"))  # type: ignore[arg-type]
)
DROPPED = requests.ConnectionError(
    ProtocolError("Connection aborted.", ConnectionResetError(104, "Connection reset by peer"))
)


def test_default_session_pool_and_headers() -> None:
    client = OpenConnectorsClient(
        ClientSettings(base_url=BASE, user_secret=USER, organization_secret=ORG)
    )
    adapter = client.session.get_adapter(BASE)
    assert adapter._pool_maxsize >= 16  # type: ignore[attr-defined]
    assert client.session.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("pulumi-openconnectors/")
    client.close()


def test_platform_call_composition() -> None:
    client, session, _ = make([response(200, INSTANCE)], timeout=5.0)
    inst = client.get_instance(7)
    assert inst.id == 7
    call = session.calls[0]
    assert call["method"] == "GET"
    assert call["url"] == f"{BASE}/instances/7"
    assert call["headers"]["Authorization"] == f"User {USER}, Organization {ORG}"
    assert "Content-Type" not in call["headers"]
    assert call["timeout"] == (5.0, 5.0)
    assert client.stats == {"GET /instances/{id}": 1}


def test_bearer_token_is_used_for_platform_calls() -> None:
    client, session, _ = make([response(200, [])], bearer_token="jwt-token-1")
    client.list_instances()
    assert session.calls[0]["headers"]["Authorization"] == "Bearer jwt-token-1"


def test_create_sends_the_seed_body_as_json() -> None:
    client, session, _ = make([response(200, INSTANCE)])
    req = CreateInstanceRequest(
        element_key="closeio", name="n", configuration={"username": "u", "password": "pw-123"}
    )
    client.create_instance(req)
    call = session.calls[0]
    assert call["url"] == f"{BASE}/instances"
    assert call["headers"]["Content-Type"] == "application/json"
    assert json.loads(call["data"]) == req.to_body()


def test_create_via_element_uses_the_element_route() -> None:
    client, session, _ = make([response(200, INSTANCE)])
    client.create_instance(CreateInstanceRequest(element_key="a b", name="n"), via_element=True)
    assert session.calls[0]["url"] == f"{BASE}/elements/a%20b/instances"
    assert "element" not in json.loads(session.calls[0]["data"])
    assert client.stats == {"POST /elements/{keyOrId}/instances": 1}


def test_list_instances_tags_query_and_hub_header() -> None:
    client, session, _ = make([response(200, [INSTANCE]), response(200, [{"id": 1}])])
    assert [i.id for i in client.list_instances(tags=["a", "b"])] == [7]
    assert session.calls[0]["params"] == [("tags[]", "a"), ("tags[]", "b")]
    assert client.hub_get("tok-abcdef", "crm", "contacts") == [{"id": 1}]
    assert session.calls[1]["url"] == f"{BASE}/hubs/crm/contacts"
    assert session.calls[1]["headers"]["Authorization"] == f"User {USER}, Element tok-abcdef"


def test_update_and_replace_and_delete() -> None:
    client, session, _ = make([response(200, INSTANCE), response(200, INSTANCE), response(200, {})])
    client.update_instance(7, UpdateInstanceRequest(tags=["x"]))
    client.replace_instance(7, {"name": "n", "tags": [], "configuration": {"a": "bbbb"}})
    client.delete_instance(7)
    assert [c["method"] for c in session.calls] == ["PATCH", "PUT", "DELETE"]
    assert json.loads(session.calls[0]["data"]) == {"tags": ["x"]}


def test_get_retries_5xx_with_backoff_then_succeeds() -> None:
    client, _, sleeps = make(
        [response(503, {}), response(502, {}), response(500, {}), response(200, INSTANCE)]
    )
    assert client.get_instance(7).id == 7
    assert sleeps == [0.5, 1.0, 2.0]
    assert client.stats["GET /instances/{id}"] == 4


def test_get_gives_up_after_max_retries() -> None:
    client, _, sleeps = make([response(503, {"message": "down"})] * 3, max_retries=2)
    with pytest.raises(ServerError) as info:
        client.get_instance(7)
    assert info.value.ambiguous is False
    assert "Gave up after 3 attempts" in str(info.value)
    assert len(sleeps) == 2


def test_retry_after_is_honoured() -> None:
    client, _, sleeps = make(
        [
            response(429, {}, {"Retry-After": "3"}),
            response(503, {}, {"Retry-After": "0.2"}),
            response(200, []),
        ]
    )
    assert client.list_instances() == []
    assert sleeps == [3.0, 0.2]


def test_backoff_is_capped() -> None:
    client, _, sleeps = make(
        [response(503, {})] * 6 + [response(200, [])], max_retries=6, backoff_max=3.0
    )
    client.list_instances()
    assert sleeps == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_post_5xx_is_not_retried_and_ambiguous(status: int) -> None:
    client, _, sleeps = make([response(status, {"requestId": "r1", "message": "oops"})])
    with pytest.raises(ServerError) as info:
        client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert info.value.ambiguous is True
    assert sleeps == []


def test_post_429_is_retried() -> None:
    client, session, sleeps = make(
        [response(429, {}, {"Retry-After": "1"}), response(200, INSTANCE)]
    )
    client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert sleeps == [1.0]
    assert len(session.calls) == 2


def test_post_429_exhausted_raises_rate_limit() -> None:
    client, _, _ = make([response(429, {}, {"Retry-After": "2"})] * 2, max_retries=1)
    with pytest.raises(RateLimitError) as info:
        client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert info.value.retry_after == 2.0
    assert info.value.ambiguous is False


def test_post_connect_error_is_retried_not_ambiguous() -> None:
    client, _, sleeps = make(
        [raising(CONNECT_REFUSED), raising(requests.ConnectTimeout()), response(200, INSTANCE)]
    )
    client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize("exc", [DROPPED, requests.ReadTimeout()], ids=["dropped", "read-timeout"])
def test_post_ambiguous_transport_error_is_not_retried(exc: Exception) -> None:
    client, session, sleeps = make([raising(exc)])
    with pytest.raises(TransportError) as info:
        client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert info.value.ambiguous is True
    assert "may have taken effect" in str(info.value)
    assert sleeps == []
    assert len(session.calls) == 1


@pytest.mark.parametrize("exc", [DROPPED, requests.ReadTimeout(), CONNECT_REFUSED])
def test_get_transport_errors_are_retried(exc: Exception) -> None:
    client, _, sleeps = make([raising(exc), response(200, INSTANCE)])
    assert client.get_instance(7).id == 7
    assert sleeps == [0.5]


def test_connect_error_exhausted_is_not_ambiguous() -> None:
    client, _, _ = make([raising(CONNECT_REFUSED)] * 2, max_retries=1)
    with pytest.raises(TransportError) as info:
        client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert info.value.ambiguous is False
    assert "request was not sent" in str(info.value)


def test_non_json_success_is_unexpected_response() -> None:
    def html() -> requests.Response:
        r = requests.Response()
        r.status_code = 200
        r._content = b"<html>login</html>"
        return r

    client, _, _ = make([html])
    with pytest.raises(UnexpectedResponseError) as info:
        client.create_instance(CreateInstanceRequest(element_key="k", name="n"))
    assert info.value.ambiguous is True


def test_secrets_sent_are_redacted_from_errors() -> None:
    echo = {"message": "bad password pw-very-secret for User unit-user-secret"}
    client, _, _ = make([response(400, echo)])
    with pytest.raises(Exception) as info:
        client.create_instance(
            CreateInstanceRequest(
                element_key="k", name="n", configuration={"password": "pw-very-secret"}
            )
        )
    assert "pw-very-secret" not in str(info.value)
    assert USER not in str(info.value)
    assert "pw-very-secret" not in repr(info.value)


def test_tokens_seen_are_redacted_afterwards() -> None:
    client, _, _ = make([response(200, INSTANCE), response(404, {"message": "no tok-abcdef"})])
    client.get_instance(7)
    with pytest.raises(Exception) as info:
        client.get_instance(8)
    assert "tok-abcdef" not in str(info.value)


def test_context_manager_closes_owned_session_only() -> None:
    session = FakeSession([])
    with OpenConnectorsClient(
        ClientSettings(base_url=BASE, user_secret=USER, organization_secret=ORG), session=session
    ) as client:
        assert client.session is session
    assert USER not in repr(client)


def test_proxy_settings_are_read_once_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "localhost")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    remote = OpenConnectorsClient(
        ClientSettings(
            base_url="https://api.example/elements/api-v2",
            user_secret="u" * 8,
            organization_secret="o" * 8,
        )
    )
    assert remote.session.proxies.get("https") == "http://proxy.example:3128"
    assert remote.session.verify == "/etc/ssl/certs/ca-certificates.crt"
    assert remote.session.trust_env is False  # no per-request environment scan, no .netrc auth
    local = OpenConnectorsClient(
        ClientSettings(
            base_url="https://localhost:8443/elements/api-v2",
            user_secret="u" * 8,
            organization_secret="o" * 8,
        )
    )
    assert "https" not in local.session.proxies, "NO_PROXY is honoured"
