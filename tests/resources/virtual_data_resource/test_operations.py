"""VirtualDataResource against the emulator, through its provider: create (POST of the
definition, then the import of the whole document), read (the export) and drift, update (one
import), adopt, a taken name (refused, never taken over), a lost answer, delete (one DELETE of
the id the import answered; a state without it finds the id by name)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors import reconcile
from pulumi_openconnectors.errors import ProviderError
from pulumi_openconnectors.resources.virtual_data_resource.provider import (
    VirtualDataResourceProvider,
)

from ..conftest import platform_headers
from ..test_document_reconcile import configured, lose

EXPORT = "/vdrs/{}/export"
FIELDS = [{"path": "id", "type": "string"}, {"path": "email", "type": "string"}]


def props(**extra: Any) -> dict[str, Any]:
    return {
        "name": "myContact",
        "vdr_version": "v2",
        "definition": {"fields": FIELDS},
        "transformations": {
            "closeio": {
                "vendorName": "contacts",
                "fields": [{"path": "email", "vendorPath": "emails[0].email"}],
            }
        },
        "extra": {},
        "adopt": False,
        **extra,
    }


def http(emulator: Any, method: str, path: str, body: Any = None) -> requests.Response:
    return requests.request(
        method,
        emulator.base_url + path,
        json=body,
        headers=platform_headers(emulator),
        timeout=5,
    )


def lose_on(emulator: Any, method: str, path: str, action: str) -> None:
    """The next call on the route is executed and its answer lost (or the connection dropped
    before it runs: ``drop``)."""
    emulator.admin.set_faults(
        {"rules": [{"method": method, "path": path, "action": action, "count": 1}]}
    )


def requests_of(emulator: Any) -> dict[str, int]:
    return dict(emulator.admin.stats()["requests"])


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "REPOST_WAITS", (0.1,))


def delta_of(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}


def test_create_read_update_delete(emulator: Any) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    before = requests_of(emulator)
    created = provider.create(props())
    assert delta_of(before, requests_of(emulator)) == {"POST /vdrs": 1, "PUT /vdrs/import": 1}
    assert created.id == "myContact"
    outs = created.outs or {}
    [listed] = http(emulator, "GET", "/vdrs").json()
    assert outs["vdr_id"] == listed["id"]
    assert outs["field_paths"] == ["id", "email"] and outs["element_keys"] == ["closeio"]
    assert outs["definition"] == {"fields": FIELDS}  # ids and levels the server set: not drift
    assert outs["transformations"] == props()["transformations"]
    exported = http(emulator, "GET", EXPORT.format("myContact")).json()
    assert exported["transformation"]["closeio"]["vendorName"] == "contacts"

    read = provider.read("myContact", outs)
    assert read.outs is not None
    assert provider.diff("myContact", read.outs, props()).changes is False

    # drift: a field removed out of band shows on read, and the diff wants it back
    changed = {**exported, "definition": {"fields": FIELDS[:1]}, "transformation": {}}
    assert http(emulator, "PUT", "/vdrs/import", changed).status_code == 200
    drifted = provider.read("myContact", outs).outs or {}
    assert drifted["field_paths"] == ["id"] and not drifted["transformations"]
    assert provider.diff("myContact", drifted, props()).changes is True

    # update: one call, the import of the whole document
    before = requests_of(emulator)
    new = props(definition={"fields": [*FIELDS, {"path": "phone", "type": "string"}]})
    updated = provider.update("myContact", drifted, new).outs or {}
    after = requests_of(emulator)
    delta = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    assert delta == {"PUT /vdrs/import": 1}
    assert updated["field_paths"] == ["id", "email", "phone"]
    assert updated["element_keys"] == ["closeio"]

    assert updated["vdr_id"] == listed["id"]
    before = requests_of(emulator)
    provider.delete("myContact", updated)
    assert delta_of(before, requests_of(emulator)) == {"DELETE /vdrs/{id}": 1}
    assert http(emulator, "GET", EXPORT.format("myContact")).status_code == 404
    assert not provider.read("myContact", updated).outs  # gone: the engine drops it
    provider.delete("myContact", updated)  # already gone: deleted


def test_a_taken_name_says_adopt_and_adopt_takes_it_over(emulator: Any) -> None:
    """A create never replaces a VDR of the same name someone else made."""
    body = {"objectName": "myContact", "fields": [{"path": "x", "type": "number"}]}
    made = http(emulator, "POST", "/vdrs", body).json()
    provider = configured(VirtualDataResourceProvider, emulator)
    with pytest.raises(ProviderError, match=r"already exists.*adopt=True"):
        provider.create(props())
    exported = http(emulator, "GET", EXPORT.format("myContact")).json()
    assert [f["path"] for f in exported["definition"]["fields"]] == ["x"]  # left as it was
    before = requests_of(emulator)
    adopted = provider.create(props(adopt=True)).outs or {}
    assert adopted["field_paths"] == ["id", "email"] and adopted["vdr_id"] == made["id"]
    assert "POST /vdrs" not in delta_of(before, requests_of(emulator))  # no second create
    [listed] = http(emulator, "GET", "/vdrs").json()
    assert listed["objectName"] == "myContact"


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_a_create_whose_answer_is_lost_is_found_by_its_name(emulator: Any, action: str) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    lose(emulator, "/vdrs", action)
    created = provider.create(props())
    assert created.id == "myContact"
    listed = http(emulator, "GET", "/vdrs").json()
    assert [v["objectName"] for v in listed] == ["myContact"]
    exported = http(emulator, "GET", EXPORT.format("myContact")).json()
    assert set(exported["transformation"]) == {"closeio"}


def test_a_state_without_the_id_is_deleted_by_name(emulator: Any) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    outs = provider.create(props()).outs or {}
    older = {k: v for k, v in outs.items() if k != "vdr_id"}  # a state from before vdr_id
    assert provider.diff("myContact", older, props()).changes is False  # no change for it
    before = requests_of(emulator)
    provider.delete("myContact", older)
    assert delta_of(before, requests_of(emulator)) == {"GET /vdrs": 1, "DELETE /vdrs/{id}": 1}
    assert http(emulator, "GET", "/vdrs").json() == []
    provider.delete("myContact", older)  # already gone: deleted


def test_the_id_as_the_engine_hands_it_back_is_one_delete(emulator: Any) -> None:
    """Numbers come back from the engine's state as floats (a protobuf Struct)."""
    provider = configured(VirtualDataResourceProvider, emulator)
    outs = provider.create(props()).outs or {}
    before = requests_of(emulator)
    provider.delete("myContact", {**outs, "vdr_id": float(outs["vdr_id"])})
    assert delta_of(before, requests_of(emulator)) == {"DELETE /vdrs/{id}": 1}


