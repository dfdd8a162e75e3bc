"""The client over real HTTP against the emulator (fixture ``emulator`` in tests/conftest.py)."""

from __future__ import annotations

import logging
import random
import socket
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.client.models import (
    OBJECT_TYPES,
    CreateInstanceRequest,
    UpdateInstanceRequest,
)
from pulumi_openconnectors.errors import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    ServerError,
    TransportError,
)
from pulumi_openconnectors.oauth import obtain_code_noninteractive

PASSWORD = "close-pw-" + "s3cr3t"
CALLBACK = "https://www.mycoolapp.com/auth"


class Top(random.Random):
    """Backoff always draws the ceiling, so waits are predictable."""

    def uniform(self, a: float, b: float) -> float:
        return b


@pytest.fixture(autouse=True)
def _no_faults(emulator: Any) -> Iterator[None]:
    emulator.admin.clear_faults()
    yield
    emulator.admin.clear_faults()


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make_client(
    emulator: Any, sleeps: list[float] | None = None, **kwargs: Any
) -> OpenConnectorsClient:
    settings = ClientSettings(
        base_url=kwargs.pop("base_url", emulator.base_url),
        user_secret=kwargs.pop("user_secret", emulator.user_secret),
        organization_secret=kwargs.pop("organization_secret", emulator.organization_secret),
        **kwargs,
    )
    return OpenConnectorsClient(
        settings, sleep=(sleeps.append if sleeps is not None else lambda _s: None), rng=Top()
    )


@pytest.fixture
def client(emulator: Any, sleeps: list[float]) -> Iterator[OpenConnectorsClient]:
    with make_client(emulator, sleeps, timeout=5.0) as c:
        yield c


def unique_tag() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def closeio(tag: str, name: str = "Close", **kwargs: Any) -> CreateInstanceRequest:
    return CreateInstanceRequest(
        element_key="closeio",
        name=name,
        configuration={"username": "jane", "password": PASSWORD},
        tags=[tag],
        **kwargs,
    )


def faults(emulator: Any, *rules: dict[str, Any]) -> None:
    emulator.admin.set_faults({"seed": 1, "rules": list(rules)})


# -- elements ------------------------------------------------------------------------------


def test_catalog(client: OpenConnectorsClient) -> None:
    keys = {e.key for e in client.list_elements()}
    assert {"hootsuite", "sfdc", "brighttalk", "closeio"} <= keys
    hootsuite = client.get_element("hootsuite")
    assert (hootsuite.id, hootsuite.hub, hootsuite.auth_type) == (6791, "social", "oauth2")
    assert client.get_element(6791).key == "hootsuite"


def test_unknown_element_is_not_found(client: OpenConnectorsClient) -> None:
    with pytest.raises(NotFoundError) as info:
        client.get_element("hootsuit")
    assert "'hootsuit' is unknown" in str(info.value)
    assert info.value.request_id
    assert info.value.request_id in str(info.value)


# -- instances -----------------------------------------------------------------------------


def test_full_crud(client: OpenConnectorsClient) -> None:
    tag = unique_tag()
    created = client.create_instance(closeio(tag, name="CRUD"))
    assert isinstance(created.id, int)
    assert created.token_value()
    assert created.name == "CRUD"
    assert created.element_key == "closeio"
    assert created.tags == [tag]
    assert created.valid is True and created.disabled is False
    assert created.created_date is not None
    assert created.configuration.get("password") != PASSWORD  # masked by the API

    got = client.get_instance(created.id)
    assert got.id == created.id
    assert got.token_value() == created.token_value()

    patched = client.update_instance(
        created.id, UpdateInstanceRequest(name="CRUD 2", tags=[tag, "extra"], disabled=True)
    )
    assert (patched.name, sorted(patched.tags), patched.disabled) == (
        "CRUD 2",
        sorted([tag, "extra"]),
        True,
    )
    replaced = client.replace_instance(
        created.id,
        {
            "name": "CRUD 3",
            "tags": [tag],
            "configuration": {"username": "joe", "password": PASSWORD},
            "disabled": False,
        },
    )
    assert (replaced.name, replaced.tags, replaced.disabled) == ("CRUD 3", [tag], False)
    assert replaced.configuration.get("username") == "joe"

    client.delete_instance(created.id)
    with pytest.raises(NotFoundError) as info:
        client.get_instance(created.id)
    assert f"Instance {created.id} does not exist" in str(info.value)
    with pytest.raises(NotFoundError):
        client.delete_instance(created.id)


