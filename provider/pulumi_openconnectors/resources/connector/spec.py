"""Connector: a custom connector of the account (a private element, built with the Element
Builder): its key, name, authentication, configuration entries and resources."""

from __future__ import annotations

from ..spec import GENERATED, FileSpec, OnChange, Prop, ResourceSpec, adopt_flag

SPEC = ResourceSpec(
    name="Connector",
    doc=(
        "A custom connector: a private element of the account — a key, a name, an "
        "authentication type, configuration entries (what an instance of it is given) and "
        "resources (the API calls it maps onto the vendor's). Updates are a "
        "`PUT /elements/{key}` of the whole element."
    ),
    operations="pulumi_openconnectors.resources.connector.operations:ConnectorOperations",
    id_output="key",
    props=(
        Prop(
            "key",
            "str",
            "the connector key, unique in the organization (letters, digits, `_`, `-`; not a "
            "key of the catalog); it is the Pulumi id and the element key that a "
            "`ConnectorInstance` of it names, so changing it replaces the connector",
            on_change=OnChange.REPLACE,
            api="key",
            py="str",
            required=True,
        ),
        Prop(
            "name",
            "str",
            "the display name; default: the resource name",
            api="name",
            py="str",
            resource_name_default=True,
        ),
        Prop(
            "authentication",
            "dict",
            '`{"type": "basic"}` (`basic`, `oauth1`, `oauth2`, `custom`, …)',
            api="authentication",
            py="dict[str, Any]",
            required=True,
        ),
        Prop(
            "hub",
            "str",
            "the hub (`crm`, `marketing`, …); unset it is not managed",
            api="hub",
            unset_is_unmanaged=True,
            py="str | None",
        ),
        Prop(
            "description",
            "str",
            "unset it is not managed",
            api="description",
            unset_is_unmanaged=True,
            py="str | None",
        ),
        Prop(
            "configuration",
            "list[{key, ...}]",
            "the configuration entries (`key` unique; `defaultValue`, `required`, `type`, "
            "`name`, …): an entry `required` without a `defaultValue` must be given by each "
            "instance. Not secret: keep credentials out of `defaultValue`",
            default=[],
            api="configuration",
            py="list[dict[str, Any]]",
        ),
        Prop(
            "resources",
            "list[{path, method, ...}]",
            "the API calls (`path` from `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one "
            "resource per path and method; `vendorPath`, `vendorMethod`, `parameters`, …)",
            default=[],
            api="resources",
            py="list[dict[str, Any]]",
        ),
        Prop.extra_keys(
            "any other keys of the element JSON (`image`, `hooks`, `parameters`, …), kept as "
            "they are"
        ),
        adopt_flag("the connector of this key"),
        Prop.output("connector_id", "int", "the element id"),
    ),
    server_keys={
        "": ("id", "private", "createdDate", "updatedDate"),
        "configuration[]": ("id", "elementId"),
        "resources[]": ("id", "elementId", "createdDate", "updatedDate"),
        "resources[].parameters[]": ("id", "resourceId", "createdDate", "updatedDate"),
        "parameters[]": ("id", "elementId", "createdDate", "updatedDate"),
        "hooks[]": ("id", "elementId"),
    },
    # What the platform adds to an element the program puts (the documents' answer of
    # POST /elements, the catalog's element object): not drift unless the program sets it.
    server_filled={
        "": (
            "hookName",
            "image",
            "active",
            "deleted",
            "typeOauth",
            "trialAccount",
            "transformationsEnabled",
            "bulkDownloadEnabled",
            "bulkUploadEnabled",
            "cloneable",
            "extendable",
            "beta",
            "extended",
            "protocolType",
        ),
        "configuration[]": (
            "name",
            "description",
            "type",
            "required",
            "active",
            "internal",
            "resellerConfig",
            "companyConfig",
            "hideFromConsole",
        ),
        "resources[]": ("type",),
        "resources[].parameters[]": ("source",),
    },
    # The element defaults the platform fills in (a catalog element's shape).
    server_defaults={
        "": {
            "hookName": "",
            "image": "",
            "active": True,
            "deleted": False,
            "typeOauth": GENERATED,  # from the authentication type
            "trialAccount": False,
            "transformationsEnabled": True,
            "bulkDownloadEnabled": False,
            "bulkUploadEnabled": False,
            "cloneable": False,
            "extendable": False,
            "beta": False,
            "extended": False,
            "protocolType": "http",
        },
        "resources[]": {"type": "api"},
    },
    file=FileSpec(
        what="connector",
        doc=(
            "A connector from the element JSON the platform exports (``GET "
            "/elements/{id}/export``, the-doctor's ``element.json``). ``name`` is the Pulumi "
            "resource name (default: the connector key). Unknown keys go to ``extra``; "
            "server-set keys (``id``, ``private``, dates, and the ids on configuration "
            "entries, resources, their parameters and hooks) are dropped. ``path`` may also "
            "be a connector directory, the-doctor's layout (or its ``element.json``): "
            "``element.json`` with each hook's JavaScript in a ``.js`` file next to it, "
            "``<type>Hook.js`` for a hook of the element (``preRequestHook.js``) and "
            "``resources/<method>-<path>-<type>Hook.js`` for a hook of a resource (the path "
            "without its ``/hubs/<hub>/``, ``/`` as ``-``, no braces: "
            "``resources/GET-contacts-id-preRequestHook.js``); a hook whose ``body`` is in "
            "``element.json`` keeps it."
        ),
        resource_name_input="key",
        reader="pulumi_openconnectors.resources.connector.layout:read_connector",
    ),
    guide=(
        "The key is the connector's identity: changing it replaces the connector (and the "
        "instances of it that name it by ``element_key=connector.key``); everything else is "
        "updated in place with one ``PUT``. Wire instances by output "
        "(``ConnectorInstance(..., element_key=connector.key)``) so that they are created "
        "after the connector and deleted before it (the platform refuses to delete a "
        "connector that has instances). ``adopt=True`` takes over a connector of that key."
    ),
    notes=(
        "Ownership marker: the key — a private element's key is unique in the organization "
        "(a second create answers 409), so a create whose answer is lost is found by its key.",
    ),
)
