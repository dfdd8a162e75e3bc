"""The offline OAuth 2.0 flow and the providerData.code rules."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, closeio_body, oauth_body, oauth_code

OAUTH_PARAMS = {"apiKey": "app-key", "apiSecret": "app-secret", "callbackUrl": "https://cb.test/x"}


def oauth_url(emu: EmulatorServer, element: str, **params: str) -> requests.Response:
    return requests.get(
        f"{emu.base_url}/elements/{element}/oauth/url",
        params=params,
        headers=auth(emu),
        timeout=TIMEOUT,
    )


def test_oauth_url_points_at_the_emulator(emulator: EmulatorServer) -> None:
    r = oauth_url(emulator, "hootsuite", **OAUTH_PARAMS, state="mystate", scope="oob")
    assert r.status_code == 200
    body = r.json()
    assert body["element"] == "hootsuite"
    parts = urlsplit(body["oauthUrl"])
    assert f"{parts.scheme}://{parts.netloc}" == emulator.root_url
    assert parts.path == "/_emulator/oauth/authorize"
    query = parse_qs(parts.query)
    assert query == {
        "client_id": ["app-key"],
        "redirect_uri": ["https://cb.test/x"],
        "state": ["mystate"],
        "response_type": ["code"],
        "scope": ["oob"],
    }
    assert "app-secret" not in body["oauthUrl"]


def test_oauth_url_by_id_and_default_state(emulator: EmulatorServer) -> None:
    r = oauth_url(emulator, "1", **OAUTH_PARAMS, siteAddress="https://example.test")
    assert r.status_code == 200
    assert r.json()["element"] == "sfdc"
    assert parse_qs(urlsplit(r.json()["oauthUrl"]).query)["state"] == ["sfdc"]


@pytest.mark.parametrize("missing", sorted(OAUTH_PARAMS))
def test_oauth_url_missing_parameter_is_400(emulator: EmulatorServer, missing: str) -> None:
    params = {k: v for k, v in OAUTH_PARAMS.items() if k != missing}
    assert_error(oauth_url(emulator, "hootsuite", **params), 400, missing)


@pytest.mark.parametrize("element", ["closeio", "brighttalk"])
def test_oauth_url_for_non_oauth_element_is_400(emulator: EmulatorServer, element: str) -> None:
    assert_error(oauth_url(emulator, element, **OAUTH_PARAMS), 400, "oauth")


def test_oauth_url_unknown_element_is_404(emulator: EmulatorServer) -> None:
    assert_error(oauth_url(emulator, "nope", **OAUTH_PARAMS), 404)


def authorize(emu: EmulatorServer, **params: str) -> requests.Response:
    return requests.get(
        emu.root_url + "/_emulator/oauth/authorize",
        params=params,
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def test_authorize_redirects_with_code_and_state(emulator: EmulatorServer) -> None:
    r = authorize(
        emulator,
        client_id="k",
        redirect_uri="https://cb.test/back?keep=1",
        state="s1",
        response_type="code",
    )
    assert r.status_code == 302
    location = urlsplit(r.headers["Location"])
    assert (location.scheme, location.netloc, location.path) == ("https", "cb.test", "/back")
    query = parse_qs(location.query)
    assert query["keep"] == ["1"] and query["state"] == ["s1"]
    assert len(query["code"][0]) >= 20


def test_authorize_deny(emulator: EmulatorServer) -> None:
    r = authorize(emulator, client_id="k", redirect_uri="https://cb.test/x", state="s", deny="true")
    assert r.status_code == 302
    query = parse_qs(urlsplit(r.headers["Location"]).query)
    assert query == {"error": ["access_denied"], "state": ["s"]}


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"redirect_uri": "https://cb.test/x"}, "client_id"),
        ({"client_id": "k"}, "redirect_uri"),
        ({"client_id": "k", "redirect_uri": "https://x.test", "response_type": "token"}, "code"),
    ],
)
def test_authorize_bad_parameters(
    emulator: EmulatorServer, params: dict[str, str], word: str
) -> None:
    assert_error(authorize(emulator, **params), 400, word)


def post_instance(emu: EmulatorServer, body: dict[str, object]) -> requests.Response:
    return requests.post(emu.base_url + "/instances", json=body, headers=auth(emu), timeout=5)


@pytest.mark.parametrize("element", ["hootsuite", "sfdc"])
def test_create_with_code_then_reuse_fails(emulator: EmulatorServer, element: str) -> None:
    code = oauth_code(emulator, element=element)
    first = post_instance(emulator, oauth_body(code, element=element))
    assert first.status_code == 200, first.text
    instance = first.json()
    assert instance["element"]["key"] == element
    assert instance["configuration"]["oauth.api.secret"] == "********"
    assert instance["configuration"]["oauth.api.key"] == "app-key"
    assert instance["tags"] == ["Docs"] and instance["name"] == "API Instance"
    again = post_instance(emulator, oauth_body(code, element=element))
    assert_error(again, 400, "already been used")


def test_code_for_another_api_key_is_refused_and_not_burnt(emulator: EmulatorServer) -> None:
    code = oauth_code(emulator, api_key="key-one")
    assert_error(post_instance(emulator, oauth_body(code, api_key="key-two")), 400, "another")
    assert post_instance(emulator, oauth_body(code, api_key="key-one")).status_code == 200


@pytest.mark.parametrize(
    ("provider_data", "word"),
    [
        (None, "providerData.code"),
        ({}, "providerData.code"),
        ({"code": ""}, "providerData.code"),
        ({"code": 5}, "providerData.code"),
        ("code", "providerData"),
        ({"code": "never-issued"}, "not a known"),
    ],
)
def test_bad_provider_data(emulator: EmulatorServer, provider_data: object, word: str) -> None:
    body = oauth_body("x")
    if provider_data is None:
        del body["providerData"]
    else:
        body["providerData"] = provider_data
    assert_error(post_instance(emulator, body), 400, word)


@pytest.mark.parametrize("provider_data", [[None, None], "code", {"code": 5}])
def test_provider_data_shape_is_checked_without_oauth(
    emulator: EmulatorServer, provider_data: object
) -> None:
    """The document's shape holds for every element (found by the fuzz test: a list was
    accepted for an element without OAuth 2.0); a well-formed code there is not used."""
    body = closeio_body(providerData=provider_data)
    assert_error(post_instance(emulator, body), 400, "providerData")
    assert post_instance(emulator, closeio_body(providerData={"code": "unused"})).status_code == 200


def test_invalid_create_does_not_burn_the_code(emulator: EmulatorServer) -> None:
    code = oauth_code(emulator)
    body = oauth_body(code)
    del body["configuration"]["oauth.callback.url"]
    assert_error(post_instance(emulator, body), 400, "oauth.callback.url")
    assert post_instance(emulator, oauth_body(code)).status_code == 200


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clocked() -> Iterator[tuple[EmulatorServer, FakeClock]]:
    clock = FakeClock()
    with EmulatorServer(clock=clock) as server:
        yield server, clock


def test_code_expires_after_600_seconds(clocked: tuple[EmulatorServer, FakeClock]) -> None:
    emu, clock = clocked
    fresh = oauth_code(emu)
    stale = oauth_code(emu)
    clock.now += 600
    assert post_instance(emu, oauth_body(fresh)).status_code == 200
    clock.now += 1
    assert_error(post_instance(emu, oauth_body(stale)), 400, "expired")
