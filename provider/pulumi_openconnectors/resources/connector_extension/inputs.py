"""Validation of ConnectorExtension inputs (the documented rules: :mod:`.rules`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from ..values import not_blank
from .spec import SPEC


class ConnectorExtensionInputs(DocumentInputs):
    spec = SPEC

    name: str
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt: bool = False

    _names = field_validator("name")(not_blank)
