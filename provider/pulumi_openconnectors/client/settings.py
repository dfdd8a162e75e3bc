"""How to reach Open Connectors: :class:`ClientSettings` (validated, ``repr`` masks secrets)."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from urllib.parse import urlparse

from ..errors import ConfigurationError

DEFAULT_CONNECT_TIMEOUT = 10.0


def _version() -> str:
    try:
        return importlib.metadata.version("pulumi-openconnectors")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


USER_AGENT = f"pulumi-openconnectors/{_version()}"


@dataclass(frozen=True, repr=False)
class ClientSettings:
    """How to reach Open Connectors. ``repr`` masks the secrets.

    ``base_url`` is e.g. ``https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2``
    (a trailing slash is removed). With ``bearer_token`` set, platform calls use
    ``Authorization: Bearer <token>`` and the user/organization secrets may be empty.
    ``connect_timeout`` defaults to ``min(timeout, 10)``.
    """

    base_url: str
    user_secret: str
    organization_secret: str
    bearer_token: str | None = None
    timeout: float = 30.0
    max_retries: int = 4
    operation_timeout: float | None = None
    """Overall seconds for one provider operation (see :mod:`.deadline`); None: no limit."""
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    connect_timeout: float | None = None

    def __post_init__(self) -> None:
        base_url = (self.base_url or "").strip().rstrip("/")
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigurationError(
                "openconnectors:baseUrl (OPENCONNECTORS_BASE_URL) must be an http(s) URL such as "
                "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2, "
                f"got {self.base_url!r}."
            )
        object.__setattr__(self, "base_url", base_url)
        if not self.bearer_token:
            missing = [
                f"{key} ({env})"
                for value, key, env in (
                    (self.user_secret, "openconnectors:userSecret", "OPENCONNECTORS_USER_SECRET"),
                    (
                        self.organization_secret,
                        "openconnectors:organizationSecret",
                        "OPENCONNECTORS_ORGANIZATION_SECRET",
                    ),
                )
                if not value
            ]
            if missing:
                raise ConfigurationError(
                    "Open Connectors credentials are missing: set " + " and ".join(missing) + "."
                )
        if not self.timeout > 0:
            raise ConfigurationError(
                f"openconnectors:timeout must be a positive number of seconds, got {self.timeout}."
            )
        if self.connect_timeout is not None and not self.connect_timeout > 0:
            raise ConfigurationError(
                f"connect_timeout must be a positive number of seconds, got {self.connect_timeout}."
            )
        if self.operation_timeout is not None and not self.operation_timeout > 0:
            raise ConfigurationError(
                "openconnectors:operationTimeout must be a positive number of seconds, "
                f"got {self.operation_timeout}."
            )
        if self.max_retries < 0:
            raise ConfigurationError(
                f"openconnectors:maxRetries must be 0 or more, got {self.max_retries}."
            )
        if self.backoff_base < 0 or self.backoff_max < 0:
            raise ConfigurationError("backoff_base and backoff_max must not be negative.")

    @property
    def timeouts(self) -> tuple[float, float]:
        """(connect, read) timeouts in seconds, as ``requests`` takes them."""
        connect = self.connect_timeout
        if connect is None:
            connect = min(self.timeout, DEFAULT_CONNECT_TIMEOUT)
        return (connect, self.timeout)

    def secrets(self) -> list[str]:
        return [s for s in (self.user_secret, self.organization_secret, self.bearer_token) if s]

    def __repr__(self) -> str:
        def mask(value: str | None) -> str:
            return "None" if value is None else ("'***'" if value else "''")

        return (
            f"ClientSettings(base_url={self.base_url!r}, user_secret={mask(self.user_secret)}, "
            f"organization_secret={mask(self.organization_secret)}, "
            f"bearer_token={mask(self.bearer_token)}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries!r}, backoff_base={self.backoff_base!r}, "
            f"backoff_max={self.backoff_max!r}, connect_timeout={self.connect_timeout!r}, "
            f"operation_timeout={self.operation_timeout!r})"
        )

    __str__ = __repr__
