"""A dynamic resource that makes no API call: the engine smoke test and the benchmark floor.

Its provider lives in this importable module, like ConnectorInstance's, so it is pickled by
reference and the measured cost is the engine's and the dynamic-provider host's alone.

Not part of the package users install. The benchmark (scripts/bench_deploy.py) and the engine
smoke test (tests/e2e/test_engine_smoke.py) put this directory on PYTHONPATH in the `pulumi`
CLI's environment: the language host running the program and the dynamic-provider host both
inherit it, so the program imports ``bench_noop`` and the provider process unpickles
``bench_noop.NoopProvider`` by reference.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, ReadResult, Resource, ResourceProvider


class NoopProvider(ResourceProvider):
    serialize_as_secret_always = False

    def create(self, props: dict[str, Any]) -> CreateResult:
        return CreateResult(f"noop-{props.get('value', '')}", {"value": props.get("value")})

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        return DiffResult(changes=olds.get("value") != news.get("value"))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        return ReadResult(id_, {"value": props.get("value")})


class Noop(Resource, module="openconnectors", name="Noop"):
    value: pulumi.Output[str]

    def __init__(
        self, name: str, value: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(NoopProvider(), name, {"value": value}, opts)
