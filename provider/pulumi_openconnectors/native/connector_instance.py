"""ConnectorInstance through the provider plugin:
``openconnectors:index:ConnectorInstance``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..resources.connector_instance.spec import SPEC
from ._base import NativeResource


class ConnectorInstance(NativeResource):
    """A connector instance: an authenticated connection to one vendor account (the credentials
    a formula or a hub call uses).

    Args:
        resource_name: the Pulumi resource name.
        element_key: the connector key (`hootsuite`, `sfdc`, `closeio`, …); set this or
            `element_id`.
        element_id: the connector by id.
        name: default: the resource name.
        configuration: connector-specific keys (PATCH merges keys; removing a key sends a full
            PUT).
        events: webhook or polling events, sent as the documented `event.*` configuration keys:
            `type` (`"polling"` or `"webhook"`), `enabled` (default true), `callback_url`
            (https, where your app receives events; needed when enabled), `signature_key`
            (optional), `objects` (names to monitor, `event.objects`), and for polling
            `poll_interval_minutes` (whole minutes, `event.poller.refresh_interval`) and
            `poll_objects` (name -> `{url, id_field, dates, ...}`,
            `event.poller.configuration`); enabled polling needs `objects` or `poll_objects`.
            Unset = not managed.
        provider_data: e.g. `{"code": <OAuth 2.0 authorization grant>}`; never causes a diff.
        tags: the sent list replaces all tags.
        retrieve_objects: `retrieveObjectsAfterInstantiation`.
        disabled: unset = not managed.
        adopt_instance_id: take over an existing instance instead of creating one.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    element_key: pulumi.Output[str]
    """the connector key (`hootsuite`, `sfdc`, `closeio`, …); set this or `element_id`."""
    element_id: pulumi.Output[int]
    """the connector by id."""
    name: pulumi.Output[str]
    """default: the resource name."""
    configuration: pulumi.Output[dict[str, str]]
    """connector-specific keys (PATCH merges keys; removing a key sends a full PUT)."""
    events: pulumi.Output[dict[str, Any] | None]
    """webhook or polling events, sent as the documented `event.*` configuration keys: `type`
    (`"polling"` or `"webhook"`), `enabled` (default true), `callback_url` (https, where your
    app receives events; needed when enabled), `signature_key` (optional), `objects` (names to
    monitor, `event.objects`), and for polling `poll_interval_minutes` (whole minutes,
    `event.poller.refresh_interval`) and `poll_objects` (name -> `{url, id_field, dates, ...}`,
    `event.poller.configuration`); enabled polling needs `objects` or `poll_objects`. Unset =
    not managed."""
    provider_data: pulumi.Output[dict[str, str] | None]
    """e.g. `{"code": <OAuth 2.0 authorization grant>}`; never causes a diff."""
    tags: pulumi.Output[list[str]]
    """the sent list replaces all tags."""
    retrieve_objects: pulumi.Output[bool]
    """`retrieveObjectsAfterInstantiation`."""
    disabled: pulumi.Output[bool]
    """unset = not managed."""
    adopt_instance_id: pulumi.Output[int | None]
    """take over an existing instance instead of creating one."""
    instance_id: pulumi.Output[int]
    """the instance id (also the Pulumi resource id)."""
    token: pulumi.Output[str]
    """the instance token for hub calls (`User …, Element <token>`)."""
    element_name: pulumi.Output[str]
    """the connector's name as the API reports it."""
    valid: pulumi.Output[bool]
    """whether the API considers the instance valid."""
    created_date: pulumi.Output[str]
    """ISO 8601, UTC."""
    objects: pulumi.Output[list[dict[str, str]] | None]
    """with `retrieve_objects=True`; `type` is `vdr`, `ceCanonical` or `vendor`."""

    def __init__(
        self,
        resource_name: str,
        *,
        element_key: pulumi.Input[str] | None = None,
        element_id: pulumi.Input[int] | None = None,
        name: pulumi.Input[str] | None = None,
        configuration: pulumi.Input[Mapping[str, Any]] | None = None,
        events: pulumi.Input[Mapping[str, Any]] | None = None,
        provider_data: pulumi.Input[Mapping[str, Any]] | None = None,
        tags: pulumi.Input[Sequence[Any]] | None = None,
        retrieve_objects: pulumi.Input[bool] | None = None,
        disabled: pulumi.Input[bool] | None = None,
        adopt_instance_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
