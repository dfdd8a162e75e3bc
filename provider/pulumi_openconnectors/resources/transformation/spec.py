"""Transformation: a connector's (or one instance's) mapping of a vendor object onto a common
resource."""

from __future__ import annotations

from ..spec import OnChange, Prop, ResourceSpec, same_integer

# Keys the server sets in a transformation (and in its fields): never sent, not kept as
# `extra`, dropped from a file. Here, not in inputs.py: resource.py (from_file) needs them
# without importing pydantic.
SERVER_KEYS = ("id", "objectName", "level", "startDate", "elementId", "element", "instanceId")
FIELD_SERVER_KEYS = ("level",)

SPEC = ResourceSpec(
    name="Transformation",
    doc=(
        "A transformation: how one connector's vendor object (`vendor_name`) maps onto a "
        "common resource (`object_name`) — field paths, vendor paths, configuration and an "
        "optional script — for every instance of the connector (`element_key`/`element_id`) "
        "or for one instance (`instance_id`). Updates are a `PUT`."
    ),
    operations=(
        "pulumi_openconnectors.resources.transformation.operations:TransformationOperations"
    ),
    id_output="transformation_id",
    props=(
        Prop(
            "object_name",
            "str",
            "the common resource (e.g. `common_resource.name`)",
            on_change=OnChange.REPLACE,
        ),
        Prop(
            "element_key",
            "str",
            "the connector, for all its instances; set exactly one of element_key, element_id, "
            "instance_id",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
        ),
        Prop(
            "element_id",
            "int",
            "the connector by id",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
            same=same_integer,
        ),
        Prop(
            "instance_id",
            "int",
            "one connector instance (instance level)",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
            same=same_integer,
        ),
        Prop("vendor_name", "str", "the connector's object, e.g. `Contact`"),
        Prop(
            "fields",
            "list[{path, vendorPath, type?, vendorType?, configuration?}]",
            "`path` a field of the common resource, `vendorPath` the vendor's field",
            default=[],
        ),
        Prop(
            "configuration",
            "list[{type, properties?}]",
            "object-level settings, e.g. `{type: passThrough, properties: {fromVendor: false}}`",
            default=[],
        ),
        Prop(
            "script",
            "str | dict",
            "JavaScript run on each object (`{body: …}`; a string is the body)",
        ),
        Prop(
            "is_legacy",
            "bool",
            "`isLegacy`: v1 scripts; unset = not managed",
            unset_is_unmanaged=True,
        ),
        Prop("extra", "dict", "any other keys of the transformation JSON, kept", default={}),
        Prop(
            "common_resource_fields",
            "list[str]",
            "the common resource's field paths (e.g. `common_resource.field_paths`): check "
            "refuses a field that is not one of them",
            on_change=OnChange.CREATE_ONLY,
        ),
        Prop(
            "adopt",
            "bool",
            "take over the transformation if it exists instead of failing",
            on_change=OnChange.CREATE_ONLY,
        ),
        Prop(
            "transformation_id",
            "str",
            "`element/<key>/<object>` or `instance/<id>/<object>` (also the Pulumi id)",
            input=False,
        ),
        Prop("level", "str", "`organization` or `instance`", input=False),
    ),
    # What the platform adds to a transformation the program puts (documented answers, the
    # UI's exports): not drift unless the program sets it.
    server_filled={
        "": ("elementKey", "isLegacy", "createdDate", "updatedDate"),
        "configuration[]": ("level",),
        "script": ("mimeType", "filterEmptyResponse", "level"),
        "fields[]": ("level", "type", "vendorType"),
    },
    notes=(
        "Ownership marker: the scope and object name — one transformation per connector (or "
        "instance) and object (a second create answers 409), so a create whose answer is lost "
        "is found by them.",
    ),
)
