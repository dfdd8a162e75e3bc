"""Validation of Transformation inputs."""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ...client import Scope
from ..operations import DocumentInputs, unknown_fields
from ..values import not_blank, whole_number
from .spec import SCOPE, SPEC


class TransformationInputs(DocumentInputs):
    spec = SPEC

    object_name: str
    element_key: str | None = None
    element_id: int | None = Field(default=None, gt=0)
    instance_id: int | None = Field(default=None, gt=0)
    vendor_name: str
    fields: list[dict[str, Any]] = Field(default_factory=list)
    configuration: list[dict[str, Any]] = Field(default_factory=list)
    script: dict[str, Any] | None = None
    is_legacy: bool | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    common_resource_fields: list[str] | None = None
    adopt: bool = False

    _integers = field_validator("element_id", "instance_id", mode="before")(whole_number)
    _names = field_validator("object_name", "vendor_name")(not_blank)

    @field_validator("object_name")
    @classmethod
    def _object_name(cls, value: str) -> str:
        if value in (".", ".."):  # one segment of the transformation's path
            raise ValueError(
                f"must not be '.' or '..' (the name of a common resource), got {value!r}"
            )
        return value

    @field_validator("script", mode="before")
    @classmethod
    def _script(cls, value: Any) -> Any:
        return {"body": value} if isinstance(value, str) else value

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[str] = set()
        for index, field in enumerate(value):
            for key in ("path", "vendorPath"):
                if not isinstance(field.get(key), str) or not str(field.get(key)).strip():
                    raise ValueError(f"[{index}].{key} is required (a string)")
            if field["path"] in seen:
                raise ValueError(f"[{index}].path {field['path']!r} is mapped twice")
            seen.add(field["path"])
        return value

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> TransformationInputs:
        unknown = unknown_fields(info)
        if not set(SCOPE) & unknown:
            given = [s for s in SCOPE if getattr(self, s) is not None]
            if len(given) != 1:
                raise ValueError(
                    "element_key: set exactly one of element_key, element_id (a connector's "
                    "transformation) or instance_id (one instance's)"
                )
        declared = self.common_resource_fields
        if declared is not None and not {"fields", "common_resource_fields"} & unknown:
            for index, field in enumerate(self.fields):
                path = str(field["path"])
                if path not in declared and path.split(".")[0] not in declared:
                    raise ValueError(
                        f"fields: fields[{index}].path {path!r} is not a field of common "
                        f"resource {self.object_name!r} (its fields: {', '.join(declared)})"
                    )
        return self

    @property
    def scope(self) -> Scope:
        if self.instance_id is not None:
            return Scope.instance(self.instance_id)
        element = self.element_key if self.element_key is not None else str(self.element_id)
        return Scope.element(element)

    @property
    def transformation_id(self) -> str:
        return f"{self.scope.level}/{self.scope.ref}/{self.object_name}"
