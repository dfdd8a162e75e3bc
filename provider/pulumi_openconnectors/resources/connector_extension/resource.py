"""ConnectorExtension: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..resource import SpecResource
from .provider import ConnectorExtensionProvider
from .spec import SPEC


class ConnectorExtension(SpecResource, **SPEC.pulumi_type):
    """TODO: what a ConnectorExtension is, and what an update sends (`PUT /…`).

    Type token: ``pulumi-python:dynamic/openconnectors:ConnectorExtension``.

    Args:
        resource_name: the Pulumi resource name.
        name: the object's name; default: the resource name.
        extra: any other keys of the object's JSON, kept as they are.
        adopt: take over the object of this name if it exists instead of failing.
        opts: the Pulumi resource options.
    """

    _spec = SPEC
    _provider_class = ConnectorExtensionProvider

    name: pulumi.Output[str]
    """The object's name; default: the resource name."""
    extra: pulumi.Output[dict[str, Any]]
    """Any other keys of the object's JSON, kept as they are."""
    adopt: pulumi.Output[bool]
    """Take over the object of this name if it exists instead of failing."""
    connector_extension_id: pulumi.Output[str]
    """The object's id (also the Pulumi id)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._create(resource_name, locals(), opts)
