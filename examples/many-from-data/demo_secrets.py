"""Print `--secret=name=value`, one a line, for each secret instances.yaml names (throwaway values).

For the emulator only (it accepts any password):

    pulumi config set-all $(python demo_secrets.py)

Against a real account, set each secret to its real value instead:
`pulumi config set --secret <name> -- <value>` (`python demo_secrets.py --names` lists the names).
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import yaml


def secret_names(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text())
    names: list[str] = []
    for entry in data["connectors"]:
        for env in entry.get("environments", data["environments"]):
            for ref in (entry.get("secrets") or {}).values():
                name = str(ref).replace("{env}", env)
                if name not in names:
                    names.append(name)
    return names


def main(argv: list[str]) -> None:
    args = [a for a in argv if a != "--names"]
    path = Path(args[0]) if args else Path(__file__).parent / "instances.yaml"
    for name in secret_names(path):
        if "--names" in argv:
            print(name)
        else:
            print(f"--secret={name}=demo-{secrets.token_hex(8)}")


if __name__ == "__main__":
    main(sys.argv[1:])
