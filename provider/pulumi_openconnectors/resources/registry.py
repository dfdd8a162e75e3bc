"""Every resource type, registered once: the folder of each type under ``resources/``.

A type's folder holds ``spec.py`` (``SPEC``), ``resource.py`` (the class named like the spec),
``provider.py`` (its :class:`..provider.SpecProvider`) and ``operations.py``. Everything that
lists the types derives from :data:`TYPE_FOLDERS`: :data:`SPECS` (docs, tests, export), the
resource classes' modules (the package's public names and lazy imports), and the provider
class a resource's state names when it is unpickled (:func:`..provider.provider_class`).

Imported by the Pulumi program and by the package's ``__init__``: only the specs, which are
light (no pydantic, no HTTP client).
"""

from __future__ import annotations

from importlib import import_module

from .spec import ResourceSpec

TYPE_FOLDERS = (
    "connector_instance",
    "common_resource",
    "transformation",
    "formula",
    "formula_instance",
    "virtual_data_resource",
    "connector",
    "connector_extension",
)
"""The one list of resource types (a new type: its folder, and one line here)."""


def _spec(folder: str) -> ResourceSpec:
    spec = import_module(f"{__package__}.{folder}.spec").SPEC
    if not isinstance(spec, ResourceSpec):
        raise TypeError(f"resources/{folder}/spec.py: SPEC is not a ResourceSpec")
    return spec


SPECS: tuple[ResourceSpec, ...] = tuple(_spec(folder) for folder in TYPE_FOLDERS)

FOLDERS: dict[str, str] = {
    spec.name: folder for spec, folder in zip(SPECS, TYPE_FOLDERS, strict=True)
}
"""The folder of each type, by type name."""

RESOURCE_CLASSES: dict[str, str] = {
    name: f"{__package__}.{folder}.resource" for name, folder in FOLDERS.items()
}
"""The module of each type's resource class (imported on demand: it imports pulumi)."""

PROVIDER_MODULES: dict[str, str] = {
    name: f"{__package__}.{folder}.provider" for name, folder in FOLDERS.items()
}
"""The module of each type's provider class (imported in the provider process)."""
