"""VirtualDataResource: a virtual data resource (VDR) of the v2 model — its definition and its
transformations per connector in one document (``/vdrs``)."""

from __future__ import annotations

from ..spec import GENERATED, ExportSpec, FileSpec, OnChange, Prop, ResourceSpec, adopt_flag

VDR_VERSION = "v2"

SPEC = ResourceSpec(
    name="VirtualDataResource",
    doc=(
        "A virtual data resource of the v2 model: a name, its definition (`fields`, "
        "`{path, type}` each) and its transformations, one per connector key, in the one "
        "document `GET /vdrs/{name}/export` answers. Updates are a `PUT /vdrs/import` of the "
        "whole document (an upsert by name)."
    ),
    operations=(
        "pulumi_openconnectors.resources.virtual_data_resource.operations:"
        "VirtualDataResourceOperations"
    ),
    id_output="name",
    props=(
        Prop(
            "name",
            "str",
            "the VDR's object name (letters, digits, `_`, `-`, `.`); it is the key in the "
            "organization, so changing it replaces the resource; default: the resource name",
            on_change=OnChange.REPLACE,
            api="vdrName",
            py="str",
            file_keys=("objectName",),
            resource_name_default=True,
        ),
        Prop(
            "vdr_version",
            "str",
            "`vdrVersion` of the document: only `v2`",
            default=VDR_VERSION,
            api="vdrVersion",
            py="str",
            init_default=VDR_VERSION,
        ),
        Prop(
            "definition",
            "{fields: list[{path, type, displayName?}], ...}",
            "the VDR's fields (`path` in dot notation for nesting, `type` `string`, `number`, "
            "`boolean`, `date`, ...) and any other keys of the definition",
            default={"fields": []},
            api="definition",
            py="dict[str, Any]",
        ),
        Prop(
            "transformations",
            "dict[str, {vendorName, fields: list[{path, vendorPath, ...}], configuration?, "
            "script?}]",
            "per connector key (`sfdc`), how its vendor object maps onto the VDR; each field's "
            "`path` must be a field of the definition",
            default={},
            api="transformation",
            py="dict[str, dict[str, Any]]",
        ),
        Prop.extra_keys(
            "any other keys of the VDR's document (e.g. `description`), kept as they are"
        ),
        adopt_flag("the VDR of this name"),
        Prop.output("field_paths", "list[str]", "the definition's field paths"),
        Prop.output(
            "element_keys", "list[str]", "the connectors that have a transformation, sorted"
        ),
        Prop.output("vdr_id", "int", "the VDR's numeric id (what `DELETE /vdrs/{id}` takes)"),
    ),
    server_keys={
        "": ("id", "objectName"),
        "definition": ("id", "objectName", "vdrId"),
        "definition.fields[]": ("id",),
        "transformation.*": ("id", "objectName", "vdrId", "elementId", "startDate"),
        "transformation.*.fields[]": ("id", "vdrFieldId"),
    },
    export=ExportSpec(
        kind="vdrs",
        after="transformations",
        folder="vdrs",
        section="Virtual data resources (v2)",
        count="virtual data resources",
        read="pulumi_openconnectors.resources.virtual_data_resource.export:listed",
        stem="<name>",
        named=False,
    ),
    file=FileSpec(
        what="virtual data resource",
        doc=(
            "A virtual data resource from the JSON the platform (`GET /vdrs/{name}/export`) or "
            "the-doctor exports for a v2 VDR (``{vdrVersion, vdrName, definition, "
            'transformation}``; a file holding it under its name, ``{"<name>": {...}}``, is '
            "read as the object inside). ``name`` is the Pulumi resource name (default: the "
            "VDR's name). Unknown keys go to ``extra``; server-set keys (``id``, also in the "
            "definition, the transformations and their fields) are dropped."
        ),
        stem_input="name",
        resource_name_input="name",
        wrapped="vdrVersion",
    ),
    guide=(
        "The name is the key: changing it replaces the resource; the definition and the "
        "transformations are updated in place (one ``PUT /vdrs/import`` of the whole "
        "document). A create posts the definition first (``POST /vdrs``): a VDR of that name "
        "that already exists is refused, not replaced; take it over with ``adopt=True``. "
        "``check`` refuses a transformation field whose ``path`` is not a field of the "
        "definition, naming it."
    ),
    # What the platform adds to the document the program imports: not drift unless the program
    # sets it.
    server_filled={
        "": ("createdDate", "updatedDate"),
        "definition": ("level",),
        "definition.fields[]": ("level", "displayName"),
        "transformation.*": ("level", "isLegacy", "elementKey", "createdDate", "updatedDate"),
        "transformation.*.fields[]": ("level", "type", "vendorType"),
        "transformation.*.configuration[]": ("level",),
        "transformation.*.script": ("mimeType", "filterEmptyResponse", "level"),
    },
    server_defaults={
        "": {"createdDate": GENERATED, "updatedDate": GENERATED},
        "definition": {"level": GENERATED},
        "definition.fields[]": {"level": GENERATED},
        "transformation.*": {
            "level": GENERATED,
            "isLegacy": False,
            "elementKey": GENERATED,  # the key of the entry
            "createdDate": GENERATED,
            "updatedDate": GENERATED,
        },
        "transformation.*.fields[]": {"level": GENERATED},
        "transformation.*.configuration[]": {"level": GENERATED},
        "transformation.*.script": {
            "mimeType": "application/javascript",
            "filterEmptyResponse": False,
            "level": GENERATED,
        },
    },
    notes=(
        "Ownership marker: the name — a VDR's name is unique in the organization (a second "
        "`POST /vdrs` answers 409), so a create whose answer is lost is found by its name. A "
        "delete is one `DELETE /vdrs/{id}` of the id the import answered (kept in state as "
        "`vdr_id`; a state without it finds the id by name first).",
    ),
)
