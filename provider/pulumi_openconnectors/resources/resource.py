"""The base of every resource class: turns a spec and the user's inputs into a dynamic resource.

Imported by the Pulumi program: no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import Resource

from ..markers import mark_none_values
from .provider import SpecProvider


class SpecResource(Resource):
    """A dynamic resource whose properties come from its provider's :class:`ResourceSpec`.

    Subclasses declare typed ``__init__`` keywords and output attributes for users and IDEs,
    and pass the inputs on to :meth:`_register`, or (one stack frame less in every resource's
    ``stackTrace`` in state, about 100 bytes) call ``Resource.__init__`` themselves with
    :meth:`_resource_args`.
    """

    def _register(
        self,
        provider: SpecProvider,
        resource_name: str,
        inputs: Mapping[str, Any],
        opts: pulumi.ResourceOptions | None,
    ) -> None:
        props, options = self._resource_args(provider, inputs, opts)
        Resource.__init__(self, provider, resource_name, props, options)

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
