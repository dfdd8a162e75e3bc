"""The typed resource class and the provider class of every type, generated from its spec.

    python -m pulumi_openconnectors.resources.codegen          writes resources/<type>/resource.py,
                                                              outputs.py, provider.py, and
                                                              resources/typed_keywords.py
    python -m pulumi_openconnectors.resources.codegen --check  exits 1 when one is stale

A user gets a typed ``__init__`` (one keyword per input, its documentation in the docstring)
and typed outputs in their editor; nobody writes them by hand. ``tests/resources`` fails when
a committed file differs from what this writes, as for the reference pages (:mod:`.docs`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .codegen_names import annotations_imports, init_method, keywords_class, outputs_class
from .registry import FOLDERS, SPECS
from .spec import Prop, ResourceSpec

HEADER = (
    "Generated from spec.py by `python -m pulumi_openconnectors.resources.codegen`: do not edit."
)

_HERE = Path(__file__).resolve().parent


def provider_class(spec: ResourceSpec) -> str:
    return f"{spec.name}Provider"


def _keyword(prop: Prop) -> str:
    annotation = prop.input_annotation()
    if prop.required:
        return f"{prop.name}: {annotation}"
    if prop.init_default is not None:
        return f"{prop.name}: {annotation} = {prop.init_default!r}"
    return f"{prop.name}: {annotation} | None = None"


def _value(prop: Prop) -> str:
    name = prop.name
    if prop.resource_name_default:
        return f"{name} if {name} is not None else resource_name"
    if prop.init_default_unsent:
        return f"None if {name} is {prop.init_default!r} else {name}"
    if isinstance(prop.default, (list, dict)):
        empty = "[]" if isinstance(prop.default, list) else "{}"
        return f"{name} if {name} is not None else {empty}"
    return name


def _wrapped(text: str, indent: str, hanging: str = "", width: int = 96) -> list[str]:
    """``text`` as docstring lines of at most ``width`` characters (``hanging``: the further
    indent of a paragraph's following lines)."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        words = paragraph.split()
        line = ""
        for word in words:
            prefix = indent if not lines or lines[-1] == "" else indent + hanging
            if line and len(prefix) + len(line) + 1 + len(word) > width:
                lines.append(prefix + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append((indent if not lines or lines[-1] == "" else indent + hanging) + line)
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _docstring(spec: ResourceSpec) -> list[str]:
    """The class docstring of the dynamic resource (its keywords are documented on the
    ``__init__`` it inherits from the type's keywords class)."""
    body = [spec.doc]
    if spec.guide:
        body.append(spec.guide)
    if spec.file is not None:
        body.append(f"``from_file(path, name=None, *, opts=None, **overrides)``: {spec.file.doc}")
    body.append(f"Type token: ``{spec.type_token}``.")
    lines = [*_wrapped('"""' + "\n\n".join(body), "    "), '    """']
    return [line.replace("\\", "\\\\") for line in lines]


def _init_docstring(spec: ResourceSpec) -> list[str]:
    """The docstring of the shared ``__init__``: one line per keyword (editors show it)."""
    lines = [f'        """A {spec.name} resource.', "", "        Args:"]
    lines += ["            resource_name: the Pulumi resource name."]
    for prop in spec.inputs:
        lines += _wrapped(f"{prop.name}: {prop.doc}.", "            ", "    ")
    for arg in spec.init_args:
        lines += _wrapped(f"{arg.name}: {arg.doc}.", "            ", "    ")
    lines += ["            opts: the Pulumi resource options.", '        """']
    return [line.replace("\\", "\\\\") for line in lines]


def _attribute_doc(prop: Prop) -> list[str]:
    """The docstring of an output attribute (editors show it)."""
    text = prop.doc[0].upper() + prop.doc[1:] + "."
    if prop.secret:
        text += " Always a secret."
    lines = _wrapped('"""' + text, "    ")
    if len(lines[-1]) + 3 <= 96:
        lines[-1] += '"""'
    else:
        lines.append('    """')
    return [line.replace("\\", "\\\\") for line in lines]


def outputs_module(spec: ResourceSpec) -> str:
    """The source of ``resources/<folder>/outputs.py``: the typed public outputs (with the
    docstrings editors show), written once for both classes of the type: the dynamic resource
    (``resource.py``) and the provider plugin's (``pulumi_openconnectors.native``)."""
    public = [p for p in spec.props if not p.internal]
    out = [f'"""{spec.name}: the typed outputs of its resource classes.', "", HEADER, '"""', ""]
    out += ["from __future__ import annotations", ""]
    imports = annotations_imports(" ".join(p.py for p in public))
    out += [*imports, *([""] if imports else []), "import pulumi", "", ""]
    out += [f"class {outputs_class(spec)}:"]
    doc = f"What a {spec.name} reports: its inputs as the API holds them, and what it sets."
    out += [*_wrapped('"""' + doc + '"""', "    "), ""]
    for prop in public:
        out += [f"    {prop.name}: pulumi.Output[{prop.py}]", *_attribute_doc(prop)]
    return "\n".join([*out, ""])


def _keywords_class(spec: ResourceSpec) -> list[str]:
    """One type's keywords class: the typed ``__init__`` (one keyword per input and init
    argument, each documented) of both resource classes of the type, the dynamic resource
    (``resource.py``) and the provider plugin's (``pulumi_openconnectors.native``); each
    registers the resource from the keywords in its own ``_create``."""
    out = ["", "", f"class {keywords_class(spec)}(Keywords):"]
    doc = f"The keywords of both {spec.name} classes (the dynamic resource and the plugin's)."
    out += [*_wrapped('"""' + doc + '"""', "    "), ""]
    keywords = [_keyword(p) for p in sorted(spec.inputs, key=lambda p: not p.required)]
    keywords += [f"{arg.name}: {arg.py} = None" for arg in spec.init_args]
    return out + init_method(keywords, _init_docstring(spec))


def keywords_module(specs: list[ResourceSpec]) -> str:
    """The source of ``resources/typed_keywords.py``: every type's keywords class and the
    plugin's explicit provider's, in one generated module (an ``import_`` of an init argument
    is written relative to the type's folder, ``from ..<folder>``; here ``from .<folder>``)."""
    type_imports = sorted(
        {
            arg.import_.replace("from ..", "from .", 1)
            for spec in specs
            for arg in spec.init_args
            if arg.import_
        }
    )
    out = ['"""The typed keywords of every resource class: one class per type, whose typed']
    out += ["``__init__`` both resource classes of the type inherit.", "", HEADER, '"""']
    out += ["", "from __future__ import annotations", ""]
    annotations = " ".join(p.input_annotation() for spec in specs for p in spec.inputs)
    imports = annotations_imports(annotations)
    if type_imports:
        imports = [line for line in imports if not line.startswith("from typing")]
        typing = ["TYPE_CHECKING"] + (["Any"] if "Any" in annotations else [])
        imports += [f"from typing import {', '.join(typing)}"]
    out += [*imports, *([""] if imports else []), "import pulumi", ""]
    out += ["from .keywords import Keywords, Registers", ""]
    if type_imports:
        out += ["if TYPE_CHECKING:", *(f"    {line}" for line in type_imports), ""]
    for spec in sorted(specs, key=lambda s: FOLDERS[s.name]):
        out += _keywords_class(spec)
    from ..plugin.codegen import provider_keywords

    return "\n".join([*out, *provider_keywords(), ""])


def resource_module(spec: ResourceSpec) -> str:
    """The source of ``resources/<folder>/resource.py``."""
    hook_module, _, hook = (spec.init_hook or "").partition(":")
    internal = [p for p in spec.props if p.internal]
    out = [f'"""{spec.name}: the typed resource class.', "", HEADER, '"""', ""]
    out += ["from __future__ import annotations", ""]
    imports = annotations_imports(" ".join(p.py for p in internal))
    out += [*imports, *([""] if imports else [])]
    if internal:
        out += ["import pulumi", ""]
    base = "FromFile" if spec.file is not None else "SpecResource"
    out += [f"from ..resource import {base}"]
    out += [f"from ..typed_keywords import {keywords_class(spec)}"]
    out += [f"from .outputs import {outputs_class(spec)}"]
    out += [f"from .provider import {provider_class(spec)}", "from .spec import SPEC"]
    if spec.init_hook:
        out += [f"from .{hook_module} import {hook}"]
    out += ["", ""]
    bases = f"{keywords_class(spec)}, {base}, {outputs_class(spec)}"
    out += [f"class {spec.name}({bases}, **SPEC.pulumi_type):"]
    out += _docstring(spec)
    out += ["", "    _spec = SPEC", f"    _provider_class = {provider_class(spec)}"]
    if spec.init_hook:
        out += [f"    _init_hook = staticmethod({hook})"]
    if internal:
        out += [""]
    for prop in internal:  # the provider's bookkeeping: in the dynamic resource's state only
        out += [f"    {prop.name}: pulumi.Output[{prop.py}]", *_attribute_doc(prop)]
    out += [""]
    return "\n".join(out)


def provider_module(spec: ResourceSpec) -> str:
    """The source of ``resources/<folder>/provider.py``: the provider class, pickled by
    reference (module and name) into every resource's state, so both must stay put."""
    return "\n".join(
        [
            f'"""The provider class of {spec.name} (pickled by reference into each resource\'s '
            "state).",
            "",
            HEADER,
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "from ..provider import SpecProvider",
            "from .spec import SPEC",
            "",
            "",
            f"class {provider_class(spec)}(SpecProvider):",
            f'    """CRUD of {spec.name} through the platform REST API."""',
            "",
            "    spec = SPEC",
            "",
        ]
    )


def classes_module() -> str:
    """The source of ``resources/classes.py``: every resource class under its name, for type
    checkers and editors (the package's ``__init__`` star-imports it when type checking; each
    ``X as X`` import is a public name, so the module needs no ``__all__``)."""
    lines = ['"""Every resource class, for type checkers and editors.', "", HEADER, '"""', ""]
    lines += ["from __future__ import annotations", ""]
    lines += [
        f"from .{FOLDERS[spec.name]}.resource import {spec.name} as {spec.name}"
        for spec in sorted(SPECS, key=lambda s: FOLDERS[s.name])
    ]
    return "\n".join([*lines, ""])


def _formatted(files: dict[Path, str]) -> dict[Path, str]:
    """The sources as ``ruff format`` writes them (the committed files are formatted)."""
    result: dict[Path, str] = {}
    for path, source in files.items():
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                "format",
                "--line-length",
                "100",
                "--stdin-filename",
                str(path),
                "-",
            ],
            input=source,
            capture_output=True,
            text=True,
            check=True,
        )
        result[path] = done.stdout
    return result


def generated(root: Path = _HERE) -> dict[Path, str]:
    """Every generated file (path -> its text)."""
    files: dict[Path, str] = {}
    for spec in SPECS:
        folder = FOLDERS[spec.name]
        files[root / folder / "resource.py"] = resource_module(spec)
        files[root / folder / "outputs.py"] = outputs_module(spec)
        files[root / folder / "provider.py"] = provider_module(spec)
    files[root / "typed_keywords.py"] = keywords_module(list(SPECS))
    files[root / "classes.py"] = classes_module()
    if root == _HERE:  # the provider plugin's typed classes (pulumi_openconnectors.native)
        from ..plugin.codegen import native_files

        files.update(native_files(_HERE.parent))
    return _formatted(files)


def main(argv: list[str]) -> int:
    stale = [path for path, text in generated().items() if _read(path) != text]
    if "--check" in argv:
        for path in stale:
            print(f"{path} is stale: run `python -m pulumi_openconnectors.resources.codegen`")
        return 1 if stale else 0
    for path, text in generated().items():
        if _read(path) != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
