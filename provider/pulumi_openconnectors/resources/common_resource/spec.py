"""CommonResource: an organization's object definition (a canonical data model, "VDR")."""

from __future__ import annotations

from ..spec import OnChange, Prop, ResourceSpec

# Keys the server sets in a definition (and in each of its fields): never sent, not kept as
# `extra`, dropped from a file and from an export. Here, not in inputs.py: resource.py
# (from_file) and export need them without importing pydantic.
SERVER_KEYS = ("id", "level", "objectName")
FIELD_SERVER_KEYS = ("id", "level")

SPEC = ResourceSpec(
    name="CommonResource",
    doc=(
        "A common resource: an object definition of the organization — a name and its fields "
        "(`{path, type}` each) — that transformations map connector objects onto. Updates are "
        "a `PUT /organizations/objects/{name}/definitions`."
    ),
    operations=(
        "pulumi_openconnectors.resources.common_resource.operations:CommonResourceOperations"
    ),
    id_output="name",
    props=(
        Prop(
            "name",
            "str",
            "the object name (letters, digits, `_`, `-`, `.`); it is the key, so changing it "
            "replaces the resource; default: the resource name",
            on_change=OnChange.REPLACE,
        ),
        Prop(
            "fields",
            "list[{path, type}]",
            "`path` in dot notation for nesting (`address.city`); `type` `string`, `number`, "
            "`boolean`, `date`, or a custom/array type",
            default=[],
        ),
        Prop(
            "extra", "dict", "any other keys of the definition JSON, kept as they are", default={}
        ),
        Prop(
            "adopt",
            "bool",
            "take over the definition of this name if it exists instead of failing",
            on_change=OnChange.CREATE_ONLY,
        ),
        Prop("level", "str", "`organization`", input=False),
        Prop(
            "field_paths",
            "list[str]",
            "the declared field paths (give them to a Transformation's check)",
            input=False,
        ),
    ),
    # What the platform adds to a definition the program puts (documented answers of
    # /organizations/objects/{name}/definitions): not drift unless the program sets it.
    server_filled={
        "": ("createdDate", "updatedDate", "vdrShared", "vdrShareLevel"),
        "fields[]": ("id", "level", "displayName"),
    },
    notes=(
        "Ownership marker: the name — a definition's name is unique in the organization (a "
        "second create answers 409), so a create whose answer is lost is found by its name.",
    ),
)
