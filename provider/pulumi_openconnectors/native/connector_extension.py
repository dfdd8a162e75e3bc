"""ConnectorExtension through the provider plugin:
``openconnectors:index:ConnectorExtension``.

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..resources.connector_extension.spec import SPEC
from ._base import NativeResource


class ConnectorExtension(NativeResource):
    """TODO: what a ConnectorExtension is, and what an update sends (`PUT /…`).

    Args:
        resource_name: the Pulumi resource name.
        name: the object's name; default: the resource name.
        extra: any other keys of the object's JSON, kept as they are.
        adopt: take over the object of this name if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC

    name: pulumi.Output[str]
    """the object's name; default: the resource name."""
    extra: pulumi.Output[dict[str, Any]]
    """any other keys of the object's JSON, kept as they are."""
    adopt: pulumi.Output[bool]
    """take over the object of this name if it exists instead of failing."""
    connector_extension_id: pulumi.Output[str]
    """the object's id (also the Pulumi id)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
