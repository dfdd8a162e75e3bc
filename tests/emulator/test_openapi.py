"""The OpenAPI document is served and describes the API."""

from __future__ import annotations

import requests

from pulumi_openconnectors.emulator import EmulatorServer


def test_openapi_document(emulator: EmulatorServer) -> None:
    r = requests.get(emulator.base_url + "/openapi.json", timeout=10)
    assert r.status_code == 200
    doc = r.json()
    paths = doc["paths"]
    expected = {
        "/elements/api-v2/elements": {"get"},
        "/elements/api-v2/elements/{keyOrId}": {"get"},
        "/elements/api-v2/elements/{keyOrId}/oauth/url": {"get"},
        "/elements/api-v2/elements/{keyOrId}/instances": {"post"},
        "/elements/api-v2/instances": {"get", "post"},
        "/elements/api-v2/instances/{id}": {"get", "patch", "put", "delete"},
        "/elements/api-v2/hubs/{hub}/{object}": {"get"},
        "/_emulator/reset": {"post"},
        "/_emulator/stats": {"get"},
        "/_emulator/faults": {"get", "put", "delete"},
        "/_emulator/oauth/authorize": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path
    schemas = doc["components"]["schemas"]
    for name in ("Instance", "Element", "ErrorBody", "InstanceCreateBody", "FaultConfig"):
        assert name in schemas
    assert set(schemas["Instance"]["properties"]) >= {"id", "token", "createdDate", "elementId"}
    create = paths["/elements/api-v2/instances"]["post"]
    body_ref = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body_ref == "#/components/schemas/InstanceCreateBody"
    assert "401" in create["responses"]
    get_one = paths["/elements/api-v2/instances/{id}"]["get"]["responses"]["200"]
    assert get_one["content"]["application/json"]["schema"]["$ref"].endswith("/Instance")
    # every $ref resolves
    text = r.text
    for ref in {part.split('"')[0] for part in text.split('"$ref":"')[1:]}:
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in schemas, ref


def test_the_document_lists_every_area(emulator: EmulatorServer) -> None:
    paths = requests.get(emulator.base_url + "/openapi.json", timeout=10).json()["paths"]
    expected = {
        "/formulas": {"get", "post"},
        "/formulas/{id}": {"get", "put", "patch", "delete"},
        "/formulas/{id}/instances": {"get", "post"},
        "/formulas/{id}/instances/{instanceId}": {"get", "put", "delete"},
        "/formulas/instances": {"get"},
        "/organizations/objects/definitions": {"get"},
        "/organizations/objects/{objectName}/definitions": {"get", "post", "put", "delete"},
        "/organizations/elements/{keyOrId}/transformations": {"get"},
        "/organizations/elements/{keyOrId}/transformations/{objectName}": {
            "get",
            "post",
            "put",
            "delete",
        },
        "/instances/{id}/transformations": {"get"},
        "/instances/{id}/transformations/{objectName}": {"get", "post", "put", "delete"},
        "/elements": {"get", "post"},
        "/elements/{keyOrId}": {"get", "put", "delete"},
        "/elements/{keyOrId}/export": {"get"},
    }
    for path, methods in expected.items():
        item = paths["/elements/api-v2" + path]
        assert set(item) == methods, path
        for method in methods:
            assert {"401", "404"} <= set(item[method]["responses"]), (path, method)
