"""The example fleet in full (`make test-fleet`): examples/fleet/fleet.yaml, 20 tenants x 5
instances, each tenant its own organization on the emulator, state in the local S3 store,
`--parallel 4`: up, a second up that changes nothing, destroy. Skipped by `make test`
(`make test-fleet` runs it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.devtools.engine import pulumi_env
from pulumi_openconnectors.emulator import EmulatorServer

from .harness import PASSPHRASE, REPO
from .s3 import S3Backend

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("fleet"),
    # behind `make test-fleet`; `make test` deselects it (-m "not fleet_full") and runs the
    # bounded fleet of tests/e2e/test_fleet.py instead
    pytest.mark.fleet_full,
]
EXAMPLE = REPO / "examples" / "fleet"


def test_example_fleet_of_20_tenants(tmp_path: Path, engine: Path, s3_backend: S3Backend) -> None:
    fleet_dir = tmp_path / "fleet"
    shutil.copytree(EXAMPLE, fleet_dir, ignore=shutil.ignore_patterns("secrets", ".fleet"))
    fleet_file = fleet_dir / "fleet.yaml"
    subprocess.run(
        [sys.executable, str(fleet_dir / "write_secrets.py"), "--fleet", str(fleet_file), "--demo"],
        check=True,
    )
    secrets = {
        p.stem: yaml.safe_load(p.read_text())
        for p in sorted((fleet_dir / "secrets").glob("*.yaml"))
    }
    assert len(secrets) == 20
    accounts = [(s["userSecret"], s["organizationSecret"]) for s in secrets.values()]
    with EmulatorServer(port=0, accounts=accounts) as emulator:
        env = pulumi_env(
            engine,
            tmp_path / "home",
            PASSPHRASE,
            drop=("PULUMI_", "OPENCONNECTORS_", "AWS_"),
            extra={
                **s3_backend.env(s3_backend.new_prefix()),
                "OPENCONNECTORS_FLEET_BASE_URL": emulator.base_url,
            },
        )

        def fleet(operation: str) -> tuple[dict[str, tuple[str, int, int, int, int]], float]:
            started = time.monotonic()
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pulumi_openconnectors",
                    "fleet",
                    operation,
                    "--fleet",
                    str(fleet_file),
                    "--parallel",
                    "4",
                    "--state-dir",
                    str(tmp_path / "state"),
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=1800,
            )
            took = time.monotonic() - started
            print(f"fleet {operation}: {took:.1f} s\n{result.stdout}")
            assert result.returncode == 0, result.stdout + result.stderr
            return {s: c for s, c in counts_any(result.stdout).items()}, took

        rows, _ = fleet("up")
        assert rows == {name: ("succeeded", 5, 0, 0, 0) for name in secrets}
        for name, values in secrets.items():
            client = OpenConnectorsClient(
                ClientSettings(
                    base_url=emulator.base_url,
                    user_secret=values["userSecret"],
                    organization_secret=values["organizationSecret"],
                )
            )
            try:
                held = client.list_instances()
            finally:
                client.close()
            assert len(held) == 5 and len({i.name for i in held}) == 5, name
        rows, _ = fleet("up")
        assert rows == {name: ("succeeded", 0, 0, 0, 5) for name in secrets}
        rows, _ = fleet("destroy")
        assert rows == {name: ("succeeded", 0, 0, 5, 0) for name in secrets}


def counts_any(stdout: str) -> dict[str, tuple[str, int, int, int, int]]:
    """The summary table's rows, whatever the stack names (fleet.counts reads tenant-NN)."""
    lines = stdout.splitlines()
    out: dict[str, tuple[str, int, int, int, int]] = {}
    for line in lines[2:]:
        cells = line.split()
        if len(cells) >= 7 and cells[1] == "succeeded":
            out[cells[0]] = ("succeeded", *map(int, cells[2:6]))  # type: ignore[assignment]
        elif cells and "stack(s):" in line:
            break
        elif len(cells) >= 2:
            out[cells[0]] = (cells[1], 0, 0, 0, 0)
    return out
