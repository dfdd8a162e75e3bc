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


def _resource_class(spec: ResourceSpec) -> type:
    module = importlib.import_module(RESOURCE_CLASSES[spec.name])
    return typing.cast(type, getattr(module, spec.name))


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_the_resource_class_takes_exactly_the_spec_inputs(spec: ResourceSpec) -> None:
    cls = _resource_class(spec)
    params = set(inspect.signature(cls.__init__).parameters) - {"self", "resource_name", "opts"}
    assert params - {arg.name for arg in spec.init_args} == set(spec.input_names)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_the_resource_class_declares_exactly_the_spec_outputs(spec: ResourceSpec) -> None:
    cls = _resource_class(spec)
    # its own annotations and those of the generated outputs class it shares (outputs.py)
    declared = {
        n
        for k in cls.__mro__
        if k.__module__.startswith("pulumi_openconnectors.")
        for n in inspect.get_annotations(k)
        if not n.startswith("_")
    }
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
    # the TYPE_CHECKING imports (for editors and type checkers) name it too: the package
    # star-imports the generated resources/classes.py
    from pulumi_openconnectors.resources import classes

    assert getattr(classes, spec.name) is _resource_class(spec)
    star: dict[str, object] = {}
    exec("from pulumi_openconnectors.resources.classes import *", star)
    assert star[spec.name] is _resource_class(spec)
    source = Path(package.__file__).read_text()
    assert "from .resources.classes import *" in source


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


def _at_path(segments: list[str], leaf: dict[str, object]) -> dict[str, object]:
    """An object holding ``leaf`` at a spec path (``"x"``, ``"x[]"`` a list, ``"*"`` a map)."""
    if not segments:
        return dict(leaf)
    head, inner = segments[0], _at_path(segments[1:], leaf)
    if head == "*":
        return {"entry": inner}
    if head.endswith("[]"):
        return {head[:-2]: [inner]}
    return {head: inner}


def _merged(a: object, b: object) -> object:
    if isinstance(a, dict) and isinstance(b, dict):
        return {
            k: _merged(a[k], b[k]) if k in a and k in b else a.get(k, b.get(k)) for k in {**a, **b}
        }
    if isinstance(a, list) and isinstance(b, list):
        return [_merged(x, y) for x, y in zip(a, b, strict=True)]
    return b


def test_server_keys_are_dropped_at_every_place_the_spec_lists() -> None:
    """What a file, an export and the outputs hold: the document without the keys the server
    sets, at the top level and at each path the spec names — items of lists, nested objects,
    each entry of a map (a hand copy of one list once lacked `instanceId`)."""
    from pulumi_openconnectors.resources.documents import without_server_keys

    for spec in SPECS:
        document: object = {"kept": 1}
        expected: object = {"kept": 1}
        for path, keys in spec.server_keys.items():
            segments = path.split(".") if path else []
            server = {"kept": 2 if path else 1, **dict.fromkeys(keys, "server")}
            document = _merged(document, _at_path(segments, server))
            expected = _merged(expected, _at_path(segments, {"kept": 2 if path else 1}))
        assert isinstance(document, dict)
        assert without_server_keys(spec, document) == expected, spec.name
    transformation = next(s for s in SPECS if s.name == "Transformation")
    assert "instanceId" in transformation.top_server_keys


def test_the_resource_and_provider_classes_are_generated_from_the_specs() -> None:
    from pulumi_openconnectors.resources import codegen

    for path, content in codegen.generated().items():
        assert path.read_text() == content, (
            f"{path} is stale: run `python -m pulumi_openconnectors.resources.codegen`"
        )


# Modules that hold their own reading of the API: the emulator (independent on purpose) and the
# client's wire models (and a type's own API area, resources/<type>/api.py, allowed below).
_OWN_READING = ("emulator/", "client/", "models/")


def _string_constants(path: Path) -> set[str]:
    import ast

    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_a_types_api_keys_are_named_in_its_spec_only() -> None:
    """`grep singleThreaded` finds Formula's spec (and the generated class) only: every other
    module derives the document, the known keys, the state inputs, the outputs, from_file and
    export's filters from the spec. Checked for every API key of every type that cannot be
    mistaken for a Python name (camelCase)."""
    from pulumi_openconnectors.resources.registry import FOLDERS

    package = REPO / "provider" / "pulumi_openconnectors"
    modules = {
        path: _string_constants(path)
        for path in package.rglob("*.py")
        if not str(path.relative_to(package)).startswith(_OWN_READING)
    }
    owners: dict[str, set[Path]] = {}  # API key -> the files that may name it
    for spec in SPECS:
        keys = {p.api for p in spec.props if p.api}
        keys |= {k for group in spec.server_keys.values() for k in group}
        keys |= {k for group in spec.server_filled.values() for k in group}
        own = package / "resources" / FOLDERS[spec.name]
        for key in keys:
            if key != key.lower() and key.isidentifier():
                owners.setdefault(key, set()).update(
                    {own / "spec.py", own / "rules.py", own / "resource.py", own / "api.py"}
                )
    misplaced = [
        f"{path.relative_to(package)} names {key!r}"
        for path, constants in modules.items()
        for key in sorted(set(owners) & constants)
        if path not in owners[key]
    ]
    assert not misplaced, "\n".join(misplaced)
