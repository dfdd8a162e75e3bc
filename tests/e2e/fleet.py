"""A fleet of tenants for the end-to-end tests: an emulator with one account (organization)
per tenant, a fleet file with an instances file per tenant, Pulumi state in the local S3 store,
and the fleet runner run as users run it: ``python -m pulumi_openconnectors fleet …``."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.client.models.instances import Instance
from pulumi_openconnectors.devtools.engine import pulumi_env
from pulumi_openconnectors.emulator import EmulatorServer

from .harness import PASSPHRASE, end_session
from .s3 import S3Backend

PROJECT = "oc-fleet-e2e"
WITH_DEFAULT_SIGINT = (
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])",
)
"""Runs a command with SIGINT at its default (exec keeps it): the pid is the command's."""


def tenant_names(count: int) -> list[str]:
    return [f"tenant-{i:02d}" for i in range(count)]


def accounts(count: int) -> list[tuple[str, str]]:
    return [(f"user-secret-{name}", f"org-secret-{name}") for name in tenant_names(count)]


def instances_for(name: str, count: int, tag: str = "v1") -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(count):
        if i % 2 == 0:
            out.append(
                {
                    "name": f"crm-{i}",
                    "element": "closeio",
                    "tags": ["crm", tag],
                    "configuration": {"username": f"{name}-{i}@example.com"},
                    "secrets": {"password": "file:crm-password"},
                }
            )
        else:
            out.append(
                {
                    "name": f"webinars-{i}",
                    "element": "brighttalk",
                    "tags": ["events", tag],
                    "configuration": {"brighttalk.api.key": f"{name}-{i}"},
                    "secrets": {"brighttalk.api.secret": "env:FLEET_E2E_API_SECRET"},
                }
            )
    return out


