"""The connector catalog."""

from __future__ import annotations

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth

# the fields of `element` in the API docs' example instance
ELEMENT_FIELDS = {
    "id",
    "name",
    "hookName",
    "key",
    "description",
    "image",
    "active",
    "deleted",
    "typeOauth",
    "trialAccount",
    "resources",
    "transformationsEnabled",
    "bulkDownloadEnabled",
    "bulkUploadEnabled",
    "cloneable",
    "extendable",
    "beta",
    "authentication",
    "extended",
    "hub",
    "protocolType",
    "parameters",
    "private",
}

CATALOG = {
    "hootsuite": (6791, "oauth2", "social"),
    "sfdc": (1, "oauth2", "crm"),
    "brighttalk": (50, "custom", "marketing"),
    "closeio": (4032, "basic", "crm"),
}


def test_list_elements(emulator: EmulatorServer) -> None:
    r = requests.get(emulator.base_url + "/elements", headers=auth(emulator), timeout=TIMEOUT)
    assert r.status_code == 200
    elements = r.json()
    assert {e["key"]: (e["id"], e["authentication"]["type"], e["hub"]) for e in elements} == (
        CATALOG
    )
    for element in elements:
        assert set(element) == ELEMENT_FIELDS


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_get_element_by_key_and_by_id(emulator: EmulatorServer, key: str) -> None:
    by_key = requests.get(f"{emulator.base_url}/elements/{key}", headers=auth(emulator), timeout=5)
    assert by_key.status_code == 200
    element_id = CATALOG[key][0]
    by_id = requests.get(
        f"{emulator.base_url}/elements/{element_id}", headers=auth(emulator), timeout=TIMEOUT
    )
    assert by_id.status_code == 200
    assert by_key.json() == by_id.json()
    assert by_key.json()["key"] == key


def test_hootsuite_matches_the_documented_element(emulator: EmulatorServer) -> None:
    element = requests.get(
        emulator.base_url + "/elements/hootsuite", headers=auth(emulator), timeout=TIMEOUT
    ).json()
    assert element["name"] == "Hootsuite"
    assert element["image"] == "elements/provider_hootsuite.png"
    assert element["authentication"] == {"type": "oauth2"}
    assert element["protocolType"] == "http"
    assert element["private"] is False
    assert element["deleted"] is False


@pytest.mark.parametrize("key", ["nope", "999999", "HOOTSUITE"])
def test_unknown_element_is_404(emulator: EmulatorServer, key: str) -> None:
    r = requests.get(f"{emulator.base_url}/elements/{key}", headers=auth(emulator), timeout=5)
    assert_error(r, 404, "element")
