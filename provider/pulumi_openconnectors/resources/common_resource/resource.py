"""CommonResource: an object definition as a Pulumi resource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pulumi

from ..documents import load_json_object
from ..resource import SpecResource
from .provider import CommonResourceProvider
from .spec import SERVER_KEYS, SPEC


class CommonResource(SpecResource, **SPEC.pulumi_type):
    """A common resource (object definition) of the organization: a name and its fields.

    Type token: ``pulumi-python:dynamic/openconnectors:CommonResource``. The name is the key:
    changing it replaces the resource; ``fields`` are updated in place (``PUT``).
    """

    name: pulumi.Output[str]
    fields: pulumi.Output[list[dict[str, Any]]]
    extra: pulumi.Output[dict[str, Any]]
    adopt: pulumi.Output[bool]
    level: pulumi.Output[str]
    field_paths: pulumi.Output[list[str]]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(
            CommonResourceProvider(),
            resource_name,
            {
                "name": name if name is not None else resource_name,
                "fields": fields if fields is not None else [],
                "extra": extra if extra is not None else {},
                "adopt": adopt,
            },
            opts,
        )

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        name: str | None = None,
        *,
        opts: pulumi.ResourceOptions | None = None,
        **overrides: Any,
    ) -> CommonResource:
        """A common resource from a definition JSON file (``{"fields": [...]}``, optionally
        with ``"name"``/``"objectName"``; default name: the file's stem). ``name`` is the
        Pulumi resource name (default: the object name). Unknown keys go to ``extra``."""
        document = load_json_object(path, "common resource")
        object_name = document.get("name") or document.get("objectName") or Path(path).stem
        extra = {k: v for k, v in document.items() if k not in ("fields", "name", *SERVER_KEYS)}
        inputs: dict[str, Any] = {"name": object_name, "fields": document.get("fields") or []}
        if extra:
            inputs["extra"] = extra
        return cls(name or str(object_name), opts=opts, **{**inputs, **overrides})
