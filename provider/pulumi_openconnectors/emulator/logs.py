"""Request logging: method, path (never the query string), status, duration, request id.

Header values, query strings and bodies are never logged: they carry secrets, instance
tokens, OAuth api secrets and configuration values. uvicorn's own access log is turned off
because it prints query strings.
"""

from __future__ import annotations

import logging
from typing import Any

LOGGER_NAME = "pulumi_openconnectors.emulator"
logger = logging.getLogger(LOGGER_NAME)
request_logger = logging.getLogger(LOGGER_NAME + ".requests")


def log_request(method: str, path: str, status: str, duration_ms: float, request_id: str) -> None:
    request_logger.info("%s %s %s %.1fms %s", method, path, status, duration_ms, request_id)


def configure_cli_logging(level: str) -> None:
    """Plain stderr logging for the command line."""
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("uvicorn.access").disabled = True


def uvicorn_log_settings() -> dict[str, Any]:
    """Keyword arguments for uvicorn.Config: no access log, leave logging config alone."""
    return {"access_log": False, "log_config": None}
