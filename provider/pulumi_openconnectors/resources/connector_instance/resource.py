"""ConnectorInstance: the typed resource class.

Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

import pulumi

from ..resource import SpecResource
from ..typed_keywords import ConnectorInstanceKeywords
from .outputs import ConnectorInstanceOutputs
from .provider import ConnectorInstanceProvider
from .spec import SPEC


class ConnectorInstance(
    ConnectorInstanceKeywords, SpecResource, ConnectorInstanceOutputs, **SPEC.pulumi_type
):
    """A connector instance: an authenticated connection to one vendor account (the credentials
    a formula or a hub call uses).

    Changing ``element_key``/``element_id`` replaces the instance; ``name``, ``tags``,
    ``configuration``, ``events`` and ``disabled`` are updated in place; ``provider_data`` (the
    OAuth 2.0 authorization grant) and ``retrieve_objects`` are used at create only. ``token``,
    ``configuration``, ``events`` and ``provider_data`` are always secrets in state and outputs.
    To take over an instance that already exists (``pulumi import`` does not work for dynamic
    resources), pass ``adopt_instance_id=<its id>``.

    Type token: ``pulumi-python:dynamic/openconnectors:ConnectorInstance``.
    """

    _spec = SPEC
    _provider_class = ConnectorInstanceProvider

    ownership_tag: pulumi.Output[str]
    """The hidden tag the provider puts on the instance (see *Lost answers*)."""
    late_create_possible: pulumi.Output[bool]
    """A POST of the create went unanswered (delete then sweeps for a late copy)."""
