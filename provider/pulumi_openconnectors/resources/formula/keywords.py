"""Formula: the typed keywords of its resource classes.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from ..keywords import Keywords


class FormulaKeywords(Keywords):
    """The keywords of both Formula classes (the dynamic resource and the plugin's)."""

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str] | None = None,
        description: pulumi.Input[str] | None = None,
        active: pulumi.Input[bool] = True,
        single_threaded: pulumi.Input[bool] | None = None,
        engine: pulumi.Input[str] | None = None,
        debug_logging_enabled: pulumi.Input[bool] | None = None,
        configuration: pulumi.Input[Sequence[Any]] | None = None,
        triggers: pulumi.Input[Sequence[Any]] | None = None,
        steps: pulumi.Input[Sequence[Any]] | None = None,
        extra: pulumi.Input[Mapping[str, Any]] | None = None,
        adopt_formula_id: pulumi.Input[int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """A Formula resource.

        Args:
            resource_name: the Pulumi resource name.
            name: the formula's name; default: the resource name.
            description: free text.
            active: default true; an inactive template stops all its instances.
            single_threaded: `singleThreaded`; unset = not managed.
            engine: `v1` or `v3`; unset = not managed.
            debug_logging_enabled: `debugLoggingEnabled`; unset = not managed.
            configuration: the variables: `{key, name, type: value|elementInstance, required?}`
                each.
            triggers: `{type: event|elementRequest|scheduled|manual, properties, onSuccess,
                onFailure}`.
            steps: `{name, type, properties, onSuccess, onFailure}` each, as documented.
            extra: any other top-level keys of the formula JSON, kept as they are (e.g. `api`).
            adopt_formula_id: take over an existing formula instead of creating one.
            opts: the Pulumi resource options.
        """
        self._create(resource_name, locals(), opts)
