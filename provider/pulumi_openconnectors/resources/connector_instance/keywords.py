"""ConnectorInstance: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..keywords import Keywords


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
