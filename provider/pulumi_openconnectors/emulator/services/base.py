"""What one API area hands the app: its routers, its tables, its body models and its hooks."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter
from pydantic import BaseModel

from ..references import Hook
from ..store import Tables


@dataclass(frozen=True)
class Service:
    """One API area.

    ``routers`` are included in the app in this order (platform routes carry the
    ``/elements/api-v2`` prefix themselves); ``tables`` go to the store (created at start,
    emptied by the admin reset, counted by the admin stats); ``body_models`` are the request
    bodies its handlers parse themselves (added to the OpenAPI document); ``hooks`` are its
    cross-area reference rules (see ``references.py``).
    """

    name: str
    routers: tuple[APIRouter, ...]
    tables: tuple[Tables, ...] = ()
    body_models: tuple[type[BaseModel], ...] = ()
    hooks: tuple[Hook, ...] = ()
