"""`events=` through the real engine: an instance created with polling events, its interval
changed in place with one API call, drift shown by refresh after an out-of-band change, and a
bad input failing `preview` with a message naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from .live import Live
from .programs import configure_emulator

pytestmark = pytest.mark.e2e

PROGRAM = """
import pulumi
import pulumi_openconnectors as oc
crm = oc.ConnectorInstance("crm", element_key="closeio", name="events",
    configuration={"username": "u", "password": "p"},
    events={"type": "polling", "callback_url": CALLBACK, "poll_interval_minutes": MINUTES,
            "objects": ["contacts", "leads"], "signature_key": "sig-e2e-7d41c9"})
pulumi.export("id", crm.instance_id)
"""


def program(minutes: int, callback: str = "https://app.example/events") -> str:
    return PROGRAM.replace("MINUTES", str(minutes)).replace("CALLBACK", repr(callback))


def test_polling_events_lifecycle(stack_factory: Any, emulator: Any) -> None:
    stack = stack_factory(program(15)).init()
    configure_emulator(stack, emulator)
    stack.up()
    live = Live(emulator)
    instance_id = stack.outputs()["id"]
    instance = live.get(instance_id)
    assert instance is not None
    shown = instance["configuration"]
    assert shown["event.vendor.type"] == "polling"
    assert shown["event.poller.refresh_interval"] == "15"
    assert shown["event.objects"] == "contacts,leads"
    assert instance["eventsEnabled"] is True
    assert "sig-e2e-7d41c9" not in json.dumps(stack.export()), "a secret in plain state"

    # The interval changes in place: one PATCH, no replace.
    stack.write_program(program(5))
    emulator.admin.clear_stats()
    update = stack.up()
    assert "replace" not in update.stdout.lower(), update.stdout
    assert emulator.admin.stats()["requests"] == {"PATCH /instances/{id}": 1}
    instance = live.get(instance_id)
    assert instance is not None
    assert instance["configuration"]["event.poller.refresh_interval"] == "5"
    stack.preview("--expect-no-changes")

    # Changed out of band: refresh records it, and the next preview wants to put it back.
    requests.patch(
        f"{emulator.base_url}/instances/{instance_id}",
        json={"configuration": {"event.poller.refresh_interval": "60"}},
        headers={
            "Authorization": (
                f"User {emulator.user_secret}, Organization {emulator.organization_secret}"
            )
        },
        timeout=5,
    ).raise_for_status()
    stack.refresh()
    (resource,) = stack.resources("ConnectorInstance")
    assert resource["outputs"]["events"]  # a secret: encrypted in the state
    preview = stack.preview("--diff")
    assert "events" in preview.stdout, preview.stdout
    assert "1 to update" in preview.stdout, preview.stdout

    # Bad input: check fails naming the field, nothing is sent.
    stack.write_program(program(5, callback="http://app.example/events"))
    emulator.admin.clear_stats()
    bad = stack.preview(check=False)
    assert bad.returncode != 0
    assert "events.callback_url must be an https:// URL" in bad.stdout + bad.stderr
    assert emulator.admin.stats()["requests"] == {}
    stack.destroy()
