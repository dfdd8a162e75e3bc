"""error_from_response: the status -> class table, actionable messages, no secrets."""

from __future__ import annotations

import json

import pytest

from pulumi_openconnectors.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    MethodNotAllowedError,
    NotFoundError,
    OpenConnectorsError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TransportError,
    UnsupportedMediaTypeError,
)
from pulumi_openconnectors.redact import Redactor
from pulumi_openconnectors.resources.advice import error_from_response

USER_SECRET = "user-secret-value-123"
ORG_SECRET = "org-secret-value-456"


def body(message: str = "boom", provider: str | None = None, rid: str = "rid-1") -> bytes:
    data = {"requestId": rid, "message": message}
    if provider is not None:
        data["providerMessage"] = provider
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, MethodNotAllowedError),
        (409, ConflictError),
        (415, UnsupportedMediaTypeError),
        (429, RateLimitError),
        (500, ServerError),
        (501, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (599, ServerError),
        (402, APIError),
        (410, APIError),
        (422, APIError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[APIError]) -> None:
    exc = error_from_response(status=status, method="GET", path="/instances", payload=body())
    assert type(exc) is cls
    assert isinstance(exc, APIError)
    assert isinstance(exc, OpenConnectorsError)
    assert exc.http_status == status
    assert exc.request_id == "rid-1"
    assert exc.api_message == "boom"
    assert exc.method == "GET"
    assert exc.path == "/instances"
    assert f"({status})" in str(exc)
    assert "[requestId: rid-1]" in str(exc)


def test_hierarchy() -> None:
    assert issubclass(ConfigurationError, OpenConnectorsError)
    assert issubclass(TransportError, OpenConnectorsError)
    assert not issubclass(TransportError, APIError)


def test_401_message_names_the_settings() -> None:
    exc = error_from_response(
        status=401, method="get", path="/instances", payload=body("Invalid credentials")
    )
    assert str(exc).startswith(
        "Open Connectors rejected the credentials (401) on GET /instances: Invalid credentials."
    )
    for hint in (
        "openconnectors:userSecret",
        "openconnectors:organizationSecret",
        "OPENCONNECTORS_USER_SECRET",
        "OPENCONNECTORS_ORGANIZATION_SECRET",
    ):
        assert hint in str(exc)


def test_404_on_element_says_connector_key_unknown() -> None:
    exc = error_from_response(status=404, method="GET", path="/elements/hootsuit", payload=body())
    assert "connector key (element) 'hootsuit' is unknown" in str(exc)
    exc = error_from_response(
        status=404, method="POST", path="/elements/nope/instances", payload=body()
    )
    assert "'nope' is unknown" in str(exc)


def test_404_on_instance_says_refresh() -> None:
    exc = error_from_response(status=404, method="GET", path="/instances/42", payload=body())
    assert "Instance 42 does not exist" in str(exc)
    assert "pulumi refresh" in str(exc)


def test_provider_message_is_included() -> None:
    exc = error_from_response(
        status=400, method="POST", path="/instances", payload=body("bad", provider="vendor said no")
    )
    assert exc.provider_message == "vendor said no"
    assert "(provider: vendor said no)" in str(exc)


@pytest.mark.parametrize(
    ("method", "ambiguous"),
    [("POST", True), ("GET", False), ("PUT", False), ("PATCH", False), ("DELETE", False)],
)
def test_5xx_is_ambiguous_only_for_non_idempotent(method: str, ambiguous: bool) -> None:
    exc = error_from_response(status=503, method=method, path="/instances", payload=body())
    assert exc.ambiguous is ambiguous
    assert ("may nevertheless have taken effect" in str(exc)) is ambiguous


def test_4xx_is_never_ambiguous() -> None:
    assert not error_from_response(status=400, method="POST", path="/instances").ambiguous


def test_rate_limit_carries_retry_after() -> None:
    exc = error_from_response(
        status=429, method="GET", path="/instances", payload=body(), headers={"retry-after": "7"}
    )
    assert isinstance(exc, RateLimitError)
    assert exc.retry_after == 7.0
    exc = error_from_response(status=429, method="GET", path="/instances", payload=body())
    assert isinstance(exc, RateLimitError)
    assert exc.retry_after is None


def test_non_json_body_and_request_id_header() -> None:
    exc = error_from_response(
        status=502,
        method="GET",
        path="/instances",
        payload=b"<html>Bad gateway</html>",
        headers={"X-Request-Id": "hdr-9"},
    )
    assert exc.request_id == "hdr-9"
    assert exc.api_message == "<html>Bad gateway</html>"
    exc = error_from_response(status=500, method="GET", path="/instances", payload=None)
    assert exc.request_id is None
    assert "no message" in str(exc)


def test_attempts_are_reported() -> None:
    exc = error_from_response(status=503, method="GET", path="/x", payload=body(), attempts=5)
    assert "Gave up after 5 attempts" in str(exc)


def test_secrets_are_redacted_from_str_repr_and_fields() -> None:
    red = Redactor([USER_SECRET, ORG_SECRET])
    echoed = f"bad header User {USER_SECRET}, Organization {ORG_SECRET}"
    exc = error_from_response(
        status=401,
        method="GET",
        path="/instances",
        payload=body(echoed, provider=f"also {ORG_SECRET}"),
        redactor=red,
    )
    for text in (str(exc), repr(exc), exc.api_message or "", exc.provider_message or ""):
        assert USER_SECRET not in text
        assert ORG_SECRET not in text
    assert "***" in str(exc)


def test_repr_is_informative() -> None:
    exc = error_from_response(status=404, method="GET", path="/instances/1", payload=body())
    assert repr(exc).startswith("NotFoundError(http_status=404, method='GET'")
    t = TransportError("down", method="POST", path="/instances", ambiguous=True)
    assert "ambiguous=True" in repr(t)
    assert str(t) == "down"


def test_404_on_create_names_the_connector_not_the_route() -> None:
    exc = error_from_response(status=404, method="POST", path="/instances", payload=body())
    assert isinstance(exc, NotFoundError)
    assert "element_key" in str(exc)
    assert "route does not exist" not in str(exc)


# Each kind of object gets advice about itself (issue #19, item 5.10): no connector-instance
# advice on a formula's 400, no "the route does not exist" on a deleted formula's 404.
ADVICE = [
    (400, "POST", "/formulas", "Fix the formula", "instance name, tags"),
    (400, "PUT", "/formulas/12", "Fix the formula", "provider_data"),
    (400, "POST", "/formulas/12/instances", "Fix the formula instance", "provider_data"),
    (400, "PUT", "/organizations/objects/contacts/definitions", "Fix the common resource", "tags"),
    (
        400,
        "POST",
        "/organizations/elements/closeio/transformations/contacts",
        "Fix the transformation",
        "tags",
    ),
    (400, "POST", "/instances", "instance name, tags", "formula"),
    (404, "GET", "/formulas/12", "Formula 12 does not exist", "route does not exist"),
    (404, "PUT", "/formulas/12", "Formula 12 does not exist", "baseUrl"),
    (
        404,
        "PUT",
        "/formulas/12/instances/7",
        "Formula instance 7 of formula 12 does not exist",
        "route does not exist",
    ),
    (404, "POST", "/formulas/12/instances", "Formula 12 does not exist", "baseUrl"),
    (
        404,
        "GET",
        "/organizations/objects/contacts/definitions",
        "Common resource 'contacts' does not exist",
        "route does not exist",
    ),
    (
        404,
        "PUT",
        "/organizations/elements/nokey/transformations/contacts",
        "for connector 'nokey'",
        "route does not exist",
    ),
    (404, "GET", "/instances/5/transformations/contacts", "for instance 5", "Instance 5 does"),
    (404, "GET", "/elements/nokey/metadata", "connector key (element) 'nokey'", "formula"),
]


@pytest.mark.parametrize(("status", "method", "path", "says", "not_says"), ADVICE)
def test_advice_is_about_the_object_the_request_was_for(
    status: int, method: str, path: str, says: str, not_says: str
) -> None:
    message = str(
        error_from_response(status=status, method=method, path=path, payload={"message": "m"})
    )
    assert says in message
    assert not_says not in message
