"""ConnectorInstance through the real engine: create, no-op preview, update, replace, refresh
(out-of-band delete and rename), adoption and destroy, against the emulator over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from .live import Live
from .programs import INSTANCES_PROGRAM, basic_instance, configure_emulator, set_instances

pytestmark = pytest.mark.e2e

PASSWORD = "pw-lifecycle-0001"


def test_create_noop_update_replace_destroy(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator)
    set_instances(
        stack,
        {"crm": basic_instance("CRM One", retrieve_objects=True)},
        {"pw": PASSWORD},
    )

    # create
    stack.up()
    out = stack.outputs(show_secrets=True)
    instance_id = out["crm.id"]
    server = live.get(instance_id)
    assert server is not None
    assert server["name"] == "CRM One"
    assert server["element"]["key"] == "closeio"
    assert "e2e" in server["tags"]
    assert out["crm.tags"] == ["e2e"], "the ownership tag stays out of the tags output"
    assert out["crm.token"] == server["token"]
    assert live.hub_works(emulator.user_secret, out["crm.token"])
    assert out["crm.objects"], "retrieve_objects returns the connector's objects"
    assert {o["type"] for o in out["crm.objects"]} <= {"vdr", "ceCanonical", "vendor"}
    assert stack.outputs()["crm.token"] == "[secret]"

    # nothing changed: no diff
    stack.preview("--expect-no-changes")

    # update in place: name and tags
    set_instances(stack, {"crm": basic_instance("CRM Renamed", tags=["e2e", "blue"])})
    preview = stack.preview()
    assert "update" in preview.stdout and "replace" not in preview.stdout
    stack.up()
    out = stack.outputs()
    assert out["crm.id"] == instance_id
    server = live.get(instance_id)
    assert server is not None and server["name"] == "CRM Renamed"
    assert sorted(t for t in server["tags"] if not t.startswith("pulumi-openconnectors:")) == [
        "blue",
        "e2e",
    ]
    stack.preview("--expect-no-changes")

    # replace: another connector
    set_instances(
        stack,
        {
            "crm": {
                "element_key": "brighttalk",
                "name": "Now BrightTALK",
                "configuration": {"brighttalk.api.key": "bt-key"},
                "secretConfiguration": {"brighttalk.api.secret": "pw"},
            }
        },
    )
    preview = stack.preview()
    assert "replace" in preview.stdout
    stack.up()
    new_id = stack.outputs()["crm.id"]
    assert new_id != instance_id
    assert live.get(instance_id) is None, "the replaced instance was deleted"
    assert live.get(new_id)["element"]["key"] == "brighttalk"  # type: ignore[index]

    # destroy
    stack.destroy()
    assert live.instances() == []


def test_refresh_sees_out_of_band_delete_and_rename(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator, via_env=True)  # also proves the env-var fallback
    set_instances(
        stack,
        {"a": basic_instance("Alpha"), "b": basic_instance("Bravo")},
        {"pw": PASSWORD},
    )
    stack.up()
    ids = stack.outputs()
    a_id, b_id = ids["a.id"], ids["b.id"]

    # out of band: delete a, rename b
    live.delete(a_id)
    live.patch(b_id, {"name": "Bravo (renamed by hand)"})

    refresh = stack.refresh()
    assert "deleted" in refresh.stdout or "delete" in refresh.stdout
    kept = {r["outputs"]["name"]: r for r in stack.resources(":ConnectorInstance")}
    assert set(kept) == {"Bravo (renamed by hand)"}, "refresh dropped a and recorded b's drift"

    # the next up recreates a and renames b back
    stack.up()
    out = stack.outputs()
    assert out["a.id"] != a_id
    assert live.get(out["a.id"]) is not None
    assert live.get(b_id)["name"] == "Bravo"  # type: ignore[index]
    stack.preview("--expect-no-changes")
    stack.destroy()
    assert live.instances() == []


def test_adopt_an_existing_instance(stack_factory: Any, emulator: Any) -> None:
    live = Live(emulator)
    existing = live.create(
        {
            "element": {"key": "closeio"},
            "name": "Made by hand",
            "configuration": {"username": "hand@example.com", "password": "hand-made-pw"},
            "tags": ["legacy"],
        }
    )
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator)
    set_instances(
        stack,
        {"adopted": basic_instance("Adopted", adopt_instance_id=existing["id"], tags=["managed"])},
        {"pw": PASSWORD},
    )
    stack.up()
    out = stack.outputs(show_secrets=True)
    assert out["adopted.id"] == existing["id"]
    assert out["adopted.token"] == existing["token"]
    server = live.get(existing["id"])
    assert server is not None and server["name"] == "Adopted"
    assert len(live.instances()) == 1, "adoption creates nothing"
    stack.preview("--expect-no-changes")
    stack.destroy()
    assert live.instances() == []


def test_adopting_a_missing_or_foreign_instance_fails_clearly(
    stack_factory: Any, emulator: Any
) -> None:
    stack = stack_factory(INSTANCES_PROGRAM).init()
    configure_emulator(stack, emulator)
    set_instances(stack, {"x": basic_instance("X", adopt_instance_id=999999)}, {"pw": PASSWORD})
    result = stack.up(check=False)
    assert result.returncode != 0
    assert "adopt_instance_id=999999" in result.stdout + result.stderr
    assert stack.resources(":ConnectorInstance") == []


OAUTH_URL_PROGRAM = """
import pulumi
import pulumi_openconnectors as oc

url = oc.get_oauth_url(
    "hootsuite",
    api_key="e2e-app",
    api_secret=pulumi.Config().require("appSecret"),
    callback_url="http://127.0.0.1:9/callback",
    state="hootsuite",
)
pulumi.export("oauthUrl", url)
"""


def test_get_oauth_url_in_a_program_uses_the_stack_config(
    stack_factory: Any, emulator: Any
) -> None:
    stack = stack_factory(OAUTH_URL_PROGRAM).init()
    configure_emulator(stack, emulator)  # stack config only, no env vars
    stack.config("appSecret", "e2e-app-secret", secret=True)
    stack.up()
    url = stack.outputs()["oauthUrl"]
    root = emulator.base_url.removesuffix("/elements/api-v2")
    assert url.startswith(f"{root}/_emulator/oauth/authorize?")
    assert "client_id=e2e-app" in url and "state=hootsuite" in url
