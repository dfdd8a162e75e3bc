"""The dynamic resource provider behind ConnectorInstance.

The provider object is pickled into every resource's state by reference (this module is
importable), so it holds nothing but its class: the client and its settings are built in
``configure`` (stack config) or lazily from the environment, inside the provider process.
This module imports only what the Pulumi program needs to pickle the class; validation, the
HTTP client and the operations (instance_ops.py, reconcile.py) are loaded in the provider
process on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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

from .markers import as_int, is_unknown, user_tags

if TYPE_CHECKING:
    from .instance_ops import InstanceOperations


class ConnectorInstanceProvider(ResourceProvider):
    """CRUD of Open Connectors connector instances through the platform REST API."""

    # The pickled provider captures nothing secret (no client, no credentials), so it need not
    # be stored encrypted: this keeps state small and diffs readable.
    serialize_as_secret_always = False

    _lock = threading.Lock()  # a class attribute: pickled by reference with the class

    # These attributes are only ever set in the provider process, after unpickling; the object
    # the program pickles has none, so no client or credential is ever serialised.

    def configure(self, req: ConfigureRequest) -> None:
        self._config_lookup: Callable[[str], Any] = req.config.get

    def _ops(self) -> InstanceOperations:
        ops: InstanceOperations | None = getattr(self, "_operations", None)
        if ops is None:
            with self._lock:
                ops = getattr(self, "_operations", None)
                if ops is None:
                    from .client import OpenConnectorsClient
                    from .config import resolve_settings
                    from .instance_ops import InstanceOperations

                    lookup = getattr(self, "_config_lookup", lambda _key: None)
                    ops = InstanceOperations(OpenConnectorsClient(resolve_settings(lookup)))
                    self._operations = ops
        return ops

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        from .inputs import validate_inputs

        model, failures = validate_inputs(news)
        if failures:
            return CheckResult(news, [CheckFailure(prop, reason) for prop, reason in failures])
        if model is None:  # some values are unknown until the preview's dependencies exist
            return CheckResult(news, [])
        # Only the inputs, normalised: the placeholders of computed outputs are not stored.
        return CheckResult(model.model_dump(exclude_none=True), [])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        replaces: list[str] = []
        changes: list[str] = []

        def differs(old: Any, new: Any) -> bool:
            return is_unknown(new) or old != new

        if news.get("element_key") is not None:
            if differs(olds.get("element_key"), news.get("element_key")):
                replaces.append("element_key")
        elif news.get("element_id") is not None:
            new_id = news.get("element_id")
            if is_unknown(new_id) or as_int(olds.get("element_id")) != as_int(new_id):
                replaces.append("element_id")

        if differs(olds.get("name"), news.get("name")):
            changes.append("name")
        new_tags = news.get("tags") or []
        old_tags = user_tags(list(olds.get("tags") or []), olds.get("ownership_tag"))
        if is_unknown(new_tags) or sorted(old_tags) != sorted(new_tags):
            changes.append("tags")
        if differs(olds.get("configuration") or {}, news.get("configuration") or {}):
            changes.append("configuration")
        new_disabled = news.get("disabled")
        if new_disabled is not None and differs(olds.get("disabled"), new_disabled):
            changes.append("disabled")
        # provider_data, retrieve_objects and adopt_instance_id are used at create only.
        return DiffResult(
            changes=bool(replaces or changes), replaces=replaces, delete_before_replace=False
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        id_, outs = self._ops().create(props)
        return CreateResult(id_, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        outs = self._ops().read(id_, props)
        if outs is None:
            return ReadResult(None, {})  # gone: refresh drops it, the next `up` recreates it
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._ops().update(id_, olds, news))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._ops().delete(id_, props)
