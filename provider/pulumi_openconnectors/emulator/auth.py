"""Parsing and checking `Authorization: User x, Organization y[, Element z]` headers."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .errors import ApiError
from .settings import Account

# "Token" is the name the "Authorization Headers" page uses for the instance token part.
_PART_NAMES = {"user": "user", "organization": "organization", "element": "element"}
_PART_ALIASES = {"token": "element"}


class TokenOwner(Protocol):
    """What a hub call needs of an instance: its token and its organization."""

    @property
    def token(self) -> str: ...

    @property
    def org(self) -> str: ...


Owner = TypeVar("Owner", bound=TokenOwner)


@dataclass(frozen=True)
class Credentials:
    user: str
    organization: str | None
    element: str | None


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, message)


def parse_authorization(header: str | None) -> Credentials:
    """Parse the header; raise a 401 ApiError when it is missing or malformed.

    Error messages never contain any part of the header's value.
    """
    if header is None or not header.strip():
        raise _unauthorized("Missing Authorization header")
    parts: dict[str, str] = {}
    for chunk in header.split(","):
        name, _, value = chunk.strip().partition(" ")
        key = _PART_NAMES.get(name.lower()) or _PART_ALIASES.get(name.lower())
        value = value.strip()
        if key is None or not value or " " in value or key in parts:
            raise _unauthorized(
                "Malformed Authorization header: expected "
                "'User <secret>, Organization <secret>' or 'User <secret>, Element <token>'"
            )
        parts[key] = value
    if "user" not in parts:
        raise _unauthorized("Malformed Authorization header: the User part is missing")
    return Credentials(parts["user"], parts.get("organization"), parts.get("element"))


def secret_equals(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets."""
    return hmac.compare_digest(given.encode(), expected.encode())


def match_account(
    accounts: tuple[Account, ...], user: str, organization: str | None
) -> Account | None:
    """The account whose secrets match (organization None: match on the user secret only).

    Every account is compared, so the time taken does not depend on which one matched.
    """
    found: Account | None = None
    for account in accounts:
        user_ok = secret_equals(user, account.user_secret)
        org_ok = organization is None or secret_equals(organization, account.organization_secret)
        if user_ok and org_ok and found is None:
            found = account
    return found


def platform_account(accounts: tuple[Account, ...], header: str | None) -> Account:
    """Authenticate a platform call (User + Organization)."""
    creds = parse_authorization(header)
    if creds.organization is None:
        raise _unauthorized("This call needs 'User <secret>, Organization <secret>'")
    account = match_account(accounts, creds.user, creds.organization)
    if account is None:
        raise _unauthorized("Invalid User or Organization secret")
    return account


def hub_credentials(
    accounts: tuple[Account, ...],
    header: str | None,
    lookup: Callable[[str], Owner | None],
) -> tuple[Account, Owner]:
    """Authenticate a connector call (User + Element token, Organization optional)."""
    creds = parse_authorization(header)
    if creds.element is None:
        raise _unauthorized("This call needs 'User <secret>, Element <instance token>'")
    instance = lookup(creds.element)
    account = match_account(accounts, creds.user, creds.organization)
    if (
        instance is None
        or account is None
        or not secret_equals(creds.element, instance.token)
        or account.organization_id != instance.org
    ):
        raise _unauthorized("Invalid User secret or instance token")
    return account, instance
