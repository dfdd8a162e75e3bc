"""Validation of CommonResource inputs."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, field_validator

from ..operations import DocumentInputs
from .spec import SPEC

NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,255}$")


class CommonResourceInputs(DocumentInputs):
    spec = SPEC

    name: str
    fields: list[dict[str, Any]] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    adopt: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME.match(value) or value in (".", ".."):  # the name is one segment of a path
            raise ValueError(
                f"must be 1-255 letters, digits, '_', '-' or '.', not '.' or '..', got {value!r}"
            )
        return value

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[str] = set()
        for index, field in enumerate(value):
            path, kind = field.get("path"), field.get("type")
            if not isinstance(path, str) or not path.strip():
                raise ValueError(f"[{index}].path is required (a string)")
            if not isinstance(kind, str) or not kind.strip():
                raise ValueError(f"[{index}].type is required (e.g. 'string')")
            if path in seen:
                raise ValueError(f"[{index}].path {path!r} is declared twice")
            seen.add(path)
        return value