def test_patch_merges_configuration(client: OpenConnectorsClient) -> None:
    inst = client.create_instance(closeio(unique_tag()))
    patched = client.update_instance(
        inst.id, UpdateInstanceRequest(configuration={"username": "bob"})
    )
    assert patched.configuration.get("username") == "bob"
    assert "password" in patched.configuration


def test_tag_filter_requires_all_tags(client: OpenConnectorsClient) -> None:
    a, b = unique_tag(), unique_tag()
    one = client.create_instance(closeio(a))
    both = client.create_instance(
        CreateInstanceRequest(
            element_key="closeio",
            name="both",
            configuration={"username": "u", "password": PASSWORD},
            tags=[a, b],
        )
    )
    assert {i.id for i in client.list_instances(tags=[a])} == {one.id, both.id}
    assert {i.id for i in client.list_instances(tags=[a, b])} == {both.id}
    assert client.list_instances(tags=[unique_tag()]) == []
    assert {one.id, both.id} <= {i.id for i in client.list_instances()}


def test_create_via_element_and_objects(client: OpenConnectorsClient) -> None:
    req = CreateInstanceRequest(
        element_key="brighttalk",
        name="BT",
        configuration={"brighttalk.api.key": "k-123", "brighttalk.api.secret": "bt-secret-9"},
        tags=[unique_tag()],
        retrieve_objects_after_instantiation=True,
    )
    inst = client.create_instance(req, via_element=True)
    assert inst.element_key == "brighttalk"
    assert inst.objects
    assert {o.type for o in inst.objects} <= set(OBJECT_TYPES)
    assert client.stats["POST /elements/{keyOrId}/instances"] == 1


def test_create_missing_configuration_is_bad_request(client: OpenConnectorsClient) -> None:
    req = CreateInstanceRequest(
        element_key="closeio", name="x", configuration={"password": PASSWORD}, tags=[unique_tag()]
    )
    with pytest.raises(BadRequestError) as info:
        client.create_instance(req)
    assert PASSWORD not in str(info.value)
    assert PASSWORD not in repr(info.value)


def test_create_for_unknown_element_is_not_found(client: OpenConnectorsClient) -> None:
    with pytest.raises(NotFoundError) as info:
        client.create_instance(
            CreateInstanceRequest(element_key="nope", name="x"), via_element=True
        )
    assert "'nope' is unknown" in str(info.value)


def test_oauth2_flow_and_hub_call(client: OpenConnectorsClient) -> None:
    answer = client.get_oauth_url(
        "hootsuite",
        api_key="app-key",
        api_secret="app-secret-77",
        callback_url=CALLBACK,
        state="hootsuite",
    )
    assert answer.element == "hootsuite"
    code = obtain_code_noninteractive(answer.oauth_url, CALLBACK)
    inst = client.create_instance(
        CreateInstanceRequest(
            element_key="hootsuite",
            name="Hootsuite",
            provider_data={"code": code},
            configuration={
                "oauth.api.key": "app-key",
                "oauth.api.secret": "app-secret-77",
                "oauth.callback.url": CALLBACK,
            },
            tags=[unique_tag()],
        )
    )
    token = inst.token_value()
    assert token
    records = client.hub_get(token, "social", "messages")
    assert records and all(isinstance(r, dict) for r in records)
    client.delete_instance(inst.id)
    with pytest.raises(AuthenticationError) as info:
        client.hub_get(token, "social", "messages")
    assert token not in str(info.value)


def test_oauth_url_for_non_oauth_element_is_bad_request(client: OpenConnectorsClient) -> None:
    with pytest.raises(BadRequestError):
        client.get_oauth_url("closeio", api_key="k", api_secret="s-123", callback_url=CALLBACK)


# -- authentication ------------------------------------------------------------------------


def test_wrong_secrets_are_401_without_leaking(emulator: Any) -> None:
    wrong = "wrong-user-secret-xyz"
    with make_client(emulator, user_secret=wrong) as c, pytest.raises(AuthenticationError) as info:
        c.list_instances()
    exc = info.value
    assert exc.http_status == 401
    assert "OPENCONNECTORS_USER_SECRET" in str(exc)
    assert exc.request_id
    for text in (str(exc), repr(exc)):
        assert wrong not in text
        assert emulator.organization_secret not in text


# -- retries -------------------------------------------------------------------------------


