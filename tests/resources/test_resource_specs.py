"""Each resource type is described once, by its spec: the resource class, the provider, check
and the reference docs must agree with it."""

from __future__ import annotations

import importlib
import inspect
import typing
from pathlib import Path

import pytest

from pulumi_openconnectors.resources.docs import generated
from pulumi_openconnectors.resources.registry import RESOURCE_CLASSES, SPECS
from pulumi_openconnectors.resources.spec import ResourceSpec

REPO = Path(__file__).resolve().parents[2]
# keywords that are sugar for inputs, not inputs themselves
SUGAR = {"Transformation": {"common_resource"}}


def _resource_class(spec: ResourceSpec) -> type:
    module = importlib.import_module(RESOURCE_CLASSES[spec.name])
    return typing.cast(type, getattr(module, spec.name))


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_the_resource_class_takes_exactly_the_spec_inputs(spec: ResourceSpec) -> None:
    cls = _resource_class(spec)
    params = set(inspect.signature(cls.__init__).parameters) - {"self", "resource_name", "opts"}
    assert params - SUGAR.get(spec.name, set()) == set(spec.input_names)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_the_resource_class_declares_exactly_the_spec_outputs(spec: ResourceSpec) -> None:
    cls = _resource_class(spec)
    declared = {n for n in cls.__annotations__ if not n.startswith("_")}
    assert declared == set(spec.output_names)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_type_token_provider_and_operations(spec: ResourceSpec) -> None:
    cls = _resource_class(spec)
    assert cls._resource_type_name == f"dynamic/{spec.module}:{spec.name}"  # type: ignore[attr-defined]
    module, _, name = spec.operations.partition(":")
    operations = getattr(importlib.import_module(module), name)
    assert operations.spec is spec
    fields = set(operations.inputs_model.model_fields)
    assert fields == set(spec.input_names), "the inputs model validates exactly the inputs"


def test_the_reference_docs_are_generated_from_the_specs() -> None:
    folder = REPO / "docs" / "resources"
    for name, content in generated().items():
        path = folder / name
        assert path.exists() and path.read_text() == content, (
            f"{path} is stale: run `python -m pulumi_openconnectors.resources.docs`"
        )
    assert {p.name for p in folder.glob("*.md")} == set(generated())


# One registration list (resources/registry.py): everything that lists the types derives from it.


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_a_registered_type_is_public_lazy_and_typed(spec: ResourceSpec) -> None:
    import pulumi_openconnectors as package

    assert spec.name in package.__all__
    assert getattr(package, spec.name) is _resource_class(spec)
    # the TYPE_CHECKING imports (for editors and type checkers) name it too
    source = Path(package.__file__).read_text()
    assert f"import {spec.name} as {spec.name}" in source


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_the_provider_is_found_through_the_registry_and_pickles_by_name(
    spec: ResourceSpec,
) -> None:
    import pickle

    from pulumi_openconnectors import _provider
    from pulumi_openconnectors.resources.provider import provider_class
    from pulumi_openconnectors.resources.registry import PROVIDER_MODULES

    cls = provider_class(spec.name)
    assert cls.spec is spec and cls.__module__ == PROVIDER_MODULES[spec.name]
    provider = _provider(spec.name)
    assert type(pickle.loads(pickle.dumps(provider))) is cls
    assert spec.name.encode() in pickle.dumps(provider)


def test_an_unregistered_type_has_no_provider() -> None:
    from pulumi_openconnectors.resources.provider import provider_class

    with pytest.raises(LookupError, match="no resource type 'Nothing'"):
        provider_class("Nothing")


def test_export_drops_exactly_the_server_keys_the_specs_list() -> None:
    """export filters with the specs' own lists (a copy once lacked `instanceId`)."""
    from pulumi_openconnectors.export import program
    from pulumi_openconnectors.resources.common_resource import spec as definition
    from pulumi_openconnectors.resources.formula import spec as formula
    from pulumi_openconnectors.resources.transformation import spec as transformation

    assert program.TRANSFORMATION_SERVER_KEYS is transformation.SERVER_KEYS
    assert "instanceId" in program.TRANSFORMATION_SERVER_KEYS
    assert program.DEFINITION_SERVER_KEYS is definition.SERVER_KEYS
    assert program.DEFINITION_FIELD_SERVER_KEYS is definition.FIELD_SERVER_KEYS
    assert program.SERVER_KEYS is formula.SERVER_KEYS
    assert program.ITEM_SERVER_KEYS is formula.ITEM_SERVER_KEYS
