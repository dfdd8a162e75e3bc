"""Create reconciliation edge cases found by the end-to-end fault tests (tests/e2e/test_faults.py),
checked fast against the emulator with the provider's methods called directly."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.errors import ProviderError

from ..conftest import configured_provider, instance_inputs, platform_headers, server_instances


def _inputs(**extra: Any) -> dict[str, Any]:
    return instance_inputs("Reconcile CRM", "pw-reconcile", **extra)


def test_a_create_whose_answer_timed_out_is_not_posted_twice(emulator: Any) -> None:
    """The POST is still running on the server when the client gives up: the provider waits
    for it to land (settle period) instead of posting a second copy at once."""
    provider = configured_provider(emulator, **{"openconnectors:timeout": "1"})
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "delay", "delayMs": 1800}]}
    )
    created = provider.create(_inputs())
    emulator.admin.clear_faults()
    time.sleep(2.0)  # anything still in flight has landed by now
    servers = server_instances(emulator)
    assert [s["id"] for s in servers] == [int(created.id)], "exactly one instance, the one in state"


def test_a_late_duplicate_is_removed_after_the_repost(
    emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no settle period at all the first POST lands after the second one was sent; the
    create keeps one instance and deletes the other copy."""
    monkeypatch.setattr(reconcile, "SETTLE_MIN", 0.0)
    monkeypatch.setattr(reconcile, "settle_seconds", lambda _exc, _t: 0.0)
    provider = configured_provider(emulator, **{"openconnectors:timeout": "1"})
    emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": "POST",
                    "path": "/instances",
                    "action": "delay",
                    "delayMs": 1300,
                    "count": 1,
                },
            ]
        }
    )
    # 1st POST: times out at 1 s, lands at 1.3 s. The look at ~1 s finds nothing; the re-post
    # (after 0.5 s) is answered at once, and the sweep after it finds the late first copy and
    # deletes it: one instance, the one in state.
    created = provider.create(_inputs())
    emulator.admin.clear_faults()
    time.sleep(0.5)
    assert [s["id"] for s in server_instances(emulator)] == [int(created.id)]


def test_delete_removes_strays_of_a_create_whose_answer_was_lost(emulator: Any) -> None:
    provider = configured_provider(emulator)
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "lose_response", "count": 1}]}
    )
    created = provider.create(_inputs())
    emulator.admin.clear_faults()
    outs = created.outs or {}
    assert outs["late_create_possible"] is True
    stray = requests.post(
        f"{emulator.base_url}/instances",
        json={
            "element": {"key": "closeio"},
            "name": "late copy",
            "configuration": {"username": "u@example.com", "password": "pw-reconcile"},
            "tags": ["unit", outs["ownership_tag"]],
        },
        headers=platform_headers(emulator),
        timeout=5,
    )
    assert stray.status_code == 200
    unrelated = requests.post(
        f"{emulator.base_url}/instances",
        json={
            "element": {"key": "closeio"},
            "name": "someone else's",
            "configuration": {"username": "u@example.com", "password": "pw-reconcile"},
            "tags": ["unit"],
        },
        headers=platform_headers(emulator),
        timeout=5,
    )
    assert unrelated.status_code == 200
    provider.delete(created.id, outs)
    assert [s["id"] for s in server_instances(emulator)] == [unrelated.json()["id"]]


def test_a_failed_disable_after_create_leaves_nothing_behind(emulator: Any) -> None:
    """create(disabled=True) is POST then PATCH: if the PATCH fails the create fails, and the
    instance is deleted again (a failed create is not recorded in state: it would be an orphan)."""
    provider = configured_provider(emulator, **{"openconnectors:maxRetries": "1"})
    emulator.admin.set_faults(
        {
            "rules": [
                {"method": "PATCH", "path": "/instances/{id}", "action": "status", "status": 500}
            ]
        }
    )
    with pytest.raises(ProviderError) as info:
        provider.create(_inputs(disabled=True))
    emulator.admin.clear_faults()
    assert "deleted again" in str(info.value)
    assert "pw-reconcile" not in str(info.value)
    assert server_instances(emulator) == []


