"""The inputs a resource registers with the engine, under Pulumi's unit-testing mocks
(``pulumi.runtime.set_mocks``): what a program's resource hands over, with no engine,
provider or HTTP involved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.runtime import settings

# The serialized provider that every dynamic resource registers besides its inputs.
PROVIDER_KEY = "__provider"


@dataclass(frozen=True)
class Registered:
    """One resource as the engine would receive it."""

    type: str
    name: str
    inputs: dict[str, Any]


# What the mocked provider answers besides the inputs: (type token, inputs) -> outputs.
Outputs = Callable[[str, dict[str, Any]], dict[str, Any]]


class _Capture(pulumi.runtime.Mocks):
    def __init__(self, outputs: Outputs | None) -> None:
        self.registered: list[Registered] = []
        self.outputs = outputs

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered.append(Registered(args.typ, args.name, dict(args.inputs)))
        state = dict(args.inputs)
        if self.outputs is not None:
            state.update(self.outputs(args.typ, dict(args.inputs)))
        return f"{args.name}-id", state

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None


def registered(make: Callable[[], pulumi.CustomResource]) -> Registered:
    """The type token, name and inputs (without the serialized provider) of the one resource
    ``make`` builds. Properties left at None are not sent, hence absent."""
    (resource,) = registered_all(make)
    return resource


def registered_all(
    make: Callable[[], pulumi.CustomResource], outputs: Outputs | None = None
) -> list[Registered]:
    """Every resource registered while ``make`` builds its resource, in order; each answered
    with its inputs, plus what ``outputs`` adds."""
    capture = _Capture(outputs)
    pulumi.runtime.set_mocks(capture, preview=False)
    try:

        @pulumi.runtime.test  # type: ignore[untyped-decorator]  # pulumi leaves it untyped
        def build() -> pulumi.Output[str]:
            return make().urn

        build()
    finally:
        settings.reset_options(project="project", stack="stack", root_directory="root_directory")
    for resource in capture.registered:
        assert isinstance(resource.inputs.pop(PROVIDER_KEY), str)
    return capture.registered
