"""The fleet file: which tenants (stacks) to deploy, where, with which credentials and instances.

Validated with pydantic at the boundary; every error names the file, the tenant and the field,
e.g. ``fleet.yaml: tenants[3] ('acme'): credentials.user_secret: must be a reference ...``.
Secrets are never in the file: credentials and instance secrets are *references*,
``env:NAME`` (an environment variable) or ``file:KEY`` (a key of the tenant's ``secrets_file``).
See docs/fleets.md ("The fleet file") for the format.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from pulumi_openconnectors.fleet import strict_yaml

STACK_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
RESOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
ELEMENT_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PROJECT_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,100}$")
DEFAULT_PROJECT = "openconnectors-fleet"
REFERENCE_HELP = "env:NAME (an environment variable) or file:KEY (a key of the secrets_file)"


class FleetFileError(ValueError):
    """The fleet file, an instances file or a secrets file is malformed or incomplete."""


def _reference(value: str) -> str:
    """Checks a secret reference; ``{stack}``/``{STACK}`` placeholders are allowed in it."""
    kind, _, name = value.replace("{STACK}", "S").replace("{stack}", "s").partition(":")
    if kind == "env" and ENV_NAME.match(name):
        return value
    if kind == "file" and name.strip():
        return value
    raise ValueError(f"must be a reference {REFERENCE_HELP}, never the secret itself")


def _matching(pattern: re.Pattern[str], what: str) -> AfterValidator:
    """A check that the whole value matches ``pattern``, else: must be ``what``."""

    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(f"must be {what}, got {value!r}")
        return value

    return AfterValidator(check)


_NAME_CHARACTERS = "letters, digits, '_', '.' and '-'"
ResourceName = Annotated[str, _matching(RESOURCE_NAME, "lower-case letters, digits and '-'")]
ElementKey = Annotated[str, _matching(ELEMENT_KEY, "a connector key such as closeio")]
StackName = Annotated[str, _matching(STACK_NAME, _NAME_CHARACTERS)]
ProjectName = Annotated[str, _matching(PROJECT_NAME, _NAME_CHARACTERS)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Instance(_Strict):
    """One ConnectorInstance of a tenant."""

    name: ResourceName = Field(
        description="Pulumi resource name; lower-case letters, digits and '-'"
    )
    element: ElementKey = Field(description="connector key, e.g. closeio")
    instance_name: str | None = Field(None, description="the instance's name (default: name)")
    tags: list[str] = Field(default_factory=list)
    disabled: bool | None = None
    configuration: dict[str, str] = Field(default_factory=dict)
    secrets: dict[str, str] = Field(
        default_factory=dict, description="configuration key -> secret reference"
    )

    @field_validator("configuration", mode="before")
    @classmethod
    def _configuration(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                    raise ValueError(f"{key} must be a string, got {type(item).__name__}")
            return {str(k): str(v) for k, v in value.items()}
        return value

    @field_validator("secrets")
    @classmethod
    def _secrets(cls, value: dict[str, str]) -> dict[str, str]:
        for key, ref in value.items():
            try:
                _reference(ref)
            except ValueError as exc:
                raise ValueError(f"{key}: {exc}") from None
        return value

    @model_validator(mode="after")
    def _disjoint(self) -> Instance:
        both = sorted(set(self.configuration) & set(self.secrets))
        if both:
            raise ValueError(f"{', '.join(both)} is both in configuration and in secrets")
        return self


class Credentials(_Strict):
    """References to the tenant's Open Connectors secrets."""

    user_secret: str
    organization_secret: str

    @field_validator("user_secret", "organization_secret")
    @classmethod
    def _refs(cls, value: str) -> str:
        return _reference(value)


class TenantFields(_Strict):
    """What a tenant may set, and ``defaults`` too (all optional there)."""

    base_url: str | None = Field(None, description="API root URL, or env:NAME")
    region: str | None = Field(None, description="us2, eu10 or legacy")
    credentials: Credentials | None = None
    secrets_file: str | None = Field(None, description="YAML mapping KEY: secret, for file:KEY")
    instances: list[Instance] | None = None
    instances_file: str | None = Field(None, description="YAML file with `instances: [...]`")

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if value is None or value.startswith("env:"):
            return value
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError(
                f"must be an http(s) URL ending with /elements/api-v2, or env:NAME, got {value!r}"
            )
        return value


class Tenant(TenantFields):
    stack: StackName = Field(description="the Pulumi stack name of this tenant")


class FleetFile(_Strict):
    project: ProjectName = DEFAULT_PROJECT
    backend: str | None = Field(None, description="backend URL (default: $PULUMI_BACKEND_URL)")
    defaults: TenantFields = Field(default_factory=TenantFields)
    tenants: list[dict[str, Any]] = Field(min_length=1)


class ResolvedTenant(_Strict):
    """A tenant with defaults applied, its instances loaded and paths made absolute."""

    stack: str
    base_url: str | None
    region: str | None
    credentials: Credentials
    secrets_file: Path | None
    instances: list[Instance]
    source: str = Field(description="where the tenant is declared, for messages")

    def fingerprint(self) -> str:
        """Hash of what is deployed (references, not secret values): a changed tenant."""
        data = self.model_dump(mode="json", exclude={"source"})
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


class Fleet(_Strict):
    path: Path
    project: str
    backend: str | None
    tenants: list[ResolvedTenant]

    def names(self) -> list[str]:
        return [t.stack for t in self.tenants]

    def tenant(self, stack: str) -> ResolvedTenant:
        for tenant in self.tenants:
            if tenant.stack == stack:
                return tenant
        raise KeyError(stack)


