"""The ``Authorization`` header, composed exactly as the Open Connectors documents show it.

- platform calls:            ``User <userSecret>, Organization <organizationSecret>``
- connector (hub) calls:     ``User <userSecret>, Element <instanceToken>``
- calls that take all three: ``User <userSecret>, Organization <orgSecret>, Element <token>``
- bearer-token authorization (an alternative to the secrets for platform calls):
  ``Bearer <token>``
"""

from __future__ import annotations

from ..errors import ConfigurationError

_FORBIDDEN = frozenset("\r\n\x00,")


def _check(value: str, what: str) -> str:
    if not value:
        raise ConfigurationError(f"The {what} is empty; it is needed for this call.")
    if any(ch in _FORBIDDEN for ch in value) or value != value.strip():
        # Never echo the value: it is a secret.
        raise ConfigurationError(
            f"The {what} contains a comma, a line break or surrounding spaces; copy it again "
            "from the Open Connectors profile page."
        )
    return value


def platform_header(user_secret: str, organization_secret: str) -> str:
    """Header for platform calls (elements, instances)."""
    return (
        f"User {_check(user_secret, 'user secret')}, "
        f"Organization {_check(organization_secret, 'organization secret')}"
    )


def connector_header(user_secret: str, element_token: str) -> str:
    """Header for connector (hub) calls."""
    user = _check(user_secret, "user secret")
    return f"User {user}, Element {_check(element_token, 'instance token')}"


def full_header(user_secret: str, organization_secret: str, element_token: str) -> str:
    """Header for calls that take user, organization and instance token."""
    return (
        f"{platform_header(user_secret, organization_secret)}, "
        f"Element {_check(element_token, 'instance token')}"
    )


def bearer_header(token: str) -> str:
    """Header for bearer-token authorization."""
    return f"Bearer {_check(token, 'bearer token')}"


def authorization(
    *,
    user_secret: str,
    organization_secret: str,
    bearer_token: str | None = None,
    element_token: str | None = None,
    include_organization: bool = False,
) -> str:
    """The header for one call.

    Without ``element_token``: a platform call (``Bearer`` when a bearer token is configured).
    With it: a connector call; ``include_organization`` selects the three-part form.
    """
    if element_token is None:
        if bearer_token:
            return bearer_header(bearer_token)
        return platform_header(user_secret, organization_secret)
    if include_organization:
        return full_header(user_secret, organization_secret, element_token)
    return connector_header(user_secret, element_token)
