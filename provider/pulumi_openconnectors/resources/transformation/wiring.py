"""A Transformation's ``common_resource=`` keyword (the resource class's init hook)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..common_resource.outputs import CommonResourceOutputs


def onto_common_resource(
    resource_name: str, inputs: dict[str, Any], common_resource: CommonResourceOutputs | None
) -> dict[str, Any]:
    """The inputs with the common resource's name and field paths where the program gives
    none, so the engine orders the two and ``check`` knows the declared fields."""
    if common_resource is not None:
        if inputs.get("object_name") is None:
            inputs["object_name"] = common_resource.name
        if inputs.get("common_resource_fields") is None:
            inputs["common_resource_fields"] = common_resource.field_paths
    if inputs.get("object_name") is None:
        raise TypeError(f"Transformation {resource_name!r}: give object_name or common_resource")
    return inputs
