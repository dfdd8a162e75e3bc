"""The typed keywords of every resource class: one class per type, whose typed
``__init__`` both resource classes of the type inherit.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pulumi

from .keywords import Keywords, Registers

if TYPE_CHECKING:
    from .common_resource.outputs import CommonResourceOutputs


class CommonResourceKeywords(Keywords):
    """The keywords of both CommonResource classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A CommonResource resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the object name (letters, digits, `_`, `-`, `.`); it is the key, so changing
                it replaces the resource; default: the resource name.
            fields: `path` in dot notation for nesting (`address.city`); `type` `string`,
                `number`, `boolean`, `date`, or a custom/array type.
            extra: any other keys of the definition JSON, kept as they are.
            adopt: take over the definition of this name if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class ConnectorKeywords(Keywords):
    """The keywords of both Connector classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        key: pulumi.Input[str],
        authentication: pulumi.Input[Mapping[str, Any]],
        name: pulumi.Input[str] | None = None,
        hub: pulumi.Input[str] | None = None,
        description: pulumi.Input[str] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        resources: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Connector resource.

        Args:
            resource_name: the Pulumi resource name.
            key: the connector key, unique in the organization (letters, digits, `_`, `-`; not a
                key of the catalog); it is the Pulumi id and the element key that a
                `ConnectorInstance` of it names, so changing it replaces the connector.
            name: the display name; default: the resource name.
            authentication: `{"type": "basic"}` (`basic`, `oauth1`, `oauth2`, `custom`, …).
            hub: the hub (`crm`, `marketing`, …); unset it is not managed.
            description: unset it is not managed.
            configuration: the configuration entries (`key` unique; `defaultValue`, `required`,
                `type`, `name`, …): an entry `required` without a `defaultValue` must be given
                by each instance. Not secret: keep credentials out of `defaultValue`.
            resources: the API calls (`path` from `/`, `method`
                `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per path and method;
                `vendorPath`, `vendorMethod`, `parameters`, …).
            extra: any other keys of the element JSON (`image`, `hooks`, `parameters`, …), kept
                as they are.
            adopt: take over the connector of this key if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class ConnectorExtensionKeywords(Keywords):
    """The keywords of both ConnectorExtension classes (the dynamic resource and the
    plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        element_key: pulumi.Input[str],
        resources: pulumi.Input[Sequence[Any]],
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A ConnectorExtension resource.

        Args:
            resource_name: the Pulumi resource name.
            element_key: the key of the catalog's connector to extend (`closeio`, `sfdc`, …); it
                is the Pulumi id, so changing it replaces the extension (its resources move to
                the other connector).
            resources: the organization's own resources of the connector (at least one; `path`
                from `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per method
                and path; `vendorPath`, `vendorMethod`, `parameters`, `description`, …). A
                resource may have the method and path of one the connector comes with: it is the
                organization's version of that call.
            adopt: take over the organization's extension of this connector (the resources it
                added) if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class ConnectorInstanceKeywords(Keywords):
    """The keywords of both ConnectorInstance classes (the dynamic resource and the
    plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        element_key: pulumi.Input[str] | None = None,
        element_id: pulumi.Input[int] | None = None,
        name: pulumi.Input[str] | None = None,
        configuration: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        events: pulumi.Input[Mapping[str, Any]] | None = None,
        provider_data: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        retrieve_objects: pulumi.Input[bool] = False,
        disabled: pulumi.Input[bool] | None = None,
        adopt_instance_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A ConnectorInstance resource.

        Args:
            resource_name: the Pulumi resource name.
            element_key: the connector key (`hootsuite`, `sfdc`, `closeio`, …); set this or
                `element_id`.
            element_id: the connector by id.
            name: default: the resource name.
            configuration: connector-specific keys (PATCH merges keys; removing a key sends a
                full PUT).
            events: webhook or polling events, sent as the documented `event.*` configuration
                keys: `type` (`"polling"` or `"webhook"`), `enabled` (default true),
                `callback_url` (https, where your app receives events; needed when enabled),
                `signature_key` (optional), `objects` (names to monitor, `event.objects`), and
                for polling `poll_interval_minutes` (whole minutes,
                `event.poller.refresh_interval`) and `poll_objects` (name -> `{url, id_field,
                dates, ...}`, `event.poller.configuration`); enabled polling needs `objects` or
                `poll_objects`. Unset = not managed.
            provider_data: e.g. `{"code": <OAuth 2.0 authorization grant>}`; never causes a
                diff.
            tags: the sent list replaces all tags.
            retrieve_objects: `retrieveObjectsAfterInstantiation`.
            disabled: unset = not managed.
            adopt_instance_id: take over an existing instance instead of creating one.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class FormulaKeywords(Keywords):
    """The keywords of both Formula classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        description: pulumi.Input[str] | None = None,
        active: pulumi.Input[bool] = True,
        single_threaded: pulumi.Input[bool] | None = None,
        engine: pulumi.Input[str] | None = None,
        debug_logging_enabled: pulumi.Input[bool] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        triggers: pulumi.Input[Sequence[Any]] | None = None,
        steps: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt_formula_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Formula resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the formula's name; default: the resource name.
            description: free text.
            active: default true; an inactive template stops all its instances.
            single_threaded: `singleThreaded`; unset = not managed.
            engine: `v1` or `v3`; unset = not managed.
            debug_logging_enabled: `debugLoggingEnabled`; unset = not managed.
            configuration: the variables: `{key, name, type: value|elementInstance, required?}`
                each.
            triggers: `{type: event|elementRequest|scheduled|manual, properties, onSuccess,
                onFailure}`.
            steps: `{name, type, properties, onSuccess, onFailure}` each, as documented.
            extra: any other top-level keys of the formula JSON, kept as they are (e.g. `api`).
            adopt_formula_id: take over an existing formula instead of creating one.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class FormulaInstanceKeywords(Keywords):
    """The keywords of both FormulaInstance classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        formula_id: pulumi.Input[int],
        name: pulumi.Input[str] | None = None,
        active: pulumi.Input[bool] = True,
        configuration: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        settings: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt_formula_instance_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A FormulaInstance resource.

        Args:
            resource_name: the Pulumi resource name.
            formula_id: the formula template: a `Formula`'s `.id` (known in previews while the
                formula is updated, so an edit of the formula does not preview as a
                replacement).
            name: default: the resource name.
            active: default true.
            configuration: variable key -> value; pass a `ConnectorInstance`'s `.id` for an
                `elementInstance` variable, so the engine orders creates and deletes.
            settings: `notification.email`, `notification.webhook.url`, `api`, …; unset = not
                managed.
            adopt_formula_instance_id: take over an existing instance of `formula_id` instead of
                creating one.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class TransformationKeywords(Keywords):
    """The keywords of both Transformation classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        vendor_name: pulumi.Input[str],
        object_name: pulumi.Input[str] | None = None,
        element_key: pulumi.Input[str] | None = None,
        element_id: pulumi.Input[int] | None = None,
        instance_id: pulumi.Input[int] | None = None,
        fields: pulumi.Input[Sequence[Any]] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        script: pulumi.Input[str | Mapping[str, Any]] | None = None,
        is_legacy: pulumi.Input[bool] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        common_resource_fields: pulumi.Input[Sequence[Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        common_resource: CommonResourceOutputs | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Transformation resource.

        Args:
            resource_name: the Pulumi resource name.
            object_name: the common resource (e.g. `common_resource.name`).
            element_key: the connector, for all its instances; set exactly one of element_key,
                element_id, instance_id.
            element_id: the connector by id.
            instance_id: one connector instance (instance level).
            vendor_name: the connector's object, e.g. `Contact`.
            fields: `path` a field of the common resource, `vendorPath` the vendor's field.
            configuration: object-level settings, e.g. `{type: passThrough, properties:
                {fromVendor: false}}`.
            script: JavaScript run on each object (`{body: …}`; a string is the body).
            is_legacy: `isLegacy`: v1 scripts; unset = not managed.
            extra: any other keys of the transformation JSON, kept.
            common_resource_fields: the common resource's field paths (e.g.
                `common_resource.field_paths`): check refuses a field that is not one of them.
            adopt: take over the transformation if it exists instead of failing.
            common_resource: the common resource to map onto, instead of ``object_name``: the
                engine creates it first and deletes it last, and ``check`` refuses a field it
                does not declare.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class VirtualDataResourceKeywords(Keywords):
    """The keywords of both VirtualDataResource classes (the dynamic resource and the
    plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        vdr_version: pulumi.Input[str] = "v2",
        definition: pulumi.Input[Mapping[str, Any]] | None = None,
        transformations: pulumi.Input[Mapping[str, Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A VirtualDataResource resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the VDR's object name (letters, digits, `_`, `-`, `.`); it is the key in the
                organization, so changing it replaces the resource; default: the resource name.
            vdr_version: `vdrVersion` of the document: only `v2`.
            definition: the VDR's fields (`path` in dot notation for nesting, `type` `string`,
                `number`, `boolean`, `date`, ...) and any other keys of the definition.
            transformations: per connector key (`sfdc`), how its vendor object maps onto the
                VDR; each field's `path` must be a field of the definition.
            extra: any other keys of the VDR's document (e.g. `description`), kept as they are.
            adopt: take over the VDR of this name if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)


class ProviderKeywords(Registers):
    """The keywords of the plugin's explicit ``Provider`` resource."""

    def __init__(
        self,
        resource_name: str,
        *,
        base_url: pulumi.Input[str] | None = None,
        region: pulumi.Input[str] | None = None,
        user_secret: pulumi.Input[str] | None = None,
        organization_secret: pulumi.Input[str] | None = None,
        bearer_token: pulumi.Input[str] | None = None,
        timeout: pulumi.Input[float] | None = None,
        max_retries: pulumi.Input[int] | None = None,
        operation_timeout: pulumi.Input[float] | None = None,
        concurrency: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
