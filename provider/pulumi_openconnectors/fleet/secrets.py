"""Resolve a tenant's secret references (``env:NAME``, ``file:KEY``) to values, at run time.

The values live only in memory and in the encrypted stack config (``secret=True``); they are
never written to the fleet's logs or state file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from . import strict_yaml
from .model import FleetFileError, ResolvedTenant


class SecretResolver:
    """Looks references up in the environment and in the tenant's secrets file (read once)."""

    def __init__(self, tenant: ResolvedTenant, environ: Mapping[str, str] | None = None) -> None:
        self.tenant = tenant
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self._file: dict[str, str] | None = None

    def _secrets_file(self) -> dict[str, str]:
        if self._file is None:
            path = self.tenant.secrets_file
            if path is None:
                raise FleetFileError(f"{self.tenant.source}: secrets_file: is not set")
            try:
                data = strict_yaml.load(Path(path).read_text())
            except OSError as exc:
                raise FleetFileError(
                    f"{self.tenant.source}: secrets_file: cannot read {path}: {exc.strerror}"
                ) from None
            except strict_yaml.DuplicateKeyError as exc:  # names a key and lines, never a value
                raise FleetFileError(f"{self.tenant.source}: secrets_file: {path}: {exc}") from None
            except yaml.YAMLError:
                raise FleetFileError(
                    f"{self.tenant.source}: secrets_file: {path} is not valid YAML"
                ) from None
            if not isinstance(data, dict):
                raise FleetFileError(
                    f"{self.tenant.source}: secrets_file: {path} must be a mapping KEY: value"
                )
            self._file = {str(k): str(v) for k, v in data.items() if v is not None}
        return self._file

    def resolve(self, reference: str, field: str) -> str:
        kind, _, name = reference.partition(":")
        if kind == "env":
            value = self.environ.get(name)
            if not value:
                raise FleetFileError(
                    f"{self.tenant.source}: {field}: environment variable {name} is not set"
                )
            return value
        value = self._secrets_file().get(name)
        if not value:
            raise FleetFileError(
                f"{self.tenant.source}: {field}: key {name!r} is missing from "
                f"{self.tenant.secrets_file}"
            )
        return value

    def value_or_env(self, value: str | None, field: str) -> str | None:
        """A plain setting that may be given as ``env:NAME`` (e.g. base_url)."""
        if value is None or not value.startswith("env:"):
            return value
        return self.resolve(value, field)
