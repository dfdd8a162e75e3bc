"""What an API error tells a Pulumi user to do next: in terms of the resources' inputs
(``element_key``, ``vendor_name``, ...) and of Pulumi's commands (``pulumi refresh``,
``pulumi up --parallel N``), each kind of object getting advice about itself.

The client (:mod:`pulumi_openconnectors.client.advice`) knows only the API and its settings;
every client this package makes for a Pulumi user gets :data:`PULUMI_ADVICE`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..client import responses
from ..client.advice import BASE_URL_HINT, CONNECTORS_HINT, INSTANCE_PATH, Advice
from ..errors import APIError

if TYPE_CHECKING:
    from typing import Unpack  # Python 3.11; annotations are not evaluated at run time

_FORMULA_INSTANCE_PATH = re.compile(r"^/formulas/(?P<formula>[^/]+)/instances(/(?P<id>[^/]+))?$")
_FORMULA_PATH = re.compile(r"^/formulas(/(?P<id>[^/]+))?$")
_DEFINITION_PATH = re.compile(r"^/organizations/objects/(?P<name>[^/]+)/definitions$")
_TRANSFORMATION_PATH = re.compile(
    r"^/(organizations/elements/(?P<key>[^/]+)|instances/(?P<instance>[^/]+))"
    r"/transformations(/(?P<name>[^/]+))?$"
)
_GONE = "(deleted outside Pulumi?) or belongs to another organization. Run `pulumi refresh` to "
_GONE += "drop it from the state; the next `pulumi up` creates it again."


def invalid_hint(path: str) -> str:
    """What to check in a request the API refused as invalid (400), per kind of object."""
    if _FORMULA_INSTANCE_PATH.match(path):
        return (
            "Fix the formula instance: check its name and that its configuration gives each "
            "variable of the formula a value (an element instance variable: an instance id)."
        )
    if _FORMULA_PATH.match(path):
        return (
            "Fix the formula: check its variables (configuration), its trigger and its steps "
            "(types, unique step names, onSuccess/onFailure naming steps, a scheduled "
            "trigger's cron)."
        )
    if _DEFINITION_PATH.match(path):
        return "Fix the common resource: each field needs a path and a type, paths unique."
    if _TRANSFORMATION_PATH.match(path):
        return (
            "Fix the transformation: check vendor_name, that each field's path is a field of "
            "the common resource, and its configuration and script."
        )
    if path == "/instances" or INSTANCE_PATH.match(path):
        return (
            "Fix the request: check the instance name, tags and the configuration keys (and "
            "for OAuth 2.0 connectors provider_data.code) that this connector requires."
        )
    return "Fix the request as the API message says."


def not_found_hint(path: str) -> str | None:
    """What was not found (404) on the route of a formula, a formula instance, a common resource
    or a transformation, and how to recover; None on another route."""
    transformation = _TRANSFORMATION_PATH.match(path)
    if transformation:
        owner = (
            f"connector {transformation.group('key')!r}"
            if transformation.group("key")
            else f"instance {transformation.group('instance')}"
        )
        name = transformation.group("name") or "this object"
        return (
            f"There is no transformation of {name!r} for {owner}, or the "
            f"{owner.split(' ')[0]} is unknown: check element_key / instance_id and the common "
            "resource's name. A transformation deleted outside Pulumi: run `pulumi refresh` "
            "to drop it from the state; the next `pulumi up` creates it again."
        )
    formula_instance = _FORMULA_INSTANCE_PATH.match(path)
    if formula_instance:
        if formula_instance.group("id"):
            return (
                f"Formula instance {formula_instance.group('id')} of formula "
                f"{formula_instance.group('formula')} does not exist {_GONE}"
            )
        return (
            f"Formula {formula_instance.group('formula')} does not exist {_GONE} Check formula_id."
        )
    formula = _FORMULA_PATH.match(path)
    if formula and formula.group("id"):
        return f"Formula {formula.group('id')} does not exist {_GONE}"
    definition = _DEFINITION_PATH.match(path)
    if definition:
        return f"Common resource {definition.group('name')!r} does not exist {_GONE}"
    return None


class PulumiAdvice(Advice):
    """The client's advice, in the words of a Pulumi stack."""

    conflict = "Refresh the state (`pulumi refresh`) and retry once the conflict is resolved."
    rate_limited = (
        "Open Connectors is rate limiting this account; retry later or lower the parallelism "
        "(`pulumi up --parallel N`)."
    )
    look_first = "check whether it did (e.g. `pulumi refresh`) before retrying"
    unknown_connector = (
        f"The connector (element_key / element_id) is unknown to Open Connectors; {CONNECTORS_HINT}"
    )
    unknown_element = (
        "The connector key (element) {key!r} is unknown to Open Connectors. "
        f"Check element_key / element_id; {CONNECTORS_HINT}"
    )
    unknown_instance = (
        "Instance {id} does not exist (deleted outside Pulumi?) or belongs to another "
        "organization. Run `pulumi refresh` to drop it from the state."
    )
    unknown_route = f"The route does not exist. {BASE_URL_HINT}"

    def invalid(self, method: str, path: str) -> str:
        return invalid_hint(path)

    def not_found(self, method: str, path: str) -> str:
        return not_found_hint(path) or super().not_found(method, path)


PULUMI_ADVICE = PulumiAdvice()


def error_from_response(**answer: Unpack[responses.ErrorAnswer]) -> APIError:
    """The error a Pulumi user sees for an error answer
    (:func:`~pulumi_openconnectors.client.responses.error_from_response` with this advice)."""
    return responses.error_from_response(**answer, advice=PULUMI_ADVICE)
