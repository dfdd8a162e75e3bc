"""The base of every resource class: turns a spec and the user's inputs into a dynamic resource.

Imported by the Pulumi program: no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi import CustomResource
from pulumi.dynamic import Resource

from ..markers import mark_none_values
from .provider import SpecProvider


class SpecResource(Resource):
    """A dynamic resource whose properties come from its provider's :class:`ResourceSpec`.

    Subclasses declare typed ``__init__`` keywords and output attributes for users and IDEs,
    and pass the inputs on to :meth:`_register`; ``tests/resources/test_resource_specs.py`` checks
    that both agree with the spec.
    """

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
