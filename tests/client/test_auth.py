"""Authorization header composition, exactly as seeds 000, 003 and 004 show it."""

from __future__ import annotations

import pytest

from pulumi_openconnectors import auth
from pulumi_openconnectors.errors import ConfigurationError

USER = "7OpR4MRo7wnPoVKkKFXHhHBUPRzqutoem/d+WEnR1kY="
ORG = "ce7f1f9be0d2a8b1f37bcfa6d71eda20"
TOKEN = "fJ5HQ135fW4okMt5AWq0hzm2X7kaK5OpQB0Uxjvlz6U="


def test_platform_header_matches_seed() -> None:
    assert auth.platform_header(USER, ORG) == (
        "User 7OpR4MRo7wnPoVKkKFXHhHBUPRzqutoem/d+WEnR1kY=, "
        "Organization ce7f1f9be0d2a8b1f37bcfa6d71eda20"
    )


def test_connector_header_matches_seed() -> None:
    assert auth.connector_header(USER, TOKEN) == (
        "User 7OpR4MRo7wnPoVKkKFXHhHBUPRzqutoem/d+WEnR1kY=, "
        "Element fJ5HQ135fW4okMt5AWq0hzm2X7kaK5OpQB0Uxjvlz6U="
    )


def test_full_header_has_all_three() -> None:
    assert auth.full_header(USER, ORG, TOKEN) == f"User {USER}, Organization {ORG}, Element {TOKEN}"


def test_bearer_header() -> None:
    assert auth.bearer_header("abc.def.ghi") == "Bearer abc.def.ghi"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, f"User {USER}, Organization {ORG}"),
        ({"bearer_token": "jwt-1"}, "Bearer jwt-1"),
        ({"element_token": TOKEN}, f"User {USER}, Element {TOKEN}"),
        ({"element_token": TOKEN, "bearer_token": "jwt-1"}, f"User {USER}, Element {TOKEN}"),
        (
            {"element_token": TOKEN, "include_organization": True},
            f"User {USER}, Organization {ORG}, Element {TOKEN}",
        ),
    ],
)
def test_authorization_selects_the_form(kwargs: dict[str, object], expected: str) -> None:
    assert auth.authorization(user_secret=USER, organization_secret=ORG, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "a,b", "line\nbreak", " padded", "nul\x00"])
def test_bad_secret_is_a_configuration_error_without_echo(bad: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        auth.platform_header(bad, ORG)
    if bad.strip():
        assert bad not in str(info.value)
