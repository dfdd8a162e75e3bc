"""The connector catalog: four elements shaped like the `element` object of the API docs
(``catalog.json``)."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import ApiError

if TYPE_CHECKING:
    from .references import References

ELEMENT = "element"
"""The kind of a private element (a custom connector of an account) in reference hooks: the
area that stores them looks one up (`Lookup`) and lists them (`Listing`)."""

EXTENSION = "elementExtension"
"""The kind of an account's own resources on a catalog element (an extended connector) in
reference hooks: the area that stores them looks one up by the element's key (`Lookup`),
answering what the element shows when extended (`extended`, and its `resources`: the
catalog's and the account's), or None when the account added none."""

SYSTEM_ACCOUNT_ID = 1
"""`ownerAccountId` of the resources that come with a catalog element (the-doctor keeps an
element's resources whose owner is not 1 as the account's own)."""

OAUTH2_REQUIRED = ("oauth.api.key", "oauth.api.secret", "oauth.callback.url")


@dataclass(frozen=True)
class HubObject:
    """An object a connector exposes on its hub, with the sample records it returns."""

    name: str
    records: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ObjectInfo:
    """One entry of the `objects` list (retrieveObjectsAfterInstantiation)."""

    name: str
    vendor_name: str
    type: str  # "vdr" | "ceCanonical" | "vendor"

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "vendorName": self.vendor_name, "type": self.type}


@dataclass(frozen=True)
class Connector:
    """A catalog entry: the element object plus what the emulator needs to validate."""

    id: int
    key: str
    name: str
    description: str
    image: str
    auth_type: str  # "oauth2" | "custom" | "basic"
    hub: str
    required_config: tuple[str, ...]
    secret_config: tuple[str, ...]
    objects: tuple[ObjectInfo, ...]
    hub_objects: tuple[HubObject, ...]
    active: bool = True
    beta: bool = False
    event_types: tuple[str, ...] = ("polling", "webhook")
    """The `event.vendor.type`s its events guide documents (a private element: both)."""
    document: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """The element JSON (what `element_json` answers)."""

    @classmethod
    def private(cls, element: Mapping[str, Any]) -> Connector:
        """A private element of an account as a catalog entry: its required configuration
        keys are the entries marked `required` without a `defaultValue`, its secret ones the
        entries of type `PASSWORD` (plus the usual name markers, `is_secret_key`)."""
        entries = [e for e in element.get("configuration") or [] if isinstance(e, Mapping)]
        return cls(
            id=int(element["id"]),
            key=str(element["key"]),
            name=str(element.get("name", "")),
            description=str(element.get("description", "")),
            image=str(element.get("image", "")),
            auth_type=str((element.get("authentication") or {}).get("type", "custom")),
            hub=str(element.get("hub", "")),
            required_config=tuple(
                str(e["key"])
                for e in entries
                if e.get("required") is True and e.get("defaultValue") in (None, "")
            ),
            secret_config=tuple(
                str(e["key"]) for e in entries if str(e.get("type", "")).upper() == "PASSWORD"
            ),
            objects=(),
            hub_objects=(),
            document=element,
        )

    @property
    def is_oauth2(self) -> bool:
        return self.auth_type == "oauth2"

    def element_json(self) -> dict[str, Any]:
        """The element object as the API answers it (a catalog entry's from ``catalog.json``, a
        private element's as stored)."""
        return copy.deepcopy(dict(self.document))

    def hub_object(self, name: str) -> HubObject | None:
        return next((o for o in self.hub_objects if o.name == name), None)


def _catalog_entry(entry: Mapping[str, Any]) -> Connector:
    """A catalog connector from its entry in ``catalog.json``: the element document as the API
    answers it, plus what the emulator needs to validate (the required and secret configuration
    keys, the objects and hub records it serves, the event types its events guide documents)."""
    element = entry["element"]
    return Connector(
        id=int(element["id"]),
        key=str(element["key"]),
        name=str(element["name"]),
        description=str(element["description"]),
        image=str(element["image"]),
        auth_type=str(element["authentication"]["type"]),
        hub=str(element["hub"]),
        required_config=tuple(entry["requiredConfig"]),
        secret_config=tuple(entry["secretConfig"]),
        objects=tuple(ObjectInfo(o["name"], o["vendorName"], o["type"]) for o in entry["objects"]),
        hub_objects=tuple(HubObject(h["name"], tuple(h["records"])) for h in entry["hubObjects"]),
        active=bool(element["active"]),
        beta=bool(element["beta"]),
        event_types=tuple(entry["eventTypes"]),
        document=element,
    )


CONNECTORS: tuple[Connector, ...] = tuple(
    _catalog_entry(entry)
    for entry in json.loads(resources.files(__package__).joinpath("catalog.json").read_text())
)
"""The catalog (``catalog.json``). Event types: Hootsuite's events guide says it "supports
webhook events", BrightTALK's documents polling only; the others both."""


_SECRET_MARKERS = ("secret", "password", "token")


def all_connectors() -> tuple[Connector, ...]:
    return CONNECTORS


def find_connector(key_or_id: str | int) -> Connector | None:
    """Look a connector up by key, or by numeric id (as int or decimal string)."""
    for connector in CONNECTORS:
        if isinstance(key_or_id, int) and not isinstance(key_or_id, bool):
            if connector.id == key_or_id:
                return connector
        elif connector.key == key_or_id or str(connector.id) == key_or_id:
            return connector
    return None


def resolve_connector(
    refs: References, conn: sqlite3.Connection, org: str, key_or_id: str | int
) -> Connector | None:
    """A connector of the catalog, or else a private element of the organization (through
    the `element` lookup hook of the area that stores them), by key or id."""
    connector = find_connector(key_or_id)
    if connector is not None:
        return connector
    element = refs.find(conn, ELEMENT, org, key_or_id)
    return None if element is None else Connector.private(element)


def require_connector_of(
    refs: References, conn: sqlite3.Connection, org: str, key_or_id: str | int
) -> Connector:
    """:func:`resolve_connector`, or 404 with the API's error body."""
    connector = resolve_connector(refs, conn, org, key_or_id)
    if connector is None:
        raise ApiError(404, "No element with that key or id")
    return connector


def is_secret_key(connector: Connector, key: str) -> bool:
    """Whether a configuration value must be masked in responses."""
    lowered = key.lower()
    return key in connector.secret_config or any(m in lowered for m in _SECRET_MARKERS)


def require_connector(key_or_id: str) -> Connector:
    """The connector with that key or id; 404 with the API's error body when there is none."""
    connector = find_connector(key_or_id)
    if connector is None:
        raise ApiError(404, "No element with that key or id")
    return connector