def test_an_id_that_is_gone_is_deleted(emulator: Any) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    outs = provider.create(props()).outs or {}
    assert http(emulator, "DELETE", f"/vdrs/{outs['vdr_id']}").status_code == 200
    provider.delete("myContact", outs)  # 404: already gone


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_a_delete_whose_answer_is_lost_succeeds(emulator: Any, action: str) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    outs = provider.create(props()).outs or {}
    lose_on(emulator, "DELETE", "/vdrs/{id}", action)
    provider.delete("myContact", outs)
    emulator.admin.clear_faults()
    assert http(emulator, "GET", "/vdrs").json() == []


def test_adopt_of_a_missing_vdr_says_so(emulator: Any) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    with pytest.raises(ProviderError, match="no virtual data resource 'myContact'"):
        provider.create(props(adopt=True))


@pytest.mark.parametrize("action", ["lose_response", "drop"])
def test_a_lost_create_answer_is_sent_again_onto_the_same_vdr(emulator: Any, action: str) -> None:
    provider = configured(VirtualDataResourceProvider, emulator)
    lose_on(emulator, "PUT", "/vdrs/import", action)
    created = provider.create(props())
    assert created.id == "myContact"
    listed = http(emulator, "GET", "/vdrs").json()
    assert [v["objectName"] for v in listed] == ["myContact"]
    exported = http(emulator, "GET", EXPORT.format("myContact")).json()
    assert set(exported["transformation"]) == {"closeio"}
