"""Local emulator of the SAP Open Connectors platform API (FastAPI on uvicorn, SQLite).

It shares no code or models with the client on purpose: it is written from the API
documents, so that the client is tested against an independent implementation.
"""

from .app import create_app
from .server import EmulatorServer
from .settings import DEMO_ORGANIZATION_SECRET, DEMO_USER_SECRET, Account, Settings

__all__ = [
    "DEMO_ORGANIZATION_SECRET",
    "DEMO_USER_SECRET",
    "Account",
    "EmulatorServer",
    "Settings",
    "create_app",
]