@dataclass
class FleetEnv:
    root: Path
    engine: Path
    emulator: EmulatorServer
    s3: S3Backend
    tenants: int
    instances: int
    prefix: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.prefix = self.prefix or self.s3.new_prefix()
        self.fleet_file = self.root / "fleet.yaml"
        self.home = self.root / "pulumi-home"
        self.home.mkdir(parents=True, exist_ok=True)
        (self.root / "instances").mkdir(exist_ok=True)
        secrets = self.root / "secrets"
        secrets.mkdir(exist_ok=True)
        for (user, org), name in zip(accounts(self.tenants), self.names, strict=True):
            path = secrets / f"{name}.yaml"
            path.write_text(
                yaml.safe_dump(
                    {"userSecret": user, "organizationSecret": org, "crm-password": f"pw-{name}"}
                )
            )
            path.chmod(0o600)
            self.write_instances(name, instances_for(name, self.instances))
        self.fleet_file.write_text(
            yaml.safe_dump(
                {
                    "project": PROJECT,
                    "defaults": {
                        "base_url": "env:FLEET_E2E_BASE_URL",
                        "credentials": {
                            "user_secret": "file:userSecret",
                            "organization_secret": "file:organizationSecret",
                        },
                        "secrets_file": "secrets/{stack}.yaml",
                        "instances_file": "instances/{stack}.yaml",
                    },
                    "tenants": [{"stack": name} for name in self.names],
                },
                sort_keys=False,
            )
        )

    @property
    def names(self) -> list[str]:
        return tenant_names(self.tenants)

    def write_instances(self, name: str, instances: list[dict[str, Any]]) -> None:
        path = self.root / "instances" / f"{name}.yaml"
        path.write_text(yaml.safe_dump({"instances": instances}, sort_keys=False))

    @property
    def env(self) -> dict[str, str]:
        return pulumi_env(
            self.engine,
            self.home,
            PASSPHRASE,
            drop=("PULUMI_", "OPENCONNECTORS_", "AWS_"),
            extra={
                **self.s3.env(self.prefix),
                "FLEET_E2E_BASE_URL": self.emulator.base_url,
                "FLEET_E2E_API_SECRET": "api-secret-of-the-fleet",
                **self.extra_env,
            },
        )

    def argv(self, operation: str, *args: str, state_dir: Path | None = None) -> list[str]:
        state = state_dir or self.root / "state"
        return [
            sys.executable,
            "-m",
            "pulumi_openconnectors",
            "fleet",
            operation,
            "--fleet",
            str(self.fleet_file),
            "--state-dir",
            str(state),
            *args,
        ]

    def run(
        self, operation: str, *args: str, state_dir: Path | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        argv = self.argv(operation, *args, state_dir=state_dir)
        with self.popen(operation, *args, state_dir=state_dir) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except BaseException:
                stop(process)
                raise
        result = subprocess.CompletedProcess(argv, process.returncode, stdout, stderr)
        with (self.root / "fleet-runs.log").open("a") as log:
            log.write(f"$ fleet {operation} {' '.join(args)} -> {result.returncode}\n")
            log.write(result.stdout + "\n" + result.stderr + "\n")
        return result

    def popen(
        self, operation: str, *args: str, state_dir: Path | None = None
    ) -> subprocess.Popen[str]:
        return subprocess.Popen(
            # Ctrl-C as at a terminal: a run started from a background job of a script (as CI
            # may start the suite) inherits SIGINT ignored, and Python keeps it ignored.
            [*WITH_DEFAULT_SIGINT, *self.argv(operation, *args, state_dir=state_dir)],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def state(self, state_dir: Path | None = None) -> dict[str, Any]:
        path = (state_dir or self.root / "state") / "fleet-state.json"
        return dict(json.loads(path.read_text()))

    def client(self, name: str) -> OpenConnectorsClient:
        user, org = accounts(self.tenants)[self.names.index(name)]
        return OpenConnectorsClient(
            ClientSettings(
                base_url=self.emulator.base_url, user_secret=user, organization_secret=org
            )
        )

    def org_instances(self, name: str) -> list[Instance]:
        client = self.client(name)
        try:
            return client.list_instances()
        finally:
            client.close()

    def headers(self, name: str, token: str | None = None) -> dict[str, str]:
        user, org = accounts(self.tenants)[self.names.index(name)]
        if token is not None:
            return {"Authorization": f"User {user}, Element {token}"}
        return {"Authorization": f"User {user}, Organization {org}"}

    def pulumi(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The plain CLI in a project directory of the fleet's project (same backend)."""
        cwd = self.root / "cli"
        cwd.mkdir(exist_ok=True)
        (cwd / "Pulumi.yaml").write_text(f"name: {PROJECT}\nruntime: python\n")
        return subprocess.run(
            [str(self.engine / "pulumi"), *args, "--non-interactive"],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )

    def state_instance_ids(self, name: str) -> list[str]:
        exported = json.loads(self.pulumi("stack", "export", "--stack", name).stdout)
        return sorted(
            str(r["id"])
            for r in exported["deployment"].get("resources") or []
            if r["type"].endswith("ConnectorInstance")
        )


def stop(runner: subprocess.Popen[str]) -> None:
    """End a fleet run and what it started: Ctrl-C twice (the runner tells each `pulumi`, each in
    a session of its own, to stop now), then its own session by force."""
    for _ in range(2):
        with contextlib.suppress(ProcessLookupError):
            os.kill(runner.pid, signal.SIGINT)
        time.sleep(0.5)
    try:
        runner.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        end_session(runner.pid)
        runner.communicate()


def table(stdout: str) -> dict[str, list[str]]:
    """The summary table: stack -> [result, created, updated, deleted, unchanged, seconds, …]."""
    rows: dict[str, list[str]] = {}
    lines = stdout.splitlines()
    for line in lines[2:]:
        if not line.startswith("tenant-"):
            continue
        cells = line.split()
        stack = cells[0]
        rest = cells[1:]
        if rest[:4] == ["locked", "by", "another", "run"]:
            rest = ["locked by another run", *rest[4:]]
        elif rest[:2] == ["not", "run"]:
            rest = ["not run", *rest[2:]]
        rows[stack] = rest
    return rows


def counts(stdout: str) -> dict[str, tuple[str, int, int, int, int]]:
    """stack -> (result, created, updated, deleted, unchanged)."""
    return {
        stack: (cells[0], int(cells[1]), int(cells[2]), int(cells[3]), int(cells[4]))
        for stack, cells in table(stdout).items()
    }
