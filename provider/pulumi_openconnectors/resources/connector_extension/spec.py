"""ConnectorExtension: resources of the account's own added to a connector of the catalog (an
extended connector: the Element Builder's "My Resources")."""

from __future__ import annotations

from ..spec import GENERATED, ExportSpec, FileSpec, OnChange, Prop, ResourceSpec, adopt_flag

SPEC = ResourceSpec(
    name="ConnectorExtension",
    doc=(
        "Resources of the organization's own added to a connector of the catalog (an "
        "extended connector): each an API call (`path`, `method`) that the connector maps "
        "onto the vendor's, next to the calls it comes with. Each resource is "
        "`POST`ed, `PUT` or `DELETE`d on its own (`/elements/{key}/resources[/{id}]`); the "
        "connector itself is never changed."
    ),
    operations=(
        "pulumi_openconnectors.resources.connector_extension.operations:"
        "ConnectorExtensionOperations"
    ),
    id_output="element_key",
    props=(
        Prop(
            "element_key",
            "str",
            "the key of the catalog's connector to extend (`closeio`, `sfdc`, …); it is the "
            "Pulumi id, so changing it replaces the extension (its resources move to the "
            "other connector)",
            on_change=OnChange.REPLACE,
            api="key",
            py="str",
            required=True,
        ),
        Prop(
            "resources",
            "list[{path, method, ...}]",
            "the organization's own resources of the connector (at least one; `path` from "
            "`/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per method and "
            "path; `vendorPath`, `vendorMethod`, `parameters`, `description`, …). A resource "
            "may have the method and path of one the connector comes with: it is the "
            "organization's version of that call",
            api="resources",
            py="list[dict[str, Any]]",
            required=True,
        ),
        adopt_flag("the organization's extension of this connector (the resources it added)"),
        Prop.output(
            "element_id", "int", "the connector's id (as its resources name it)", py="int | None"
        ),
    ),
    server_keys={
        "": ("id", "private", "createdDate", "updatedDate"),
        "resources[]": ("id", "elementId", "createdDate", "updatedDate"),
        "resources[].parameters[]": ("id", "resourceId", "createdDate", "updatedDate"),
    },
    # What the platform adds to a resource the program posts: not drift unless the program
    # sets it.
    server_filled={"resources[]": ("type", "ownerAccountId")},
    server_defaults={"resources[]": {"type": "api", "ownerAccountId": GENERATED}},
    export=ExportSpec(
        kind="connectors",
        after="connectors",
        folder="connector-extensions",
        section="Extended connectors (the organization's own resources on catalog connectors)",
        count="extended connectors",
        read="pulumi_openconnectors.resources.connector_extension.export:listed",
        resource="{key}-extension",
        count_none=False,
    ),
    file=FileSpec(
        what="connector extension",
        doc=(
            "An extension from the element JSON the platform exports for an extended "
            "connector (``GET /elements/{id}/export?extendedOnly=true``, the-doctor's "
            "``element.json`` of an element with ``extended: true``): its ``key`` and its "
            "``resources``. ``name`` is the Pulumi resource name (default: the connector "
            "key). The connector's own keys (``name``, ``authentication``, …) are not read; "
            "a resource of the catalog's (``ownerAccountId`` 1, in an export without "
            "``extendedOnly``) is left out; server-set keys (ids, dates) are dropped."
        ),
        resource_name_input="element_key",
        reader="pulumi_openconnectors.resources.connector_extension.rules:read_export",
    ),
    guide=(
        "The connector key is the extension's identity: changing it replaces the extension. "
        "The extension holds every resource the organization added to that connector: a "
        "resource added out of band shows as drift and the next ``up`` removes it; one "
        "changed or deleted out of band is put back; when all are gone, ``refresh`` drops the "
        "extension and ``up`` adds them again. An update sends only the resources that "
        "changed (matched by method and path). Declare one ``ConnectorExtension`` per "
        "connector: two of one connector would each remove the other's resources. "
        "``destroy`` deletes the organization's "
        "resources only: the connector and the resources it comes with stay. Instances of the "
        "connector (``ConnectorInstance(element_key=...)``) are not touched; "
        "``adopt=True`` takes over resources the organization already added."
    ),
    notes=(
        "Ownership marker: the connector key — the organization's resources of a connector "
        "are one set, so a create whose answer is lost is found by listing them (the "
        "connector's own resources, `ownerAccountId` 1, are not the organization's).",
    ),
)
