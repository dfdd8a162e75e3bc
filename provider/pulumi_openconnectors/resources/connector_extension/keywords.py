"""ConnectorExtension: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi

from ..keywords import Keywords


class ConnectorExtensionKeywords(Keywords):
    """The keywords of both ConnectorExtension classes (the dynamic resource and the
    plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        element_key: pulumi.Input[str],
        resources: pulumi.Input[Sequence[Any]],
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A ConnectorExtension resource.

        Args:
            resource_name: the Pulumi resource name.
            element_key: the key of the catalog's connector to extend (`closeio`, `sfdc`, …); it
                is the Pulumi id, so changing it replaces the extension (its resources move to
                the other connector).
            resources: the organization's own resources of the connector (at least one; `path`
                from `/`, `method` `GET`/`POST`/`PUT`/`PATCH`/`DELETE`, one resource per method
                and path; `vendorPath`, `vendorMethod`, `parameters`, `description`, …). A
                resource may have the method and path of one the connector comes with: it is the
                organization's version of that call.
            adopt: take over the organization's extension of this connector (the resources it
                added) if it exists instead of failing.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