def test_a_create_that_never_gets_a_clear_answer_says_nothing_was_left(
    emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reconcile, "REPOST_WAITS", (0.0,))
    provider = configured_provider(emulator)
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "status", "status": 503}]}
    )
    with pytest.raises(ProviderError) as info:
        provider.create(_inputs())
    emulator.admin.clear_faults()
    message = str(info.value)
    assert f"failed {reconcile.CREATE_ATTEMPTS} times" in message
    assert "POST /instances answered 503" in message
    assert "nothing was left behind" in message
    assert "may nevertheless have taken effect" not in message, "no contradictory advice"
    assert emulator.admin.stats()["requests"]["POST /instances"] == reconcile.CREATE_ATTEMPTS
    assert server_instances(emulator) == []


def test_a_delete_that_took_effect_without_an_answer_succeeds(emulator: Any) -> None:
    """Every DELETE answer is lost (the first one ran): the instance is gone, so delete succeeds
    instead of keeping a resource in state that no longer exists."""
    provider = configured_provider(emulator, **{"openconnectors:maxRetries": "0"})
    created = provider.create(_inputs())
    emulator.admin.set_faults(
        {"rules": [{"method": "DELETE", "path": "/instances/{id}", "action": "lose_response"}]}
    )
    provider.delete(created.id, created.outs or {})
    emulator.admin.clear_faults()
    assert server_instances(emulator) == []


def test_a_delete_that_did_not_happen_still_fails(emulator: Any) -> None:
    provider = configured_provider(emulator, **{"openconnectors:maxRetries": "0"})
    created = provider.create(_inputs())
    emulator.admin.set_faults(
        {"rules": [{"method": "DELETE", "path": "/instances/{id}", "action": "drop"}]}
    )
    with pytest.raises(Exception) as info:
        provider.delete(created.id, created.outs or {})
    emulator.admin.clear_faults()
    assert "DELETE" in str(info.value)
    assert [s["id"] for s in server_instances(emulator)] == [int(created.id)]


def test_a_clean_create_is_deleted_with_one_call(emulator: Any) -> None:
    """Only a create that had an unanswered POST is swept for strays at delete."""
    provider = configured_provider(emulator)
    created = provider.create(_inputs())
    outs = created.outs or {}
    assert not outs.get("late_create_possible")  # recorded only when true
    before = dict(emulator.admin.stats()["requests"])
    provider.delete(created.id, outs)
    after = emulator.admin.stats()["requests"]
    made = {
        k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)
    }
    assert made == {"DELETE /instances/{id}": 1}


def test_an_unanswered_post_that_created_nothing_is_posted_again_once(emulator: Any) -> None:
    """Issue #15: the POST is dropped before it runs; the look for the ownership tag is answered
    404 `No instances found` (the platform's empty list), which is "nothing was created": the
    create posts exactly once more and leaves exactly one instance."""
    provider = configured_provider(emulator)
    emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "drop", "count": 1}]}
    )
    created = provider.create(_inputs())
    emulator.admin.clear_faults()
    outs = created.outs or {}
    requests_made = emulator.admin.stats()["requests"]
    assert requests_made["POST /instances"] == 2, requests_made
    assert requests_made["GET /instances"] >= 1, "the tag was looked up before posting again"
    tag_lookup = requests.get(
        f"{emulator.base_url}/instances",
        params=[("tags[]", "pulumi-openconnectors:nothing-carries-this")],
        headers=platform_headers(emulator),
        timeout=5,
    )
    assert tag_lookup.status_code == 404
    assert tag_lookup.json()["message"] == "No instances found"
    servers = server_instances(emulator)
    assert [s["id"] for s in servers] == [int(created.id)], "one instance, the one in state"
    assert outs["ownership_tag"] in servers[0]["tags"]
