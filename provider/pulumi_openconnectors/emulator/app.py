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
    """Build the app of these services. Its state (`app.state.runtime`) owns the SQLite store."""
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
