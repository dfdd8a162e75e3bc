"""Validation of VirtualDataResource inputs (the documented rules: :mod:`.rules`)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from .spec import SPEC, VDR_VERSION

NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,255}$")


class VirtualDataResourceInputs(DocumentInputs):
    spec = SPEC

    name: str
    vdr_version: str = VDR_VERSION
    definition: dict[str, Any] = Field(default_factory=lambda: {"fields": []})
    transformations: dict[str, dict[str, Any]] = Field(default_factory=dict)
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME.match(value) or value in (".", ".."):  # one segment of /vdrs/{name}/export
            raise ValueError(
                f"must be 1-255 letters, digits, '_', '-' or '.', not '.' or '..', got {value!r}"
            )
        return value

    @field_validator("vdr_version")
    @classmethod
    def _version(cls, value: str) -> str:
        if value != VDR_VERSION:
            raise ValueError(f"must be {VDR_VERSION!r} (the v2 model of VDRs), got {value!r}")
        return value
