"""Write each tenant's secrets file (secrets/<stack>.yaml, mode 0600) for fleet.yaml.

    python write_secrets.py --from-env FLEET_SECRETS   # CI: a JSON object {stack: {KEY: value}}
    python write_secrets.py --demo                     # the emulator: made-up values
    python write_secrets.py --accounts                 # print the emulator's --account flags

``--demo`` gives each tenant its own organization on the emulator (user and organization
secrets derived from the stack name) and random connector passwords; ``--accounts`` prints
``--account USER:ORG`` for each tenant's secrets file, to start the emulator with. The files
hold secrets: they are git-ignored and readable by their owner only.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from pathlib import Path

import yaml

from pulumi_openconnectors.fleet.model import ResolvedTenant, load_fleet

HERE = Path(__file__).resolve().parent


def file_keys(tenant: ResolvedTenant) -> list[str]:
    refs = [tenant.credentials.user_secret, tenant.credentials.organization_secret]
    refs += [ref for instance in tenant.instances for ref in instance.secrets.values()]
    return list(dict.fromkeys(ref[len("file:") :] for ref in refs if ref.startswith("file:")))


def write_private(path: Path, values: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        yaml.safe_dump(values, fh, sort_keys=False)
    os.chmod(path, 0o600)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--fleet", type=Path, default=HERE / "fleet.yaml")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--from-env", metavar="VAR", help="JSON {stack: {KEY: value}} in $VAR")
    mode.add_argument("--demo", action="store_true", help="made-up values for the emulator")
    mode.add_argument("--accounts", action="store_true", help="print --account flags")
    args = parser.parse_args()
    fleet = load_fleet(args.fleet)
    if args.accounts:
        flags = []
        for tenant in fleet.tenants:
            assert tenant.secrets_file is not None
            data = yaml.safe_load(tenant.secrets_file.read_text())
            flags.append(f"--account={data['userSecret']}:{data['organizationSecret']}")
        print(" ".join(flags))
        return 0
    given: dict[str, dict[str, str]] = {}
    if args.from_env:
        given = json.loads(os.environ.get(args.from_env) or "{}")
    for tenant in fleet.tenants:
        if tenant.secrets_file is None:
            continue
        keys = file_keys(tenant)
        if args.demo:
            values = {key: f"demo-{secrets.token_hex(8)}" for key in keys}
            values["userSecret"] = f"{tenant.stack}-user-secret"
            values["organizationSecret"] = f"{tenant.stack}-organization-secret"
        else:
            values = {k: str(v) for k, v in (given.get(tenant.stack) or {}).items()}
            missing = [key for key in keys if not values.get(key)]
            if missing:
                print(
                    f"error: ${args.from_env} has no {', '.join(missing)} for tenant "
                    f"{tenant.stack!r}",
                    file=sys.stderr,
                )
                return 2
        write_private(tenant.secrets_file, values)
    folders = sorted({str(t.secrets_file.parent) for t in fleet.tenants if t.secrets_file})
    print(f"wrote {len(fleet.tenants)} secrets file(s) in {', '.join(folders)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
