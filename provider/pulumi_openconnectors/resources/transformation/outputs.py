"""Transformation: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class TransformationOutputs:
    """What a Transformation reports: its inputs as the API holds them, and what it sets."""

    object_name: pulumi.Output[str]
    """The common resource (e.g. `common_resource.name`)."""
    element_key: pulumi.Output[str | None]
    """The connector, for all its instances; set exactly one of element_key, element_id,
    instance_id."""
    element_id: pulumi.Output[int | None]
    """The connector by id."""
    instance_id: pulumi.Output[int | None]
    """One connector instance (instance level)."""
    vendor_name: pulumi.Output[str]
    """The connector's object, e.g. `Contact`."""
    fields: pulumi.Output[list[dict[str, Any]]]
    """`path` a field of the common resource, `vendorPath` the vendor's field."""
    configuration: pulumi.Output[list[dict[str, Any]]]
    """Object-level settings, e.g. `{type: passThrough, properties: {fromVendor: false}}`."""
    script: pulumi.Output[dict[str, Any] | None]
    """JavaScript run on each object (`{body: …}`; a string is the body)."""
    is_legacy: pulumi.Output[bool | None]
    """`isLegacy`: v1 scripts; unset = not managed."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other keys of the transformation JSON, kept."""
    common_resource_fields: pulumi.Output[list[str] | None]
    """The common resource's field paths (e.g. `common_resource.field_paths`): check refuses a
    field that is not one of them."""
    adopt: pulumi.Output[bool]
    """Take over the transformation if it exists instead of failing."""
    transformation_id: pulumi.Output[str]
    """`element/<key>/<object>` or `instance/<id>/<object>` (also the Pulumi id)."""
    level: pulumi.Output[str]
    """`organization` or `instance`."""
