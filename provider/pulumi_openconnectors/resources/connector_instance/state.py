"""A ConnectorInstance's state: outputs built from what the API returns, and inputs rebuilt
from state. Pure functions; no HTTP."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import Instance
from ...markers import as_int, user_tags
from ..values import iso_utc
from .event_keys import EVENT_KEYS, events_from_configuration
from .inputs import BASIC_KEYS, InstanceInputs

MASKED = "********"
"""How the API shows secret configuration values."""


def objects_output(instance: Instance) -> list[dict[str, str]] | None:
    if instance.objects is None:
        return None
    return [
        {"name": o.name, "vendor_name": o.vendor_name or o.name, "type": str(o.type or "")}
        for o in instance.objects
    ]


def shown_configuration(instance: Instance) -> dict[str, str]:
    """The configuration an import declares: the values the API shows in clear. A secret
    value is masked, so it is left out for the program to give (from a secret); so is the
    user name of a basic-auth pair whose password is masked — the two are declared together
    (a program with only one fails ``check``), and an update that leaves both out keeps both
    on the instance."""
    shown = {
        str(k): str(v)
        for k, v in (instance.configuration or {}).items()
        if v is not None and v != MASKED
    }
    if any(k in shown for k in BASIC_KEYS) and not all(k in shown for k in BASIC_KEYS):
        shown = {k: v for k, v in shown.items() if k not in BASIC_KEYS}
    return shown


def imported_events(instance: Instance) -> tuple[dict[str, str], dict[str, Any] | None]:
    """What an import declares: the configuration shown in clear without the ``event.*`` keys
    that ``events`` stands for, and those keys as ``events`` (None when there are none)."""
    shown = shown_configuration(instance)
    events = events_from_configuration(instance.configuration or {}, None)
    if events is None or "type" not in events:  # no type: the keys stay raw configuration
        return shown, None
    keys = set(EVENT_KEYS.values())
    return {k: v for k, v in shown.items() if k not in keys}, events


def live_configuration(desired: Mapping[str, str], instance: Instance) -> dict[str, str]:
    """Our configuration, with any value the API shows in clear and differently (drift)."""
    live = dict(desired)
    shown = instance.configuration or {}
    for key in desired:
        value = shown.get(key)
        if isinstance(value, str) and value != MASKED and value != desired[key]:
            live[key] = value
    return live


def outputs(
    inputs: InstanceInputs,
    instance: Instance,
    ownership_tag: str | None,
    objects: list[dict[str, str]] | None,
    late_create_possible: bool = False,
) -> dict[str, Any]:
    """The resource's outputs: every input as the API now holds it (so that refresh shows
    drift), and the computed values."""
    element = instance.element
    events = (
        {}
        if inputs.events is None
        else {"events": events_from_configuration(instance.configuration or {}, inputs.events)}
    )
    element_id = (
        element.id if element is not None and element.id is not None else instance.element_id
    )
    return {
        "element_key": element.key if element is not None else inputs.element_key,
        "element_id": element_id,
        "name": instance.name,
        "configuration": live_configuration(inputs.configuration, instance),
        **events,  # only when the program manages events: no new key in other states
        # Not kept: used at create only (an OAuth code works once); one secret less in state.
        "provider_data": None,
        "tags": user_tags(list(instance.tags or []), ownership_tag),
        "retrieve_objects": inputs.retrieve_objects,
        "disabled": instance.disabled,
        "adopt_instance_id": inputs.adopt_instance_id,
        "instance_id": instance.id,
        "token": instance.token_value(),
        "element_name": element.name if element is not None else None,
        "valid": instance.valid,
        "created_date": iso_utc(instance.created_date),
        "objects": objects,
        "ownership_tag": ownership_tag,
        "late_create_possible": late_create_possible or None,  # recorded only when true
    }


def inputs_from_state(props: Mapping[str, Any]) -> InstanceInputs:
    """The last known inputs, rebuilt from a resource's state (outputs carry every input).

    Not validated: the state holds what the API last reported, which may be anything the API
    accepts (a duplicate tag added in the UI, say); refresh shows it as drift and `up` puts the
    program's values back.
    """
    element_key = props.get("element_key")
    configuration = props.get("configuration") or {}
    return InstanceInputs.model_construct(
        element_key=element_key,
        element_id=None if element_key is not None else as_int(props.get("element_id")),
        name=str(props.get("name") or "unnamed"),
        configuration={str(k): str(v) for k, v in dict(configuration).items()},
        events=dict(props["events"]) if isinstance(props.get("events"), Mapping) else None,
        provider_data=props.get("provider_data"),
        tags=user_tags(list(props.get("tags") or []), props.get("ownership_tag")),
        retrieve_objects=bool(props.get("retrieve_objects") or False),
        disabled=props.get("disabled"),
        adopt_instance_id=as_int(props.get("adopt_instance_id")),
    )
