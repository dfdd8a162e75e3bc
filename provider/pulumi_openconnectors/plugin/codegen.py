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

import textwrap
from pathlib import Path

from ..resources.codegen_names import init_method, keywords_class, outputs_class
from ..resources.registry import FOLDERS, SPECS
from ..resources.spec import ResourceSpec
from . import type_token
from .names import snake
from .schema import CONFIG

HEADER = (
    "Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit."
)


def _wrapped(text: str, indent: str, hanging: str = "") -> list[str]:
    """``text`` as docstring lines of at most 96 characters (``hanging``: the further indent
    of the following lines)."""
    return textwrap.wrap(
        text,
        width=96,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', "'''")


def resource_module(spec: ResourceSpec) -> str:
    """The source of ``native/<folder>.py``: the typed keywords and outputs are the type's
    generated classes in ``resources/typed_keywords.py`` and ``resources/<folder>/outputs.py``,
    shared with the dynamic class; what they do is :class:`..native._base.NativeResource`."""
    folder = FOLDERS[spec.name]
    hook_module, _, hook = (spec.init_hook or "").partition(":")
    out = [f'"""{spec.name} through the provider plugin:', f"``{type_token(spec.name)}``.", ""]
    out += [HEADER, '"""', "", "from __future__ import annotations", ""]
    imports = {
        "typed_keywords": keywords_class(spec),
        f"{folder}.outputs": outputs_class(spec),
        f"{folder}.spec": "SPEC",
    }
    if spec.init_hook:
        imports[f"{folder}.{hook_module}"] = hook
    out += [f"from ..resources.{module} import {imports[module]}" for module in sorted(imports)]
    out += ["from ._base import NativeResource", "", ""]
    out += [f"class {spec.name}({keywords_class(spec)}, NativeResource, {outputs_class(spec)}):"]
    out += _wrapped('"""' + _doc(spec.doc), "    ")
    out += ["", "    Keywords: see ``__init__``.", '    """', "", "    _spec = SPEC"]
    if spec.init_hook:
        out += [f"    _init_hook = staticmethod({hook})"]
    return "\n".join([*out, ""])


def provider_module() -> str:
    """The source of ``native/provider.py``: the explicit provider resource."""
    out = ['"""The explicit provider resource (``pulumi:providers:openconnectors``).', ""]
    out += [HEADER, '"""', "", "from __future__ import annotations", ""]
    out += ["from ..resources.typed_keywords import ProviderKeywords"]
    out += ["from ._base import NativeProvider", "", ""]
    out += ["class Provider(ProviderKeywords, NativeProvider):"]
    out += ['    """Its own endpoint and credentials (several organizations in one program); what']
    out += ["    it leaves unset comes from the OPENCONNECTORS_* environment variables.", ""]
    out += ["    Args:", "        resource_name: the Pulumi resource name."]
    for setting, _kind, _secret, text in CONFIG:
        out += _wrapped(f"{snake(setting.key)}: {text} (``{setting.env}``).", "        ", "    ")
    out += ["        opts: the Pulumi resource options.", '    """', ""]
    out += [f"    _settings = {tuple((s.key, secret) for s, _kind, secret, _text in CONFIG)!r}"]
    return "\n".join([*out, ""])


def provider_keywords() -> list[str]:
    """``ProviderKeywords`` (in ``resources/typed_keywords.py``, with the types' keywords
    classes): the typed ``__init__`` of the explicit provider resource, one keyword per setting
    of the stack config."""
    kinds = {"string": "str", "integer": "int", "number": "float"}
    keywords = [f"{snake(s.key)}: pulumi.Input[{kinds[k]}] | None = None" for s, k, _, _ in CONFIG]
    out = ["", "", "class ProviderKeywords(Registers):"]
    out += ['    """The keywords of the plugin\'s explicit ``Provider`` resource."""']
    return [*out, "", *init_method(keywords)]


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


def native_files(package_root: Path) -> dict[Path, str]:
    """Every generated file of ``native/`` (path -> text, not yet formatted)."""
    root = package_root / "native"
    files = {root / f"{FOLDERS[spec.name]}.py": resource_module(spec) for spec in SPECS}
    files[root / "provider.py"] = provider_module()
    files[root / "__init__.py"] = init_module()
    return files