# -- loading ----------------------------------------------------------------------------------


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def describe(error: ValidationError, where: str, prefix: tuple[int | str, ...] = ()) -> str:
    """One line per problem, each naming the field: ``where: field: message``."""
    lines = []
    for item in error.errors():
        loc = prefix + tuple(item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown field"
        elif item["type"] == "missing":
            message = "is required"
        lines.append(f"{where}: {_location(loc)}: {message}")
    return "\n".join(lines)


def _read_yaml(path: Path, what: str) -> Any:
    try:
        text = path.read_text()
    except OSError as exc:
        raise FleetFileError(f"cannot read {what} {path}: {exc.strerror}") from None
    try:
        return strict_yaml.load(text)
    except strict_yaml.DuplicateKeyError as exc:
        raise FleetFileError(f"{path.name}: {exc}") from None
    except yaml.YAMLError as exc:
        raise FleetFileError(f"{path} is not valid YAML: {exc}") from None


def _substitute(value: str | None, stack: str) -> str | None:
    """``{stack}`` -> the stack name; ``{STACK}`` -> it upper-cased, '-' and '.' as '_'."""
    if value is None:
        return None
    upper = re.sub(r"[^A-Za-z0-9_]", "_", stack).upper()
    return value.replace("{stack}", stack).replace("{STACK}", upper)


def _load_instances(path: Path, where: str) -> list[Instance]:
    data = _read_yaml(path, "the instances file")
    if isinstance(data, dict) and set(data) == {"instances"}:
        data = data["instances"]
    if not isinstance(data, list):
        raise FleetFileError(f"{where}: {path}: expected `instances:` with a list of instances")
    try:
        return [Instance.model_validate(item) for item in data]
    except ValidationError:
        pass
    problems = []
    for index, item in enumerate(data):
        try:
            Instance.model_validate(item)
        except ValidationError as exc:
            problems.append(describe(exc, f"{where}: {path.name}", ("instances", index)))
    raise FleetFileError("\n".join(problems))


def _resolve(raw: dict[str, Any], defaults: TenantFields, base: Path, where: str) -> ResolvedTenant:
    try:
        tenant = Tenant.model_validate(raw)
    except ValidationError as exc:
        raise FleetFileError(describe(exc, where)) from None
    merged = {
        name: getattr(tenant, name) if name in tenant.model_fields_set else getattr(defaults, name)
        for name in TenantFields.model_fields
    }
    stack = tenant.stack
    if merged["credentials"] is None:
        raise FleetFileError(f"{where}: credentials: is required (here or in defaults)")
    credentials = Credentials(
        user_secret=str(_substitute(merged["credentials"].user_secret, stack)),
        organization_secret=str(_substitute(merged["credentials"].organization_secret, stack)),
    )
    if merged["base_url"] is None and merged["region"] is None:
        raise FleetFileError(f"{where}: base_url or region: one is required (here or in defaults)")
    if merged["base_url"] is not None and merged["region"] is not None:
        raise FleetFileError(f"{where}: base_url and region: give one of them, not both")
    secrets_file = _substitute(merged["secrets_file"], stack)
    secrets_path = (base / secrets_file) if secrets_file else None
    if merged["instances"] is not None and merged["instances_file"] is not None:
        raise FleetFileError(f"{where}: instances and instances_file: give one of them, not both")
    if merged["instances"] is not None:
        instances = list(merged["instances"])
    elif merged["instances_file"] is not None:
        instances_path = base / str(_substitute(merged["instances_file"], stack))
        instances = _load_instances(instances_path, where)
    else:
        raise FleetFileError(f"{where}: instances or instances_file: one is required")
    seen: set[str] = set()
    for index, instance in enumerate(instances):
        if instance.name in seen:
            raise FleetFileError(f"{where}: instances[{index}].name: repeats {instance.name!r}")
        seen.add(instance.name)
    uses_file = [
        ref
        for ref in [credentials.user_secret, credentials.organization_secret]
        + [r for i in instances for r in i.secrets.values()]
        if ref.startswith("file:")
    ]
    if uses_file and secrets_path is None:
        raise FleetFileError(
            f"{where}: secrets_file: is required, since {uses_file[0]} refers to it"
        )
    return ResolvedTenant(
        stack=stack,
        base_url=_substitute(merged["base_url"], stack),
        region=merged["region"],
        credentials=credentials,
        secrets_file=secrets_path,
        instances=instances,
        source=where,
    )


def load_fleet(path: Path) -> Fleet:
    """Read and validate the fleet file; FleetFileError names the tenant and the field."""
    path = path.resolve()
    data = _read_yaml(path, "the fleet file")
    if not isinstance(data, dict):
        raise FleetFileError(f"{path.name}: expected a mapping with `tenants:`")
    try:
        fleet = FleetFile.model_validate(data)
    except ValidationError as exc:
        raise FleetFileError(describe(exc, path.name)) from None
    tenants: list[ResolvedTenant] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(fleet.tenants):
        name = raw.get("stack") if isinstance(raw, dict) else None
        where = f"{path.name}: tenants[{index}]" + (f" ({name!r})" if isinstance(name, str) else "")
        if not isinstance(raw, dict):
            raise FleetFileError(f"{where}: must be a mapping, got {type(raw).__name__}")
        tenant = _resolve(raw, fleet.defaults, path.parent, where)
        if tenant.stack in seen:
            raise FleetFileError(
                f"{where}: stack: repeats the stack of tenants[{seen[tenant.stack]}]"
            )
        seen[tenant.stack] = index
        tenants.append(tenant)
    return Fleet(path=path, project=fleet.project, backend=fleet.backend, tenants=tenants)
