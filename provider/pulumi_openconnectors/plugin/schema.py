"""The package schema (``pulumi package get-schema``), generated from the specs: one resource
per spec, its properties in camelCase with their documentation, types (from ``Prop.py``),
required inputs, secrets and replace-on-change; and the provider's configuration."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .. import config
from .._version import __version__
from ..resources.registry import SPECS
from ..resources.spec import OnChange, Prop, ResourceSpec
from . import PACKAGE, names, type_token

ANY = {"$ref": "pulumi.json#/Any"}
_SCALARS = {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}

CONFIG: tuple[tuple[config.SettingSource, str, bool, str], ...] = (
    # (setting, type, secret, description): the settings of ..config, which also names each
    # one's environment variable
    (config.BASE_URL, "string", False, "the platform API root, e.g. https://…/elements/api-v2"),
    (config.REGION, "string", False, "an SAP region (us2, eu10, …) when baseUrl is unset"),
    (config.USER_SECRET, "string", True, "the user secret"),
    (config.ORGANIZATION_SECRET, "string", True, "the organization secret"),
    (config.BEARER_TOKEN, "string", True, "a bearer token instead of the two secrets"),
    (config.TIMEOUT, "number", False, "seconds per HTTP request"),
    (config.MAX_RETRIES, "integer", False, "retries of a failed request"),
    (config.OPERATION_TIMEOUT, "number", False, "seconds per resource operation"),
    (config.CONCURRENCY, "integer", False, "operations the provider runs at once (4 to 64)"),
)


def type_schema(py: str) -> dict[str, Any]:
    """A ``Prop.py`` annotation as a schema type (``list[str]`` -> array of strings); anything
    it does not know is ``pulumi.json#/Any``."""
    text = py.strip().removesuffix(" | None").strip()
    if text in _SCALARS:
        return {"type": _SCALARS[text]}
    if text.startswith("list[") and text.endswith("]"):
        return {"type": "array", "items": type_schema(text[5:-1])}
    if text.startswith("dict[") and text.endswith("]"):
        key, _, value = text[5:-1].partition(",")
        if key.strip() == "str" and value:
            return {"type": "object", "additionalProperties": type_schema(value)}
        return {"type": "object", "additionalProperties": dict(ANY)}
    if text == "dict":
        return {"type": "object", "additionalProperties": dict(ANY)}
    if text == "list":
        return {"type": "array", "items": dict(ANY)}
    return dict(ANY)


def property_schema(spec: ResourceSpec, prop: Prop) -> dict[str, Any]:
    schema = type_schema(prop.py)
    schema["description"] = names.in_text(spec, prop.doc)
    if prop.secret:
        schema["secret"] = True
    if prop.input and prop.on_change is OnChange.REPLACE:
        schema["replaceOnChanges"] = True
    return schema


def required_inputs(spec: ResourceSpec) -> list[str]:
    """The inputs without which ``check`` fails: ``Prop.required`` and the inputs model's
    required fields, but those that default to the resource name."""
    from ..resources.provider import provider_class

    model = provider_class(spec.name).operations_class().inputs_model
    wanted = {name for name, field in model.model_fields.items() if field.is_required()}
    return [
        names.camel(p.name)
        for p in spec.inputs
        if (p.required or p.name in wanted) and not p.resource_name_default
    ]


def resource_schema(spec: ResourceSpec) -> dict[str, Any]:
    description = "\n\n".join(text for text in (spec.doc, spec.guide) if text)
    public = [p for p in spec.props if not p.internal]
    return {
        "description": names.in_text(spec, description),
        "properties": {names.camel(p.name): property_schema(spec, p) for p in public},
        "inputProperties": {names.camel(p.name): property_schema(spec, p) for p in spec.inputs},
        "requiredInputs": required_inputs(spec),
    }


def _config_properties() -> dict[str, Any]:
    return {
        setting.key: {
            "type": kind,
            "description": f"{text} (else the environment variable {setting.env})",
            **({"secret": True} if secret else {}),
        }
        for setting, kind, secret, text in CONFIG
    }


@cache
def schema() -> dict[str, Any]:
    return {
        "name": PACKAGE,
        "version": __version__,
        "description": "Connector instances, common resources, transformations, formulas and "
        "formula instances of SAP Open Connectors (formerly Cloud Elements).",
        "keywords": ["sap", "open-connectors", "category/integration"],
        "license": "Apache-2.0",
        "meta": {"moduleFormat": "(.*)"},
        "config": {"variables": _config_properties()},
        "provider": {
            "description": "The Open Connectors provider: its own endpoint and credentials "
            "(what it leaves unset comes from the OPENCONNECTORS_* environment variables).",
            "inputProperties": _config_properties(),
        },
        "resources": {type_token(spec.name): resource_schema(spec) for spec in SPECS},
    }


def schema_json() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True)
