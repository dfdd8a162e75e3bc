"""The dynamic provider every resource type shares; a type is a subclass naming its spec.

The provider object is pickled into every resource's state by reference, as
``pulumi_openconnectors._provider("<TypeName>")`` (:meth:`SpecProvider.__reduce__`: 74 bytes
instead of the 107 of its class's module path, in each resource's inputs and outputs; states
that name the class by its module path still load), so it holds nothing but its type: the
client and the type's operations are built in the provider process, from the stack config
(``configure``) or the environment, on first use. This module imports only what the program
needs to pickle the class; validation, the HTTP client and the operations are loaded in the
provider process.
"""

from __future__ import annotations

import copyreg
import importlib
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from . import host_concurrency
from .spec import ResourceSpec, resolve

if TYPE_CHECKING:
    from .operations import Operations

R = TypeVar("R")


class SpecProvider(ResourceProvider):
    """check, diff and CRUD of one resource type, driven by its :class:`ResourceSpec`."""

    spec: ClassVar[ResourceSpec]

    # The pickled provider captures nothing secret (no client, no credentials), so it need not
    # be stored encrypted: this keeps state small and diffs readable.
    serialize_as_secret_always = False

    _lock = threading.Lock()  # a class attribute: pickled by reference with the class

    # Attributes set only in the provider process, after unpickling; the object the program
    # pickles has none, so no client or credential is ever serialised.

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its type's name (``_provider("ConnectorInstance")``) when the registry
        finds the class by that name (:func:`provider_class`); else by its class, as pickle
        would."""
        cls = type(self)
        name = self.spec.name
        if not self.__dict__ and _registered(name) is cls:
            return (_provider, (name,))
        newobj = copyreg.__newobj__  # type: ignore[attr-defined]
        return (newobj, (cls,), self.__dict__ or None)

    def configure(self, req: ConfigureRequest) -> None:
        self.config_lookup = req.config.get
        host_concurrency.apply(req.config.get)  # openconnectors:concurrency (host_concurrency.py)

    # Where the operations read their settings (``openconnectors:<key>`` -> value): set by
    # ``configure`` in a dynamic provider's process, by the plugin for the provider resource
    # it serves. Unset: the environment alone (``OPENCONNECTORS_*``).
    config_lookup: Callable[[str], Any] | None = None

    @classmethod
    def operations_class(cls) -> type[Operations[Any]]:
        """The type's :class:`Operations` (its spec's ``operations``, imported on first use)."""
        found: type[Operations[Any]] = resolve(cls.spec.operations)
        return found

    def _ops(self) -> Operations[Any]:
        ops: Operations[Any] | None = getattr(self, "_operations", None)
        if ops is None:
            with self._lock:
                ops = getattr(self, "_operations", None)
                if ops is None:
                    from .runtime import shared_client

                    lookup = self.config_lookup or (lambda _key: None)
                    ops = self.operations_class()(shared_client(lookup))
                    self._operations = ops
        return ops

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, failures = self.operations_class().check(news)
        if failures:
            return CheckResult(news, check_failures(self.spec, news, failures))
        if inputs is None:  # some values are unknown until the preview's dependencies exist
            return CheckResult(news, [])
        return CheckResult(inputs, [])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        replaces, changes = self.spec.diff(olds, news)
        return DiffResult(
            changes=bool(replaces or changes), replaces=replaces, delete_before_replace=False
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        id_, outs = self._run("create", lambda ops: ops.create(props))
        return CreateResult(id_, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        from .documents import read_without_inputs

        with read_without_inputs(not props):  # no state: an import
            outs = self._run("read", lambda ops: ops.read(id_, props))
        if outs is None:
            return ReadResult(None, {})  # gone: refresh drops it, the next `up` recreates it
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._run("update", lambda ops: ops.update(id_, olds, news)))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._run("delete", lambda ops: ops.delete(id_, props))

    def _run(self, verb: str, operation: Callable[[Operations[Any]], R]) -> R:
        """One operation within its overall deadline; anything but our own errors (a bug, or a
        library's exception) becomes one redacted line instead of a raw traceback."""
        from ..client.deadline import operation_deadline
        from ..errors import OpenConnectorsError, ProviderError

        ops = self._ops()
        try:
            with operation_deadline(ops.client.settings.operation_timeout):
                return operation(ops)
        except OpenConnectorsError:
            raise
        except Exception as exc:  # the safety net: never a raw library exception
            detail = ops.client.redactor.redact(str(exc).splitlines()[0] if str(exc) else "")
            raise ProviderError(
                f"{verb} of {self.spec.name} failed unexpectedly ({type(exc).__name__}"
                f"{': ' + detail if detail else ''}). This is a bug in pulumi-openconnectors; "
                "please report it with the command you ran."
            ) from None


def check_failures(
    spec: ResourceSpec, news: dict[str, Any], failures: list[tuple[str, str]]
) -> list[CheckFailure]:
    """The failures as the engine gets them: without a property, because the engine prints a
    failing property's whole value next to the reason, secrets unwrapped (every reason names
    its property itself); and with every string of a secret input masked in the reasons."""
    secrets = sorted(
        {text for p in spec.inputs if p.secret for text in leaf_strings(news.get(p.name))},
        key=len,
        reverse=True,
    )

    def masked(reason: str) -> str:
        for text in secrets:
            # quoted as messages quote values; bare only when long enough not to be a word
            for form in (repr(text), json.dumps(text), *((text,) if len(text) >= 8 else ())):
                reason = reason.replace(form, "[secret]")
        return reason

    return [CheckFailure("", masked(reason)) for _prop, reason in failures]


def leaf_strings(value: Any) -> list[str]:
    """Every non-empty string inside a value (values of maps, items of lists)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in leaf_strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in leaf_strings(v)]
    return []


def _registered(type_name: str) -> type[SpecProvider] | None:
    """The provider class of a registered type (:mod:`.registry`): the one
    :class:`SpecProvider` in its folder's ``provider.py`` whose spec is the type's."""
    from .registry import PROVIDER_MODULES

    module_name = PROVIDER_MODULES.get(type_name)
    if module_name is None:
        return None
    module = importlib.import_module(module_name)
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, SpecProvider)
        and value.__module__ == module_name
        and getattr(value, "spec", None) is not None
        and value.spec.name == type_name
    ]
    return found[0] if len(found) == 1 else None


def provider_class(type_name: str) -> type[SpecProvider]:
    cls = _registered(type_name)
    if cls is None:
        raise LookupError(f"pulumi-openconnectors has no resource type {type_name!r}")
    return cls


def _provider(type_name: str) -> SpecProvider:
    """A resource type's provider, as unpickled from a resource's state (``__provider``).

    States name it ``pulumi_openconnectors._provider``: that is where pickle finds it (the
    package's lazy names), so it lives here without the package importing this module, and
    keep that name and place."""
    return provider_class(type_name)()


_provider.__module__ = "pulumi_openconnectors"
