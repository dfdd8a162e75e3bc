"""Runtime settings of the emulator: accounts, database, latency and the clock."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

DEMO_USER_SECRET = "demo-user-secret"
DEMO_ORGANIZATION_SECRET = "demo-organization-secret"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8790
API_PREFIX = "/elements/api-v2"
ADMIN_PREFIX = "/_emulator"
OAUTH_CODE_TTL_SECONDS = 600.0


@dataclass(frozen=True)
class Account:
    """One account: a user secret and the secret of the organization it belongs to."""

    user_secret: str
    organization_secret: str

    @property
    def organization_id(self) -> str:
        """Stable, non-secret key of the organization (survives restarts on the same db)."""
        digest = hashlib.sha256(b"org:" + self.organization_secret.encode()).hexdigest()
        return digest[:24]

    @property
    def user_id(self) -> int:
        """Stable numeric user id, as in `"user": {"id": ...}` of an instance."""
        material = f"user:{self.organization_secret}:{self.user_secret}".encode()
        return 10000 + int(hashlib.sha256(material).hexdigest()[:8], 16) % 90000

    @property
    def account_id(self) -> int:
        """Stable numeric account id (`accountId` of a formula): one per organization."""
        material = f"account:{self.organization_secret}".encode()
        return 1000 + int(hashlib.sha256(material).hexdigest()[:8], 16) % 9000


DEMO_ACCOUNT = Account(DEMO_USER_SECRET, DEMO_ORGANIZATION_SECRET)


@dataclass
class Settings:
    """Everything `create_app` needs. `clock` and `oauth_code_ttl` exist for tests."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    db: str = ":memory:"
    accounts: tuple[Account, ...] = (DEMO_ACCOUNT,)
    latency_ms: int = 0
    clock: Callable[[], float] = field(default=time.time)
    oauth_code_ttl: float = OAUTH_CODE_TTL_SECONDS


def parse_account(text: str) -> Account:
    """Parse `USER_SECRET:ORG_SECRET` (the org secret is everything after the first colon)."""
    user, sep, org = text.partition(":")
    if not sep or not user or not org:
        raise ValueError("an account must look like USER_SECRET:ORG_SECRET")
    return Account(user, org)
