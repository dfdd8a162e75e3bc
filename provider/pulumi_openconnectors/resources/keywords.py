"""The base of each type's generated keywords class (in ``resources/typed_keywords.py``): the
typed ``__init__`` that both resource classes of the type inherit, the dynamic resource's
(:class:`.resource.SpecResource`) and the provider plugin's (:class:`..native._base.
NativeResource`), which register the resource from its keywords in their own ``_create``.

Imported by the Pulumi program: no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import pulumi

    from .spec import ResourceSpec


class Registers:
    """What a generated ``__init__`` calls with its keywords (its ``locals()``): the resource
    class's ``_create``, which registers the resource (the plugin's explicit ``Provider`` too)."""

    if TYPE_CHECKING:

        def _create(
            self,
            resource_name: str,
            keywords: Mapping[str, Any],
            opts: pulumi.ResourceOptions | None,
        ) -> None: ...


class Keywords(Registers):
    """A type's keywords: its generated subclass's ``__init__`` hands them (its ``locals()``)
    to the resource class's ``_create``."""

    _spec: ClassVar[ResourceSpec]
    _init_hook: ClassVar[Callable[..., dict[str, Any]] | None] = None
    """The spec's ``init_hook``: turns the keywords that are not inputs into inputs."""

    def _with_init_args(
        self, resource_name: str, inputs: dict[str, Any], keywords: Mapping[str, Any]
    ) -> dict[str, Any]:
        """``inputs`` with what the keywords that are not inputs (the spec's ``init_args``:
        ``common_resource=``) stand for, through the spec's init hook."""
        hook = type(self)._init_hook
        if hook is None:
            return inputs
        extra = {arg.name: keywords.get(arg.name) for arg in self._spec.init_args}
        return hook(resource_name, inputs, **extra)