def test_get_retries_503_honouring_retry_after(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    inst = client.create_instance(closeio(unique_tag()))
    faults(
        emulator,
        {
            "method": "GET",
            "path": "/instances/{id}",
            "action": "status",
            "status": 503,
            "count": 2,
            "retryAfter": 1,
        },
    )
    assert client.get_instance(inst.id).id == inst.id
    assert sleeps == [1.0, 1.0]
    assert client.stats["GET /instances/{id}"] == 3


def test_get_retries_429_honouring_retry_after(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    faults(
        emulator,
        {
            "method": "GET",
            "path": "/instances",
            "action": "status",
            "status": 429,
            "count": 1,
            "retryAfter": 2,
        },
    )
    client.list_instances()
    assert sleeps == [2.0]


def test_get_retries_500_with_backoff(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    faults(
        emulator,
        {"method": "GET", "path": "/elements", "action": "status", "status": 500, "count": 3},
    )
    client.list_elements()
    assert sleeps == [0.5, 1.0, 2.0]


def test_get_gives_up(emulator: Any, sleeps: list[float]) -> None:
    faults(emulator, {"method": "GET", "path": "/elements", "action": "status", "status": 502})
    with make_client(emulator, sleeps, max_retries=2) as c, pytest.raises(ServerError) as info:
        c.list_elements()
    assert info.value.ambiguous is False
    assert len(sleeps) == 2


def test_get_retries_dropped_connection(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    faults(emulator, {"method": "GET", "path": "/elements", "action": "drop", "count": 1})
    client.list_elements()
    assert sleeps == [0.5]


def test_post_503_not_retried_and_ambiguous(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    tag = unique_tag()
    faults(
        emulator,
        {"method": "POST", "path": "/instances", "action": "status", "status": 503, "count": 1},
    )
    with pytest.raises(ServerError) as info:
        client.create_instance(closeio(tag))
    assert info.value.ambiguous is True
    assert sleeps == []
    assert client.stats["POST /instances"] == 1
    assert client.list_instances(tags=[tag]) == []  # the emulator executed nothing


def test_post_lose_response_not_retried_instance_exists(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    tag = unique_tag()
    faults(
        emulator, {"method": "POST", "path": "/instances", "action": "lose_response", "count": 1}
    )
    with pytest.raises(TransportError) as info:
        client.create_instance(closeio(tag))
    assert info.value.ambiguous is True
    assert sleeps == []
    assert client.stats["POST /instances"] == 1
    assert len(client.list_instances(tags=[tag])) == 1  # it took effect: the caller reconciles


def test_post_drop_not_retried_and_ambiguous(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    tag = unique_tag()
    faults(emulator, {"method": "POST", "path": "/instances", "action": "drop", "count": 1})
    with pytest.raises(TransportError) as info:
        client.create_instance(closeio(tag))
    assert info.value.ambiguous is True
    assert client.stats["POST /instances"] == 1
    assert sleeps == []


def test_post_retried_on_429(
    emulator: Any, client: OpenConnectorsClient, sleeps: list[float]
) -> None:
    tag = unique_tag()
    faults(
        emulator,
        {
            "method": "POST",
            "path": "/instances",
            "action": "status",
            "status": 429,
            "count": 2,
            "retryAfter": 1,
        },
    )
    client.create_instance(closeio(tag))
    assert sleeps == [1.0, 1.0]
    assert client.stats["POST /instances"] == 3
    assert len(client.list_instances(tags=[tag])) == 1


# -- transport -----------------------------------------------------------------------------


def test_connect_error_is_not_ambiguous(emulator: Any, sleeps: list[float]) -> None:
    # A port bound but not listening refuses connections; holding it for the whole test keeps
    # any other process from taking it (a port closed right after picking it could be reused).
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}/elements/api-v2"
        _assert_refused_connect_is_not_ambiguous(emulator, sleeps, url)


def _assert_refused_connect_is_not_ambiguous(emulator: Any, sleeps: list[float], url: str) -> None:
    with (
        make_client(emulator, sleeps, base_url=url, max_retries=2) as c,
        pytest.raises(TransportError) as info,
    ):
        c.create_instance(closeio(unique_tag()))
    assert info.value.ambiguous is False
    assert len(sleeps) == 2  # even POST is retried: it was never sent
    assert "refused" in str(info.value).lower()
    assert PASSWORD not in str(info.value)


def test_read_timeout(emulator: Any, client: OpenConnectorsClient, sleeps: list[float]) -> None:
    inst = client.create_instance(closeio(unique_tag()))
    faults(
        emulator,
        {
            "method": "GET",
            "path": "/instances/{id}",
            "action": "delay",
            "delayMs": 1500,
            "count": 1,
        },
    )
    with (
        make_client(emulator, sleeps, timeout=0.3, max_retries=0) as c,
        pytest.raises(TransportError) as info,
    ):
        c.get_instance(inst.id)
    assert info.value.ambiguous is True
    faults(
        emulator,
        {
            "method": "GET",
            "path": "/instances/{id}",
            "action": "delay",
            "delayMs": 1500,
            "count": 1,
        },
    )
    with make_client(emulator, sleeps, timeout=0.3, max_retries=1) as c:
        assert c.get_instance(inst.id).id == inst.id  # a GET is retried after a read timeout


def _slow_post(emulator: Any) -> None:
    faults(
        emulator,
        {"method": "POST", "path": "/instances", "action": "delay", "delayMs": 800, "count": 1},
    )


def test_post_read_timeout_is_ambiguous_and_not_retried(emulator: Any, sleeps: list[float]) -> None:
    _slow_post(emulator)
    with (
        make_client(emulator, sleeps, timeout=0.3) as c,
        pytest.raises(TransportError) as info,
    ):
        c.create_instance(closeio(unique_tag()))
    assert info.value.ambiguous is True
    assert "may have taken effect" in str(info.value)
    assert c.stats["POST /instances"] == 1
    assert sleeps == []


def test_post_read_timeout_took_effect_server_side(emulator: Any) -> None:
    tag = unique_tag()
    _slow_post(emulator)
    with make_client(emulator, timeout=0.3) as c, pytest.raises(TransportError):
        c.create_instance(closeio(tag))
    with make_client(emulator) as c:
        found: list[Any] = []
        for _ in range(30):  # the delayed request completes on the server
            found = c.list_instances(tags=[tag])
            if found:
                break
            time.sleep(0.05)
        assert len(found) == 1


# -- session, stats, logs ------------------------------------------------------------------


def test_session_is_reused_with_one_pooled_connection(client: OpenConnectorsClient) -> None:
    session = client.session
    for _ in range(5):
        client.list_elements()
    assert client.session is session
    manager = session.get_adapter(client.settings.base_url).poolmanager  # type: ignore[attr-defined]
    pools = [manager.pools[key] for key in manager.pools.keys()]  # noqa: SIM118 (no __iter__)
    assert len(pools) == 1
    assert pools[0].num_connections == 1  # one TCP connection, kept alive and reused
    assert pools[0].num_requests == 5
    assert client.stats["GET /elements"] == 5


def test_debug_logs_have_no_secrets_or_queries(
    client: OpenConnectorsClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="pulumi_openconnectors.client")
    tag = unique_tag()
    inst = client.create_instance(closeio(tag))
    client.list_instances(tags=[tag])
    client.get_oauth_url(
        "hootsuite", api_key="app-key", api_secret="app-secret-logs", callback_url=CALLBACK
    )
    with pytest.raises(NotFoundError):
        client.get_instance(10**9)
    text = "\n".join(
        r.getMessage() for r in caplog.records if r.name == "pulumi_openconnectors.client"
    )
    assert "POST /instances -> 200 attempt=1" in text or "POST /instances -> 201 attempt=1" in text
    assert f"GET /instances/{10**9} -> 404" in text
    assert "request_id=" in text
    for secret in (
        client.settings.user_secret,
        client.settings.organization_secret,
        PASSWORD,
        inst.token_value() or "<none>",
        "app-secret-logs",
        tag,
        "?",
    ):
        assert secret not in text


def test_an_area_defined_outside_the_client_joins_it_by_area(emulator: Any) -> None:
    """A resource type's own API area (``resources/<type>/api.py``) needs no edit of
    ``client/``: ``client.area(TheAPI)`` makes it once over the client's requestor, and its
    calls go through the same retries, auth and errors as the built-in areas."""
    from pulumi_openconnectors.client import Area
    from pulumi_openconnectors.client.paths import route

    class ElementsByKey(Area):
        def get(self, key: str) -> Any:
            return self._api.request("GET", route("/elements/{key}", key=key))

    with make_client(emulator) as client:
        area = client.area(ElementsByKey)
        assert client.area(ElementsByKey) is area
        assert area.get("closeio")["key"] == "closeio"
        with pytest.raises(NotFoundError):
            area.get("no-such-connector")
        assert client.stats["GET /elements/{key}"] == 2
