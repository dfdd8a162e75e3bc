"""A provider plugin that makes no API call: the floor of the plugin path of the benchmark.

The same SDK server as ``pulumi-resource-openconnectors`` (``pulumi.provider.experimental``),
one resource type, ``ocnoop:index:Noop``, with one input ``value``: create returns an id made
of it, diff compares it, read and update hand it back, delete does nothing. What the benchmark
measures with it is the engine's and a Python plugin's own cost, as ``bench_noop.py`` is the
dynamic path's floor.

Not part of the package users install. scripts/bench_deploy.py writes an executable
``pulumi-resource-ocnoop`` that runs this file with the virtualenv's Python, and names its
directory in the project's ``plugins: providers:`` (the engine starts it like any plugin).
"""

from __future__ import annotations

import sys

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    Provider,
    UpdateRequest,
    UpdateResponse,
)
from pulumi.provider.experimental.server import main

VERSION = "1.0.0"


def _value(props: dict[str, PropertyValue]) -> PropertyValue | None:
    return props.get("value")


class NoopProvider(Provider):
    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        return ConfigureResponse(accept_secrets=True, supports_preview=True, accept_resources=True)

    async def diff(self, request: DiffRequest) -> DiffResponse:
        changed = _value(request.old_state) != _value(request.new_inputs)
        return DiffResponse(changes=changed, diffs=["value"] if changed else [])

    async def create(self, request: CreateRequest) -> CreateResponse:
        value = _value(request.properties)
        props = {"value": value} if value is not None else {}
        if request.preview:
            return CreateResponse("", props)
        text = value.value if value is not None else ""
        return CreateResponse(f"noop-{text}", props)

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        value = _value(request.news)
        return UpdateResponse({"value": value} if value is not None else {})

    async def delete(self, request: DeleteRequest) -> None:
        return None


if __name__ == "__main__":
    main(sys.argv[1:], VERSION, NoopProvider())
