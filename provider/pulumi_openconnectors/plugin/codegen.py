"""The typed classes of the provider plugin's resources (:mod:`pulumi_openconnectors.native`),
generated from the specs by :mod:`..resources.codegen` (``python -m
pulumi_openconnectors.resources.codegen``), which also checks they are current.

Each class is a :class:`pulumi.CustomResource` of ``openconnectors:index:<Type>``: one
snake_case keyword per input, one output attribute per public property; the SDK's translate
hooks turn the names into the plugin's camelCase (:func:`.names.camel`) and back. ``Provider``
is the explicit provider resource (``pulumi:providers:openconnectors``) with the settings of
the stack config.
"""

from __future__ import annotations

from pathlib import Path

from ..resources.codegen import _wrapped
from ..resources.registry import FOLDERS, SPECS
from ..resources.spec import Prop, ResourceSpec
from . import PACKAGE, type_token
from .names import camel
from .schema import CONFIG

HEADER = (
    "Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit."
)


def _annotation(prop: Prop) -> str:
    inner = prop.py.removesuffix(" | None")
    if inner.startswith("list["):
        inner = "Sequence[Any]"
    elif inner.startswith("dict["):
        inner = "Mapping[str, Any]"
    return f"pulumi.Input[{inner}]"


def _doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', "'''")


def _names(props: list[str]) -> list[str]:
    return [f"    {name!r}: {camel(name)!r}," for name in props if camel(name) != name]


def resource_module(spec: ResourceSpec) -> str:
    """The source of ``native/<folder>.py``."""
    public = [p for p in spec.props if not p.internal]
    required = [p for p in spec.inputs if p.required]
    optional = [p for p in spec.inputs if not p.required]
    out = [f'"""{spec.name} through the provider plugin:', f"``{type_token(spec.name)}``.", ""]
    out += [HEADER, '"""', "", "from __future__ import annotations", ""]
    annotations = " ".join(_annotation(p) for p in spec.inputs)
    abc = [name for name in ("Mapping", "Sequence") if f"{name}[" in annotations]
    if abc:
        out += [f"from collections.abc import {', '.join(abc)}"]
    out += ["from typing import Any", ""]
    out += ["import pulumi", "", "from ._names import Names", ""]
    out += ["_NAMES = Names(", "    {"]
    out += ["    " + line for line in _names([p.name for p in spec.props])]
    out += ["    }", ")", "", ""]
    out += [f"class {spec.name}(pulumi.CustomResource):"]
    out += _wrapped('"""' + _doc(spec.doc), "    ")
    out += ["", "    Args:", "        resource_name: the Pulumi resource name."]
    for prop in spec.inputs:
        out += _wrapped(f"{prop.name}: {_doc(prop.doc)}.", "        ", "    ")
    out += ["        opts: the Pulumi resource options.", '    """', ""]
    for prop in public:
        out += [f"    {prop.name}: pulumi.Output[{prop.py}]"]
        out += [*_wrapped('"""' + _doc(prop.doc) + '."""', "    ")]
    out += ["", "    def __init__(", "        self,", "        resource_name: str,", "        *,"]
    out += [f"        {p.name}: {_annotation(p)}," for p in required]
    out += [f"        {p.name}: {_annotation(p)} | None = None," for p in optional]
    out += ["        opts: pulumi.ResourceOptions | None = None,", "    ) -> None:"]
    out += ["        props: dict[str, Any] = {"]
    out += [f"            {p.name!r}: {p.name}," for p in spec.inputs]
    out += [f"            {p.name!r}: None," for p in public if not p.input]
    out += ["        }"]
    out += [f"        super().__init__({type_token(spec.name)!r}, resource_name, props, opts)", ""]
    out += ["    def translate_output_property(self, prop: str) -> str:"]
    out += ["        return _NAMES.python(prop)", ""]
    out += ["    def translate_input_property(self, prop: str) -> str:"]
    out += ["        return _NAMES.pulumi(prop)", ""]
    return "\n".join(out)


def provider_module() -> str:
    """The source of ``native/provider.py``: the explicit provider resource."""
    kinds = {"string": "str", "integer": "int", "number": "float"}
    out = ['"""The explicit provider resource (``pulumi:providers:openconnectors``).', ""]
    out += [HEADER, '"""', "", "from __future__ import annotations", ""]
    out += ["from typing import Any", "", "import pulumi", "", ""]
    out += ["class Provider(pulumi.ProviderResource):"]
    out += ['    """Its own endpoint and credentials (several organizations in one program); what']
    out += ["    it leaves unset comes from the OPENCONNECTORS_* environment variables.", ""]
    out += ["    Args:", "        resource_name: the Pulumi resource name."]
    for setting, _kind, _secret, text in CONFIG:
        out += _wrapped(f"{_snake(setting.key)}: {text} (``{setting.env}``).", "        ", "    ")
    out += ["        opts: the Pulumi resource options.", '    """', ""]
    out += ["    def __init__(", "        self,", "        resource_name: str,", "        *,"]
    out += [
        f"        {_snake(s.key)}: pulumi.Input[{kinds[kind]}] | None = None,"
        for s, kind, _secret, _text in CONFIG
    ]
    out += ["        opts: pulumi.ResourceOptions | None = None,", "    ) -> None:"]
    out += ["        props: dict[str, Any] = {"]
    for setting, _kind, secret, _text in CONFIG:
        value = _snake(setting.key)
        if secret:
            value = f"None if {value} is None else pulumi.Output.secret({value})"
        out += [f"            {setting.key!r}: {value},"]
    out += ["        }"]
    out += [f"        super().__init__({PACKAGE!r}, resource_name, props, opts)", ""]
    return "\n".join(out)


def init_module() -> str:
    """The source of ``native/__init__.py``."""
    out = ['"""The typed resources of the provider plugin (pulumi-resource-openconnectors).', ""]
    out += ["    import pulumi_openconnectors.native as oc", ""]
    out += ['    oc.ConnectorInstance("crm", element_key="closeio", ...)', ""]
    out += ["See docs/plugin.md."]
    out += ["", HEADER, '"""', "", "from __future__ import annotations", ""]
    imports = [(FOLDERS[spec.name], spec.name) for spec in SPECS] + [("provider", "Provider")]
    out += [f"from .{module} import {name} as {name}" for module, name in sorted(imports)]
    out += [""]
    exported = sorted([*(s.name for s in SPECS), "Provider"])
    out += [f"__all__ = {exported!r}", ""]
    return "\n".join(out)


def _snake(key: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in key)


def native_files(package_root: Path) -> dict[Path, str]:
    """Every generated file of ``native/`` (path -> text, not yet formatted)."""
    root = package_root / "native"
    files = {root / f"{FOLDERS[spec.name]}.py": resource_module(spec) for spec in SPECS}
    files[root / "provider.py"] = provider_module()
    files[root / "__init__.py"] = init_module()
    return files
