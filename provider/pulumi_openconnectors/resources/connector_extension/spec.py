"""ConnectorExtension: TODO one line on what the platform object is."""

from __future__ import annotations

from ..spec import EXTRA, Prop, ResourceSpec, adopt_flag

SPEC = ResourceSpec(
    name="ConnectorExtension",
    doc="TODO: what a ConnectorExtension is, and what an update sends (`PUT /…`).",
    operations="pulumi_openconnectors.resources.connector_extension.operations:ConnectorExtensionOperations",
    id_output="connector_extension_id",
    props=(
        Prop(
            "name",
            "str",
            "the object's name; default: the resource name",
            api="name",
            py="str",
            resource_name_default=True,
        ),
        Prop(
            "extra",
            "dict",
            "any other keys of the object's JSON, kept as they are",
            default={},
            api=EXTRA,
            py="dict[str, Any]",
        ),
        adopt_flag("the object of this name"),
        Prop("connector_extension_id", "str", "the object's id (also the Pulumi id)", input=False, py="str"),
    ),
    server_keys={"": ("id", "createdDate", "updatedDate")},
)
