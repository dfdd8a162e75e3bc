"""The base of each type's generated keywords class (``resources/<folder>/keywords.py``): the
typed ``__init__`` that both resource classes of the type inherit, the dynamic resource's
(:class:`.resource.SpecResource`) and the provider plugin's (:class:`..native._base.
NativeResource`), which register the resource from its keywords in their own ``_create``.

Imported by the Pulumi program: no heavy imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pulumi


class Keywords:
    """A type's keywords: its generated subclass's ``__init__`` hands them (its ``locals()``)
    to the resource class's ``_create``."""

    if TYPE_CHECKING:

        def _create(
            self,
            resource_name: str,
            keywords: Mapping[str, Any],
            opts: pulumi.ResourceOptions | None,
        ) -> None: ...
