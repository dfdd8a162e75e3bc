"""The base of every resource class: turns a spec and the user's inputs into a dynamic resource.

Imported by the Pulumi program: no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, TypeVar, cast

import pulumi
from pulumi import CustomResource
from pulumi.dynamic import Resource

from ..markers import mark_none_values
from .files import file_inputs
from .keywords import Keywords
from .provider import SpecProvider
from .spec import ResourceSpec


def inputs_given(
    spec: ResourceSpec, resource_name: str, keywords: Mapping[str, Any]
) -> dict[str, Any]:
    """The inputs a resource class's keywords (its ``__init__``'s ``locals()``) stand for: an
    unset name is the resource name, an unset list or map its empty default, and a default the
    spec says is not sent (``init_default_unsent``) is left unset."""
    inputs: dict[str, Any] = {}
    for prop in spec.inputs:
        value = keywords.get(prop.name)
        if value is None and prop.resource_name_default:
            value = resource_name
        elif value is None and isinstance(prop.default, (list, dict)):
            value = type(prop.default)()
        elif prop.init_default_unsent and value is prop.init_default:
            value = None
        inputs[prop.name] = value
    return inputs


class SpecResource(Keywords, Resource):
    """A dynamic resource whose properties come from its provider's :class:`ResourceSpec`.

    Subclasses declare typed ``__init__`` keywords and output attributes for users and IDEs,
    and pass the inputs on to :meth:`_register`; ``tests/resources/test_resource_specs.py`` checks
    that both agree with the spec.
    """

    _spec: ClassVar[ResourceSpec]
    _provider_class: ClassVar[type[SpecProvider]]

    def _create(
        self, resource_name: str, keywords: Mapping[str, Any], opts: pulumi.ResourceOptions | None
    ) -> None:
        """Register the resource from its class's keywords (the generated ``__init__``'s
        ``locals()``): :func:`inputs_given`, then the spec's init hook for keywords that are
        not inputs (``common_resource=``)."""
        inputs = inputs_given(self._spec, resource_name, keywords)
        inputs = self._with_init_args(resource_name, inputs, keywords)
        self._register(self._provider_class(), resource_name, inputs, opts)

    def _register(
        self,
        provider: SpecProvider,
        resource_name: str,
        inputs: Mapping[str, Any],
        opts: pulumi.ResourceOptions | None,
    ) -> None:
        props, options = self._resource_args(provider, inputs, opts)
        serialized = _serialized_provider(provider)
        type_name = getattr(type(self), "_resource_type_name", None)
        if serialized is None or not isinstance(type_name, str):  # another SDK: its own way
            Resource.__init__(self, provider, resource_name, props, options)
            return
        # What pulumi.dynamic.Resource.__init__ does, one frame lower: the SDK takes a
        # resource's source position from the caller of the third ``__init__`` up the stack
        # (Resource, CustomResource, then the concrete class). Through dynamic.Resource.__init__
        # that caller is this package's resource class; from here it is the user's program
        # (its line in `pulumi` diagnostics and in state), and every resource's stackTrace in
        # state is one frame (about 200 bytes) shorter.
        props[_PROVIDER_KEY] = serialized
        CustomResource.__init__(
            self,
            f"pulumi-python:{type_name}",
            resource_name,
            props,
            options,
        )

    @staticmethod
    def _resource_args(
        provider: SpecProvider, inputs: Mapping[str, Any], opts: pulumi.ResourceOptions | None
    ) -> tuple[dict[str, Any], pulumi.ResourceOptions]:
        """The properties and options to register: the spec's inputs (secrets wrapped, keys
        with None values kept), its computed outputs, and its secret outputs."""
        spec = provider.spec
        unknown = sorted(set(inputs) - set(spec.input_names))
        if unknown:
            raise TypeError(f"{spec.name}: unknown inputs {unknown}")
        props: dict[str, Any] = {}
        for prop in spec.inputs:
            value = inputs.get(prop.name)
            if prop.refuse_none and value is not None:
                # keys whose value is None would be dropped on the way to the provider
                value = pulumi.Output.from_input(value).apply(mark_none_values)
            if prop.secret and value is not None:
                value = pulumi.Output.secret(value)
            props[prop.name] = value
        props.update(dict.fromkeys(spec.computed_names))
        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=list(spec.secret_names))
        return props, pulumi.ResourceOptions.merge(opts, secret_opts)


_PROVIDER_KEY = "__provider"


def _serialized_provider(provider: SpecProvider) -> str | None:
    """The provider as ``pulumi.dynamic.Resource`` stores it (``__provider``), or None when
    this SDK does not have what that takes (then the caller goes through dynamic.Resource).

    Our providers hold no secret (``serialize_as_secret_always = False``, nothing captured:
    :meth:`SpecProvider.__reduce__`), so the SDK would store the same plain string."""
    from pulumi.dynamic import dynamic

    serialize = getattr(dynamic, "serialize_provider", None)
    if getattr(dynamic, "PROVIDER_KEY", None) != _PROVIDER_KEY or not callable(serialize):
        return None
    if provider.serialize_as_secret_always or provider.__dict__:
        return None
    value = serialize(provider)
    return value if isinstance(value, str) else None


FromFileT = TypeVar("FromFileT", bound="FromFile")


class FromFile(SpecResource):
    """``from_file`` of a type whose spec says how to read its document files
    (:class:`.spec.FileSpec`; the generated class documents it)."""

    @classmethod
    def from_file(
        cls: type[FromFileT],
        path: str | Path,
        name: str | None = None,
        *,
        opts: pulumi.ResourceOptions | None = None,
        **overrides: Any,
    ) -> FromFileT:
        """The resource from a document file; ``name`` is the Pulumi resource name and
        ``overrides`` replace single inputs (see the type's own documentation)."""
        resource_name, inputs = file_inputs(cls._spec, path, name, overrides)
        return cast(FromFileT, cast(Any, cls)(resource_name, opts=opts, **inputs))
