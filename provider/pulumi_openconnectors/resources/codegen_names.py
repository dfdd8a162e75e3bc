"""What both generators (:mod:`.codegen` for the dynamic classes, :mod:`..plugin.codegen` for
the provider plugin's) agree on: the shared typed outputs and keywords classes of a type, the
lines of a generated ``__init__``, and the imports a generated annotation needs."""

from __future__ import annotations

from .spec import ResourceSpec


def outputs_class(spec: ResourceSpec) -> str:
    """The class of ``resources/<folder>/outputs.py``: the typed public outputs (with the
    docstrings editors show) that both classes of the type inherit."""
    return f"{spec.name}Outputs"


def keywords_class(spec: ResourceSpec) -> str:
    """The type's class in ``resources/typed_keywords.py``: the typed ``__init__`` (its keywords
    documented) that both classes of the type inherit."""
    return f"{spec.name}Keywords"


def annotations_imports(annotations: str) -> list[str]:
    """The ``collections.abc`` and ``typing`` imports the generated ``annotations`` need."""
    out: list[str] = []
    abc = [name for name in ("Mapping", "Sequence") if f"{name}[" in annotations]
    if abc:
        out += [f"from collections.abc import {', '.join(abc)}"]
    if "Any" in annotations:
        out += ["from typing import Any"]
    return out


def init_method(keywords: list[str], docstring: list[str] | None = None) -> list[str]:
    """The lines of a generated ``__init__``: ``keywords`` (``name: annotation[ = default]``)
    after ``resource_name``, then ``opts``, its docstring lines, and the call that hands the
    keywords (its ``locals()``) to the resource class's ``_create``."""
    out = ["    def __init__(", "        self,", "        resource_name: str,", "        *,"]
    out += [f"        {keyword}," for keyword in keywords]
    out += ["        opts: pulumi.ResourceOptions | None = None,", "    ) -> None:"]
    return [*out, *(docstring or []), "        self._create(resource_name, locals(), opts)"]
