"""What every generated class of :mod:`pulumi_openconnectors.native` does: register its
keywords as the plugin's resource. Property names: Python (``element_key``) <-> the plugin's
(``elementKey``, by the plugin's one conversion :mod:`..plugin.names`), by the SDK's translate
hooks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pulumi

from ..plugin import PACKAGE, type_token
from ..plugin.names import pulumi_name, python_name, snake
from ..resources.keywords import Keywords
from ..resources.spec import ResourceSpec


class NativeResource(Keywords, pulumi.CustomResource):
    """A resource of the plugin (``openconnectors:index:<Type>``) of the class's ``_spec``:
    its inputs from the keywords of the type's generated ``__init__`` (shared with the dynamic
    class), its public outputs unknown."""

    _spec: ClassVar[ResourceSpec]

    def _create(
        self, resource_name: str, keywords: Mapping[str, Any], opts: pulumi.ResourceOptions | None
    ) -> None:
        """Register the resource: a keyword left at the default the dynamic class fills in
        (``adopt=False``) is sent unset, for the plugin's check to fill in; keywords that are
        not inputs (``common_resource=``) go through the spec's init hook."""
        spec = self._spec
        props: dict[str, Any] = {
            prop.name: None
            if prop.init_default is not None and keywords.get(prop.name) is prop.init_default
            else keywords.get(prop.name)
            for prop in spec.inputs
        }
        props = self._with_init_args(resource_name, props, keywords)
        props.update(dict.fromkeys(p.name for p in spec.props if not p.input and not p.internal))
        super().__init__(type_token(spec.name), resource_name, props, opts)

    def translate_output_property(self, prop: str) -> str:
        return python_name(self._spec, prop)

    def translate_input_property(self, prop: str) -> str:
        return pulumi_name(self._spec, prop)


class NativeProvider(pulumi.ProviderResource):
    """The explicit provider resource: each keyword is the setting its camelCase key names,
    a secret setting wrapped as a Pulumi secret."""

    _settings: ClassVar[tuple[tuple[str, bool], ...]]
    """(key, secret) of each setting of the stack config."""

    def _create(
        self, resource_name: str, keywords: Mapping[str, Any], opts: pulumi.ResourceOptions | None
    ) -> None:
        props: dict[str, Any] = {}
        for key, secret in self._settings:
            value = keywords.get(snake(key))
            props[key] = pulumi.Output.secret(value) if secret and value is not None else value
        super().__init__(PACKAGE, resource_name, props, opts)
