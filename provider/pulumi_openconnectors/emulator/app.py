"""The FastAPI application factory."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from .._version import __version__ as VERSION
from . import admin
from .errors import install_error_handlers
from .faults import FaultConfig
from .middleware import EmulatorMiddleware
from .runtime import Runtime
from .services import SERVICES, Service
from .settings import API_PREFIX, Settings

TITLE = "SAP Open Connectors platform API (local emulator)"


def _precise_statuses(schema: dict[str, Any]) -> None:
    """Only the statuses an operation can answer: never FastAPI's 422 (validation errors are
    400 here), no 415 without a request body, no 409 on a GET."""
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            responses = operation.get("responses", {})
            responses.pop("422", None)
            if "requestBody" not in operation:
                responses.pop("415", None)
            if method == "get":
                responses.pop("409", None)
    for unused in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(unused, None)


def _install_openapi(app: FastAPI, body_models: tuple[type[BaseModel], ...]) -> None:
    """Generated document plus the schemas of the bodies that handlers parse themselves."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=TITLE,
            version=VERSION,
            description=app.description,
            routes=app.routes,
        )
        _precise_statuses(schema)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in body_models:
            body = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in body.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components[model.__name__] = body
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    settings: Settings | None = None,
    runtime: Runtime | None = None,
    services: tuple[Service, ...] = SERVICES,
) -> FastAPI:
    """Build the app of these services. Its state (`app.state.runtime`) owns the SQLite store.

    The app hands its services to the runtime it builds (their tables, their hooks); a
    ``runtime`` given instead must have been built from the same services."""
    settings = settings or Settings()
    runtime = runtime or Runtime.from_settings(settings, services)
    app = FastAPI(
        title=TITLE,
        version=VERSION,
        description="Offline stand-in for the part of the Open Connectors API this project uses.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.runtime = runtime
    install_error_handlers(app)
    routers = [router for service in services for router in service.routers]
    routers.append(admin.router)
    for router in routers:
        app.include_router(router)
    # The routers' own routes carry the full templates (app.router wraps included routers).
    routes = [route for router in routers for route in router.routes]
    routes += [r for r in app.router.routes if isinstance(getattr(r, "path_format", None), str)]
    app.state.routes = routes
    app.add_middleware(EmulatorMiddleware, runtime=runtime, routes=routes)
    body_models = tuple(model for service in services for model in service.body_models)
    _install_openapi(app, (*body_models, FaultConfig))
    return app


def runtime_of_app(app: FastAPI) -> Runtime:
    """The runtime ``create_app`` built for (or was given by) this app."""
    runtime = app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime
