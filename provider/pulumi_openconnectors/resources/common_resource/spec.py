"""CommonResource: an organization's object definition (a canonical data model, "VDR")."""

from __future__ import annotations

from ..spec import GENERATED, FileSpec, OnChange, Prop, ResourceSpec, adopt_flag

# The top-level keys the server alone sets on a definition (no program sets them).
_STAMPS = ("createdDate", "updatedDate", "vdrShared", "vdrShareLevel")

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
            py="str",
            file_keys=("name", "objectName"),
            resource_name_default=True,
        ),
        Prop(
            "fields",
            "list[{path, type}]",
            "`path` in dot notation for nesting (`address.city`); `type` `string`, `number`, "
            "`boolean`, `date`, or a custom/array type",
            default=[],
            py="list[dict[str, Any]]",
            api="fields",
        ),
        Prop.extra_keys("any other keys of the definition JSON, kept as they are"),
        adopt_flag("the definition of this name"),
        Prop.output("level", "str", "`organization`"),
        Prop.output(
            "field_paths",
            "list[str]",
            "the declared field paths (give them to a Transformation's check)",
        ),
    ),
    server_keys={"": ("id", "level", "objectName"), "fields[]": ("id", "level")},
    file=FileSpec(
        what="common resource",
        doc=(
            'A common resource from a definition JSON file (``{"fields": [...]}``, optionally '
            'with ``"name"``/``"objectName"``; default name: the file\'s stem). ``name`` is '
            "the Pulumi resource name (default: the object name). Unknown keys go to ``extra``; "
            "server-set keys (``id``, ``level``, also on fields) are dropped."
        ),
        stem_input="name",
        resource_name_input="name",
    ),
    guide=(
        "The name is the key: changing it replaces the resource; ``fields`` are updated in "
        "place (``PUT``). Pass the resource to a ``Transformation`` (``common_resource=``) so "
        "that the transformation is created after it and its fields are checked."
    ),
    # What the platform adds to a definition the program puts (documented answers of
    # /organizations/objects/{name}/definitions): not drift unless the program sets it.
    server_filled={"": _STAMPS, "fields[]": ("id", "level", "displayName")},
    # What of those the server alone sets: an import keeps none of them.
    server_defaults={
        "": dict.fromkeys(_STAMPS, GENERATED),
        "fields[]": dict.fromkeys(("id", "level"), GENERATED),
    },
    notes=(
        "Ownership marker: the name — a definition's name is unique in the organization (a "
        "second create answers 409), so a create whose answer is lost is found by its name.",
    ),
)
