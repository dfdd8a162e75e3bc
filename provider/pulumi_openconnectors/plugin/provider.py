"""The provider plugin: every registered resource type, served by the same dynamic providers
(:class:`..resources.provider.SpecProvider`: check, the spec's diff, the operations' create,
read, update and delete with their deadline and safety net) over the engine's provider
protocol. Only the boundary is its own: camelCase names (:mod:`.names`), property values and
secrets (:mod:`.values`), detailed diffs (:mod:`.diffs`), the schema (:mod:`.schema`), the
configuration of each provider (:mod:`.settings`) and ``pulumi import`` (read with an id only).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    GetSchemaRequest,
    GetSchemaResponse,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)

from ..config import resolve_concurrency
from ..markers import UNKNOWN
from ..resources.provider import SpecProvider, provider_class
from ..resources.registry import SPECS
from ..resources.spec import ResourceSpec
from . import names, type_token
from .diffs import detailed_diff
from .schema import schema_json
from .settings import ConfigLookup, config_lookup
from .values import PropertyMap, plain_map, property_map, secret_keys

R = TypeVar("R")

SPECS_BY_TOKEN: dict[str, ResourceSpec] = {type_token(spec.name): spec for spec in SPECS}


def _no_config(_key: str) -> Any:
    return None


class OpenConnectorsProvider(Provider):
    """One configured provider (the default provider, or an explicit provider resource)."""

    def __init__(self) -> None:
        self._lookup: ConfigLookup = _no_config
        self._hosts: dict[str, SpecProvider] = {}
        self._executor: ThreadPoolExecutor | None = None

    # -- the package -----------------------------------------------------------------------

    async def get_schema(self, request: GetSchemaRequest) -> GetSchemaResponse:
        return GetSchemaResponse(schema=schema_json())

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        self._lookup = config_lookup(request.variables, request.args)
        self._hosts.clear()
        # As many operations at once as the dynamic resources run (openconnectors:concurrency).
        self._executor = ThreadPoolExecutor(
            max_workers=resolve_concurrency(self._lookup), thread_name_prefix="openconnectors"
        )
        return ConfigureResponse(
            accept_secrets=True,
            supports_preview=True,  # previews show the new inputs, and keep the id known
            accept_resources=True,
            accept_outputs=False,
        )

    # -- resources -------------------------------------------------------------------------

    async def check(self, request: CheckRequest) -> CheckResponse:
        spec = _spec(request.type)
        news = plain_map(request.new_inputs)
        foreign = names.foreign_keys(spec, news)
        if foreign:
            valid = ", ".join(names.camel(name) for name in spec.input_names)
            return CheckResponse(
                inputs=request.new_inputs,
                failures=[
                    CheckFailure("", f"unknown property {key!r}; valid inputs: {valid}")
                    for key in foreign
                ],
            )
        given = names.to_python(spec, news)
        for prop in spec.inputs:  # as the resource classes do: unset means the resource name
            if prop.resource_name_default and given.get(prop.name) is None:
                given[prop.name] = request.name
        result = self._host(spec).check({}, given)
        if result.failures:
            failures = [
                CheckFailure("", names.in_text(spec, str(f.reason))) for f in result.failures
            ]
            return CheckResponse(inputs=request.new_inputs, failures=failures)
        if result.inputs is given:  # some values are not known yet (a preview)
            return CheckResponse(inputs=request.new_inputs, failures=[])
        checked = names.to_pulumi(spec, dict(result.inputs or {}))
        return CheckResponse(inputs=self._values(spec, checked, request.new_inputs), failures=[])

    async def diff(self, request: DiffRequest) -> DiffResponse:
        spec = _spec(request.type)
        olds = names.to_python(spec, plain_map(request.old_state))
        news = names.to_python(spec, plain_map(request.new_inputs))
        replaces, paths = detailed_diff(spec, olds, news)
        changed = sorted({path.split(".")[0].split("[")[0] for path in paths})
        return DiffResponse(
            changes=bool(paths),
            replaces=replaces,
            delete_before_replace=False,
            diffs=changed,
            detailed_diff=paths,
        )

    async def create(self, request: CreateRequest) -> CreateResponse:
        spec = _spec(request.type)
        props = names.to_python(spec, plain_map(request.properties))
        if request.preview:  # the inputs; what the API will compute is not known yet
            planned = {**props, **{name: UNKNOWN for name in spec.computed_names}}
            outputs = names.to_pulumi(spec, planned)
            return CreateResponse("", self._values(spec, outputs, request.properties))
        result = await self._run(lambda: self._host(spec).create(props))
        outputs = names.to_pulumi(spec, result.outs or {})
        return CreateResponse(str(result.id), self._values(spec, outputs, request.properties))

    async def read(self, request: ReadRequest) -> ReadResponse:
        spec = _spec(request.type)
        state = names.to_python(spec, plain_map(request.properties))
        result = await self._run(lambda: self._host(spec).read(request.resource_id, state))
        if result.id is None:
            return ReadResponse(None, {}, {})  # gone: refresh drops it
        outputs = names.to_pulumi(spec, result.outs or {})
        values = self._values(spec, outputs, request.properties)
        if request.properties:  # a refresh: the inputs stay the program's
            return ReadResponse(request.resource_id, values, request.inputs)
        # `pulumi import` (or a get): the inputs that describe the object as it is
        host = self._host(spec)
        imported = host.operations_class().imported_inputs(result.outs or {})
        inputs = self._values(spec, names.to_pulumi(spec, imported), {})
        return ReadResponse(request.resource_id, values, inputs)

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        spec = _spec(request.type)
        olds = names.to_python(spec, plain_map(request.olds))
        news = names.to_python(spec, plain_map(request.news))
        if request.preview:  # the new inputs; of the computed outputs only the id stays known
            planned = {
                **{name: UNKNOWN for name in spec.computed_names},
                **{k: v for k, v in olds.items() if k == spec.id_output},
                **{k: v for k, v in news.items() if k in spec.input_names},
            }
            outputs = names.to_pulumi(spec, planned)
            return UpdateResponse(self._values(spec, outputs, request.news))
        result = await self._run(lambda: self._host(spec).update(request.resource_id, olds, news))
        outputs = names.to_pulumi(spec, dict(result.outs or {}))
        return UpdateResponse(self._values(spec, outputs, request.news))

    async def delete(self, request: DeleteRequest) -> None:
        spec = _spec(request.type)
        props = names.to_python(spec, plain_map(request.properties))
        await self._run(lambda: self._host(spec).delete(request.resource_id, props))

    # -- helpers ---------------------------------------------------------------------------

    def _host(self, spec: ResourceSpec) -> SpecProvider:
        """The type's dynamic provider, configured with this provider's settings: its client is
        the one :func:`..resources.runtime.shared_client` keeps for these settings."""
        host = self._hosts.get(spec.name)
        if host is None:
            host = provider_class(spec.name)()
            host.config_lookup = self._lookup  # what SpecProvider.configure sets
            self._hosts[spec.name] = host
        return host

    async def _run(self, operation: Callable[[], R]) -> R:
        """A blocking operation (HTTP) on this provider's worker threads."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, operation)

    @staticmethod
    def _values(spec: ResourceSpec, props: dict[str, Any], given: PropertyMap) -> PropertyMap:
        """Properties for the engine: the spec's secrets, and whatever arrived secret, are
        secret."""
        secrets = {names.camel(name) for name in spec.secret_names} | secret_keys(given)
        return property_map(props, secrets)


def _spec(token: str) -> ResourceSpec:
    spec = SPECS_BY_TOKEN.get(token)
    if spec is None:
        known = ", ".join(sorted(SPECS_BY_TOKEN))
        raise LookupError(f"pulumi-openconnectors has no resource type {token!r} ({known})")
    return spec
