"""The version of pulumi-openconnectors: written here only.

pyproject.toml reads it (setuptools dynamic version), the package re-exports it as
``pulumi_openconnectors.__version__`` and the emulator reports it in its OpenAPI document.
"""

__version__ = "0.1.0"
