"""Transformation: a mapping of a connector's object onto a common resource, as a resource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pulumi

from ..documents import load_json_object
from ..resource import SpecResource
from .provider import TransformationProvider
from .spec import FIELD_SERVER_KEYS, SERVER_KEYS, SPEC

if TYPE_CHECKING:
    from ..common_resource.resource import CommonResource

_KEYS = {
    "vendorName": "vendor_name",
    "fields": "fields",
    "configuration": "configuration",
    "script": "script",
    "isLegacy": "is_legacy",
}


class Transformation(SpecResource, **SPEC.pulumi_type):
    """How a connector's vendor object maps onto a common resource, for every instance of the
    connector (``element_key``/``element_id``) or for one instance (``instance_id``).

    Type token: ``pulumi-python:dynamic/openconnectors:Transformation``. Changing the common
    resource or the scope replaces it; everything else is updated in place (``PUT``). Pass
    ``common_resource=<CommonResource>`` instead of ``object_name`` to depend on it (the engine
    creates it first and deletes it last) and to have ``check`` refuse a field the common
    resource does not declare.
    """

    transformation_id: pulumi.Output[str]
    object_name: pulumi.Output[str]
    element_key: pulumi.Output[str | None]
    element_id: pulumi.Output[int | None]
    instance_id: pulumi.Output[int | None]
    vendor_name: pulumi.Output[str]
    fields: pulumi.Output[list[dict[str, Any]]]
    configuration: pulumi.Output[list[dict[str, Any]]]
    script: pulumi.Output[dict[str, Any] | None]
    is_legacy: pulumi.Output[bool | None]
    extra: pulumi.Output[dict[str, Any]]
    common_resource_fields: pulumi.Output[list[str] | None]
    adopt: pulumi.Output[bool]
    level: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        vendor_name: pulumi.Input[str],
        object_name: pulumi.Input[str] | None = None,
        common_resource: CommonResource | None = None,
        element_key: pulumi.Input[str] | None = None,
        element_id: pulumi.Input[int] | None = None,
        instance_id: pulumi.Input[int] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        script: pulumi.Input[str | Mapping[str, Any]] | None = None,
        is_legacy: pulumi.Input[bool] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        common_resource_fields: pulumi.Input[Sequence[str]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        if common_resource is not None:
            object_name = object_name if object_name is not None else common_resource.name
            if common_resource_fields is None:
                common_resource_fields = common_resource.field_paths
        if object_name is None:
            raise TypeError(
                f"Transformation {resource_name!r}: give object_name or common_resource"
            )
        self._register(
            TransformationProvider(),
            resource_name,
            {
                "object_name": object_name,
                "element_key": element_key,
                "element_id": element_id,
                "instance_id": instance_id,
                "vendor_name": vendor_name,
                "fields": fields if fields is not None else [],
                "configuration": configuration if configuration is not None else [],
                "script": script,
                "is_legacy": is_legacy,
                "extra": extra if extra is not None else {},
                "common_resource_fields": common_resource_fields,
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
    ) -> Transformation:
        """A transformation from its JSON file (as the API returns it). Give the scope
        (``element_key=``, ``element_id=`` or ``instance_id=``) and the common resource
        (``object_name=`` or ``common_resource=``) unless the file names them (``objectName``,
        ``element.key``). ``name`` is the Pulumi resource name (default: the file's stem).
        Unknown keys go to ``extra``; server-set keys are dropped."""
        document = load_json_object(path, "transformation")
        inputs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in document.items():
            if key in _KEYS:
                inputs[_KEYS[key]] = value
            elif key not in SERVER_KEYS:
                extra[key] = value
        if isinstance(inputs.get("fields"), list):
            inputs["fields"] = [
                {k: v for k, v in f.items() if k not in FIELD_SERVER_KEYS}
                if isinstance(f, dict)
                else f
                for f in inputs["fields"]
            ]
        if isinstance(document.get("objectName"), str):
            inputs["object_name"] = document["objectName"]
        element = document.get("element")
        if isinstance(element, dict) and isinstance(element.get("key"), str):
            inputs["element_key"] = element["key"]
        if extra:
            inputs["extra"] = extra
        merged = {**inputs, **overrides}
        if {"element_id", "instance_id"} & set(overrides) and "element_key" not in overrides:
            merged.pop("element_key", None)  # the scope the caller gives wins over the file's
        return cls(name or Path(path).stem, opts=opts, **merged)
