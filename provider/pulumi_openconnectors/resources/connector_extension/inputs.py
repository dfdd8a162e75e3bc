"""Validation of ConnectorExtension inputs (the documented rules across them: :mod:`.rules`)."""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from ..operations import DocumentInputs
from .rules import check_key, own_resources
from .spec import SPEC


class ConnectorExtensionInputs(DocumentInputs):
    spec = SPEC

    element_key: str
    resources: list[dict[str, Any]]
    adopt: bool = False

    @field_validator("element_key")
    @classmethod
    def _key(cls, value: str) -> str:
        return check_key(value, "a connector key: ")

    @field_validator("resources")
    @classmethod
    def _own(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return own_resources(value)
