"""ConnectorInstance: the typed outputs of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from typing import Any

import pulumi


class ConnectorInstanceOutputs:
    """What a ConnectorInstance reports: its inputs as the API holds them, and what it sets."""

    element_key: pulumi.Output[str]
    """The connector key (`hootsuite`, `sfdc`, `closeio`, …); set this or `element_id`."""
    element_id: pulumi.Output[int]
    """The connector by id."""
    name: pulumi.Output[str]
    """Default: the resource name."""
    configuration: pulumi.Output[dict[str, str]]
    """Connector-specific keys (PATCH merges keys; removing a key sends a full PUT). Always a
    secret."""
    events: pulumi.Output[dict[str, Any] | None]
    """Webhook or polling events, sent as the documented `event.*` configuration keys: `type`
    (`"polling"` or `"webhook"`), `enabled` (default true), `callback_url` (https, where your
    app receives events; needed when enabled), `signature_key` (optional), `objects` (names to
    monitor, `event.objects`), and for polling `poll_interval_minutes` (whole minutes,
    `event.poller.refresh_interval`) and `poll_objects` (name -> `{url, id_field, dates, ...}`,
    `event.poller.configuration`); enabled polling needs `objects` or `poll_objects`. Unset =
    not managed. Always a secret."""
    provider_data: pulumi.Output[dict[str, str] | None]
    """E.g. `{"code": <OAuth 2.0 authorization grant>}`; never causes a diff. Always a secret.
    """
    tags: pulumi.Output[list[str]]
    """The sent list replaces all tags."""
    retrieve_objects: pulumi.Output[bool]
    """`retrieveObjectsAfterInstantiation`."""
    disabled: pulumi.Output[bool]
    """Unset = not managed."""
    adopt_instance_id: pulumi.Output[int | None]
    """Take over an existing instance instead of creating one."""
    instance_id: pulumi.Output[int]
    """The instance id (also the Pulumi resource id)."""
    token: pulumi.Output[str]
    """The instance token for hub calls (`User …, Element <token>`). Always a secret."""
    element_name: pulumi.Output[str]
    """The connector's name as the API reports it."""
    valid: pulumi.Output[bool]
    """Whether the API considers the instance valid."""
    created_date: pulumi.Output[str]
    """ISO 8601, UTC."""
    objects: pulumi.Output[list[dict[str, str]] | None]
    """With `retrieve_objects=True`; `type` is `vdr`, `ceCanonical` or `vendor`."""
