"""The connector catalog: four elements shaped like the `element` object of the API docs."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    document: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)
    """A private element: its stored JSON (what `element_json` answers)."""

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
        """The element object, with the same fields and order as in the API docs."""
        if self.document is not None:
            return copy.deepcopy(dict(self.document))
        return copy.deepcopy(
            {
                "id": self.id,
                "name": self.name,
                "hookName": "",
                "key": self.key,
                "description": self.description,
                "image": self.image,
                "active": self.active,
                "deleted": False,
                "typeOauth": False,
                "trialAccount": False,
                "resources": [],
                "transformationsEnabled": True,
                "bulkDownloadEnabled": True,
                "bulkUploadEnabled": True,
                "cloneable": True,
                "extendable": False,
                "beta": self.beta,
                "authentication": {"type": self.auth_type},
                "extended": False,
                "hub": self.hub,
                "protocolType": "http",
                "parameters": [],
                "private": False,
            }
        )

    def hub_object(self, name: str) -> HubObject | None:
        return next((o for o in self.hub_objects if o.name == name), None)


def _objects(*entries: tuple[str, str, str]) -> tuple[ObjectInfo, ...]:
    return tuple(ObjectInfo(name, vendor, kind) for name, vendor, kind in entries)


CONNECTORS: tuple[Connector, ...] = (
    Connector(
        id=6791,
        key="hootsuite",
        name="Hootsuite",
        description=(
            "Add a Hootsuite instance to connect to Hootsuite account to the social Hub, "
            "allowing you to manage messages, teams , members of the organizations across "
            "multiple social connectors. You will need  Hootsuite account information to add "
            "an instance."
        ),
        image="elements/provider_hootsuite.png",
        auth_type="oauth2",
        hub="social",
        required_config=OAUTH2_REQUIRED,
        secret_config=("oauth.api.secret",),
        objects=_objects(
            ("messages", "Message", "ceCanonical"),
            ("members", "members", "vendor"),
            ("mySocialProfiles", "SocialProfile", "vdr"),
        ),
        hub_objects=(
            HubObject(
                "messages",
                (
                    {"id": "m-1001", "text": "Hello from the emulator", "state": "SCHEDULED"},
                    {"id": "m-1002", "text": "Second post", "state": "SENT"},
                ),
            ),
            HubObject("members", ({"id": "u-1", "fullName": "Ada Lovelace"},)),
        ),
        active=False,
        beta=True,
        event_types=("webhook",),  # its events guide: "supports webhook events"
    ),
    Connector(
        id=1,
        key="sfdc",
        name="Salesforce Sales Cloud",
        description=(
            "The Salesforce Sales Cloud is a customer relationship management (CRM) platform. "
            "Add a Salesforce instance to connect your Salesforce account to the CRM Hub."
        ),
        image="elements/provider_salesforce.png",
        auth_type="oauth2",
        hub="crm",
        required_config=OAUTH2_REQUIRED,
        secret_config=("oauth.api.secret",),
        objects=_objects(
            ("incidents", "Case", "ceCanonical"),
            ("Task", "Task", "vendor"),
            ("myAccounts", "Account", "vdr"),
        ),
        hub_objects=(
            HubObject(
                "accounts",
                (
                    {"Id": "001A000001", "Name": "Acme Corporation", "Type": "Customer"},
                    {"Id": "001A000002", "Name": "Globex", "Type": "Prospect"},
                ),
            ),
            HubObject(
                "contacts",
                ({"Id": "003A000001", "FirstName": "Grace", "LastName": "Hopper"},),
            ),
        ),
    ),
    Connector(
        id=50,
        key="brighttalk",
        name="BrightTALK",
        description=(
            "BrightTALK is a webinar and video meeting service provider. The BrightTALK "
            "element supports transformations and bulk."
        ),
        image="elements/provider_brighttalk.png",
        auth_type="custom",
        hub="marketing",
        required_config=("brighttalk.api.key", "brighttalk.api.secret"),
        event_types=("polling",),  # its events guide documents polling only
        secret_config=("brighttalk.api.secret",),
        objects=_objects(
            ("webinars", "Webcast", "ceCanonical"),
            ("channels", "channels", "vendor"),
            ("myWebinars", "Webcast", "vdr"),
        ),
        hub_objects=(
            HubObject(
                "channels",
                ({"id": 2001, "title": "Cloud Platform Webinars", "subscribers": 1200},),
            ),
            HubObject(
                "webcasts",
                ({"id": 3001, "title": "Connectors 101", "status": "upcoming"},),
            ),
        ),
    ),
    Connector(
        id=4032,
        key="closeio",
        name="Close.io",
        description=(
            "Close.io is a sales communication platform. Add a Close.io instance to connect "
            "your Close.io account to the CRM Hub."
        ),
        image="elements/provider_closeio.png",
        auth_type="basic",
        hub="crm",
        required_config=("username", "password"),
        secret_config=("password",),
        objects=_objects(
            ("contacts", "contact", "ceCanonical"),
            ("leads", "leads", "vendor"),
            ("myLeads", "lead", "vdr"),
        ),
        hub_objects=(
            HubObject(
                "contacts",
                ({"id": "cont_1", "name": "Katherine Johnson", "title": "Engineer"},),
            ),
            HubObject("leads", ({"id": "lead_1", "display_name": "Initech", "status": "New"},)),
        ),
    ),
)

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
