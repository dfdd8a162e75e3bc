"""Transformation: a connector's (or one instance's) mapping of a vendor object onto a common
resource."""

from __future__ import annotations

from ..spec import (
    GENERATED,
    FileSpec,
    InitArg,
    OnChange,
    Prop,
    ResourceSpec,
    adopt_flag,
    connector_by_id,
    same_integer,
)

SCOPE = ("element_key", "element_id", "instance_id")
"""The inputs of which exactly one is set: the connector (all its instances) or one instance."""

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
            py="str",
            file_keys=("objectName",),
        ),
        Prop(
            "element_key",
            "str",
            "the connector, for all its instances; set exactly one of element_key, element_id, "
            "instance_id",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
            py="str | None",
            file_keys=("element.key",),
        ),
        connector_by_id(),
        Prop(
            "instance_id",
            "int",
            "one connector instance (instance level)",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
            same=same_integer,
            py="int | None",
        ),
        Prop(
            "vendor_name",
            "str",
            "the connector's object, e.g. `Contact`",
            py="str",
            api="vendorName",
            required=True,
        ),
        Prop(
            "fields",
            "list[{path, vendorPath, type?, vendorType?, configuration?}]",
            "`path` a field of the common resource, `vendorPath` the vendor's field",
            default=[],
            py="list[dict[str, Any]]",
            api="fields",
        ),
        Prop(
            "configuration",
            "list[{type, properties?}]",
            "object-level settings, e.g. `{type: passThrough, properties: {fromVendor: false}}`",
            default=[],
            py="list[dict[str, Any]]",
            api="configuration",
            omit_empty=True,
        ),
        Prop(
            "script",
            "str | dict",
            "JavaScript run on each object (`{body: …}`; a string is the body)",
            py="dict[str, Any] | None",
            api="script",
            py_input="str | Mapping[str, Any]",
        ),
        Prop(
            "is_legacy",
            "bool",
            "`isLegacy`: v1 scripts; unset = not managed",
            unset_is_unmanaged=True,
            py="bool | None",
            api="isLegacy",
        ),
        Prop.extra_keys("any other keys of the transformation JSON, kept"),
        Prop(
            "common_resource_fields",
            "list[str]",
            "the common resource's field paths (e.g. `common_resource.field_paths`): check "
            "refuses a field that is not one of them",
            on_change=OnChange.CREATE_ONLY,
            py="list[str] | None",
        ),
        adopt_flag("the transformation"),
        Prop.output(
            "transformation_id",
            "str",
            "`element/<key>/<object>` or `instance/<id>/<object>` (also the Pulumi id)",
        ),
        Prop.output("level", "str", "`organization` or `instance`"),
    ),
    server_keys={
        "": ("id", "objectName", "level", "startDate", "elementId", "element", "instanceId"),
        "fields[]": ("level",),
    },
    file=FileSpec(
        what="transformation",
        doc=(
            "A transformation from its JSON file (as the API returns it). Give the scope "
            "(``element_key=``, ``element_id=`` or ``instance_id=``) and the common resource "
            "(``object_name=`` or ``common_resource=``) unless the file names them "
            "(``objectName``, ``element.key``). ``name`` is the Pulumi resource name (default: "
            "the file's stem). Unknown keys go to ``extra``; server-set keys are dropped."
        ),
        exclusive=(SCOPE,),
    ),
    init_args=(
        InitArg(
            "common_resource",
            "CommonResourceOutputs | None",
            "the common resource to map onto, instead of ``object_name``: the engine creates it "
            "first and deletes it last, and ``check`` refuses a field it does not declare",
            import_="from ..common_resource.outputs import CommonResourceOutputs",
        ),
    ),
    init_hook="wiring:onto_common_resource",
    guide=(
        "Changing the common resource or the scope replaces it; everything else is updated in "
        "place (``PUT``). Pass ``common_resource=<CommonResource>`` instead of ``object_name`` "
        "to depend on it (the engine creates it first and deletes it last) and to have "
        "``check`` refuse a field the common resource does not declare."
    ),
    # What the platform adds to a transformation the program puts (documented answers, the
    # UI's exports): not drift unless the program sets it.
    server_filled={
        "": ("elementKey", "isLegacy", "createdDate", "updatedDate"),
        "configuration[]": ("level",),
        "script": ("mimeType", "filterEmptyResponse", "level"),
        "fields[]": ("level", "type", "vendorType"),
    },
    server_defaults={
        "": {
            "elementKey": GENERATED,  # the scope, which the id and its own inputs give
            "isLegacy": False,
            "createdDate": GENERATED,
            "updatedDate": GENERATED,
        },
        "configuration[]": {"level": GENERATED},
        "script": {
            "mimeType": "application/javascript",
            "filterEmptyResponse": False,
            "level": GENERATED,
        },
        "fields[]": {"level": GENERATED},
    },
    notes=(
        "Ownership marker: the scope and object name — one transformation per connector (or "
        "instance) and object (a second create answers 409), so a create whose answer is lost "
        "is found by them.",
    ),
)
