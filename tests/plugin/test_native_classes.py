"""The typed classes of :mod:`pulumi_openconnectors.native` under Pulumi's unit-testing mocks:
what each registers (the plugin's type token, its inputs by their camelCase names, secrets of
the explicit provider as secrets) and the outputs read back under their Python names."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pulumi
import pytest
from pulumi.runtime import settings

import pulumi_openconnectors.native as oc
from pulumi_openconnectors.plugin.names import camel
from pulumi_openconnectors.resources.registry import SPECS

SECRET_SIG = "4dabf18193072939515e22adb298388d"  # how the engine's wire format marks a secret


class _Capture(pulumi.runtime.Mocks):
    def __init__(self) -> None:
        self.registered: list[tuple[str, str, dict[str, Any]]] = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered.append((args.typ, args.name, dict(args.inputs)))
        outputs = {**args.inputs, "createdDate": "2026-01-01T00:00:00Z"}
        return f"{args.name}-id", outputs

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None


def _run(make: Callable[[], pulumi.Output[Any]]) -> tuple[list[Any], Any]:
    capture = _Capture()
    pulumi.runtime.set_mocks(capture, preview=False)
    seen: list[Any] = []
    try:

        @pulumi.runtime.test  # type: ignore[untyped-decorator]  # pulumi leaves it untyped
        def build() -> pulumi.Output[Any]:
            return make().apply(seen.append)

        build()
    finally:
        settings.reset_options(project="project", stack="stack", root_directory="root_directory")
    return capture.registered, seen[0] if seen else None


def test_a_resource_registers_its_inputs_by_the_plugins_names_and_reads_outputs_back() -> None:
    def make() -> pulumi.Output[Any]:
        formula = oc.Formula(
            "flow",
            name="import-flow",
            debug_logging_enabled=True,
            triggers=[{"type": "manual"}],
            adopt_formula_id=None,
        )
        return pulumi.Output.all(formula.debug_logging_enabled, formula.created_date)

    registered, outputs = _run(make)
    assert registered == [
        (
            "openconnectors:index:Formula",
            "flow",
            {"name": "import-flow", "debugLoggingEnabled": True, "triggers": [{"type": "manual"}]},
        )
    ]
    assert outputs == [True, "2026-01-01T00:00:00Z"]


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_class_sends_each_input_under_its_camel_case_name(spec: Any) -> None:
    cls = getattr(oc, spec.name)
    keywords = {prop.name: f"v-{prop.name}" for prop in spec.inputs}
    registered, _ = _run(lambda: cls("r", **keywords).urn)
    ((token, name, inputs),) = registered
    assert (token, name) == (f"openconnectors:index:{spec.name}", "r")
    assert inputs == {camel(key): value for key, value in keywords.items()}
    public = {p.name for p in spec.props if not p.internal}
    # its own annotations and those of the generated outputs class it shares (outputs.py)
    declared = {
        n
        for k in cls.__mro__
        if k.__module__.startswith("pulumi_openconnectors.")
        for n in inspect.get_annotations(k)
        if not n.startswith("_")
    }
    assert declared == public


def test_the_explicit_provider_sends_its_secrets_as_secrets() -> None:
    registered, _ = _run(
        lambda: (
            oc.Provider("home", base_url="http://127.0.0.1:1", user_secret="u", max_retries=2).urn
        )
    )
    ((token, name, inputs),) = registered
    assert (token, name) == ("pulumi:providers:openconnectors", "home")
    assert inputs["baseUrl"] == "http://127.0.0.1:1"
    assert inputs["maxRetries"] == 2
    assert inputs["userSecret"][SECRET_SIG]  # a secret, not the plain text
    assert inputs["userSecret"]["value"] == "u"
    assert "organizationSecret" not in inputs


def test_a_transformation_maps_onto_a_common_resource_given_as_a_keyword() -> None:
    """The plugin's Transformation shares the dynamic class's keywords, ``common_resource=``
    included: the common resource's name becomes ``objectName`` (an output, so the engine
    orders the two)."""

    def make() -> pulumi.Output[Any]:
        contacts = oc.CommonResource("contacts", name="myContacts", fields=[])
        mapping = oc.Transformation(
            "t", common_resource=contacts, element_key="closeio", vendor_name="Contact"
        )
        return mapping.urn

    registered, _ = _run(make)
    inputs = {name: props for _token, name, props in registered}
    assert inputs["t"]["objectName"] == "myContacts"
    assert "adopt" not in inputs["t"]  # left at its default: unset, as before


def test_a_transformation_without_a_common_resource_or_object_name_is_refused() -> None:
    with pytest.raises(TypeError, match="give object_name or common_resource"):
        _run(lambda: oc.Transformation("t", element_key="closeio", vendor_name="Contact").urn)
