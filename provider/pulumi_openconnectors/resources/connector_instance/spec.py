"""ConnectorInstance: every property, what changing it does, and its documentation."""

from __future__ import annotations

from typing import Any

from ...markers import user_tags
from ..spec import OnChange, Prop, ResourceSpec, connector_by_id, lost_answer_props, same_unordered
from .event_keys import same_events


def _same_user_tags(old: Any, new: Any) -> bool:
    """Tags as sets, without the provider's ownership tag."""
    return same_unordered(user_tags(list(old or []), None), new)


SPEC = ResourceSpec(
    name="ConnectorInstance",
    doc=(
        "A connector instance: an authenticated connection to one vendor account (the "
        "credentials a formula or a hub call uses)."
    ),
    operations="pulumi_openconnectors.resources.connector_instance.operations:InstanceOperations",
    id_output="instance_id",
    guide=(
        "Changing ``element_key``/``element_id`` replaces the instance; ``name``, ``tags``, "
        "``configuration``, ``events`` and ``disabled`` are updated in place; "
        "``provider_data`` (the OAuth 2.0 authorization grant) and ``retrieve_objects`` are "
        "used at create only. ``token``, ``configuration``, ``events`` and ``provider_data`` "
        "are always secrets in state and outputs. To take over an instance that already "
        "exists (``pulumi import`` does not work for dynamic resources), pass "
        "``adopt_instance_id=<its id>``."
    ),
    props=(
        Prop(
            "element_key",
            "str",
            "the connector key (`hootsuite`, `sfdc`, `closeio`, …); set this or `element_id`",
            on_change=OnChange.REPLACE,
            unset_is_unmanaged=True,
            py="str",
        ),
        connector_by_id("int"),
        Prop(
            "name",
            "str (1-255 chars)",
            "default: the resource name",
            py="str",
            resource_name_default=True,
        ),
        Prop(
            "configuration",
            "dict[str, str]",
            "connector-specific keys (PATCH merges keys; removing a key sends a full PUT)",
            secret=True,
            default={},
            refuse_none=True,
            py="dict[str, str]",
            py_input="Mapping[str, pulumi.Input[str]]",
        ),
        Prop(
            "events",
            "{type, enabled, callback_url, signature_key, objects, poll_interval_minutes, "
            "poll_objects}",
            "webhook or polling events, sent as the documented `event.*` configuration keys: "
            '`type` (`"polling"` or `"webhook"`), `enabled` (default true), `callback_url` '
            "(https, where your app receives events; needed when enabled), `signature_key` "
            "(optional), `objects` (names to monitor, `event.objects`), and for polling "
            "`poll_interval_minutes` (whole minutes, `event.poller.refresh_interval`) and "
            "`poll_objects` (name -> `{url, id_field, dates, ...}`, "
            "`event.poller.configuration`); enabled polling needs `objects` or `poll_objects`. "
            "Unset = not managed",
            secret=True,
            unset_is_unmanaged=True,
            same=same_events,
            py="dict[str, Any] | None",
            py_input="Mapping[str, Any]",
        ),
        Prop(
            "provider_data",
            "dict[str, str]",
            'e.g. `{"code": <OAuth 2.0 authorization grant>}`; never causes a diff',
            secret=True,
            on_change=OnChange.CREATE_ONLY,
            refuse_none=True,
            py="dict[str, str] | None",
            py_input="Mapping[str, pulumi.Input[str]]",
        ),
        Prop(
            "tags",
            "list[str]",
            "the sent list replaces all tags",
            default=[],
            same=_same_user_tags,
            py="list[str]",
            py_input="Sequence[pulumi.Input[str]]",
        ),
        Prop(
            "retrieve_objects",
            "bool",
            "`retrieveObjectsAfterInstantiation`",
            on_change=OnChange.CREATE_ONLY,
            py="bool",
            init_default=False,
            init_default_unsent=True,
        ),
        Prop("disabled", "bool", "unset = not managed", unset_is_unmanaged=True, py="bool"),
        Prop.adopt_id("adopt_instance_id", "instance"),
        Prop.output("instance_id", "int", "the instance id (also the Pulumi resource id)"),
        Prop.output(
            "token",
            "str",
            "the instance token for hub calls (`User …, Element <token>`)",
            secret=True,
        ),
        Prop.output("element_name", "str", "the connector's name as the API reports it"),
        Prop.output("valid", "bool", "whether the API considers the instance valid"),
        Prop.output("created_date", "str", "ISO 8601, UTC"),
        Prop.output(
            "objects",
            "list[{name, vendor_name, type}]",
            "with `retrieve_objects=True`; `type` is `vdr`, `ceCanonical` or `vendor`",
            py="list[dict[str, str]] | None",
        ),
        *lost_answer_props(
            "ownership_tag",
            "str",
            "the hidden tag the provider puts on the instance (see *Lost answers*)",
            marker_py="str",
        ),
    ),
)
