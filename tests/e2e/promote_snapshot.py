"""What an organization holds, as plain data to compare (tests/e2e/test_promote.py).

Run by examples/promote/run-locally.sh after each step (its PROMOTE_AFTER_STEP hook):

    python tests/e2e/promote_snapshot.py OUT_DIR STEP

writes OUT_DIR/STEP.json: {"dev": {...}, "prod": {...}}, each organization's custom connectors,
connector instances, formulas, formula instances, common resources, transformations and VDRs as
its API answers them, read with raw HTTP (not through the provider's client), without the ids
and dates the platform sets inside documents. Connector instances are keyed by their connector
(with their id), formula instances by their formula; connector instance configuration values are
left out (one of them is a password), their keys are kept.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import requests

SERVER_SET = {
    "id",
    "formulaId",
    "accountId",
    "userId",
    "createdDate",
    "updatedDate",
    "createdDateTime",
    "updatedDateTime",
    "startDate",
}


class Organization:
    def __init__(self, base_url: str, account: str) -> None:
        user, org = account.split(":", 1)
        self.base_url = base_url
        self.headers = {"Authorization": f"User {user}, Organization {org}"}

    def get(self, path: str) -> Any:
        """The answer; None on a 404 (the platform's "nothing of that")."""
        answer = requests.get(f"{self.base_url}{path}", headers=self.headers, timeout=10)
        if answer.status_code == 404:
            return None
        answer.raise_for_status()
        return answer.json() if answer.content else None


def bare(value: Any) -> Any:
    """The value without the keys the platform sets (ids, dates), at every depth."""
    if isinstance(value, dict):
        return {k: bare(v) for k, v in sorted(value.items()) if k not in SERVER_SET}
    if isinstance(value, list):
        return [bare(v) for v in value]
    return value


def snapshot(org: Organization) -> dict[str, Any]:
    connectors = {
        e["key"]: bare(org.get(f"/elements/{e['key']}/export"))
        for e in org.get("/elements") or []
        if e.get("private")
    }
    instances = {
        str(i["element"]["key"]): {
            "id": i["id"],
            "name": i["name"],
            "configuration keys": sorted((i.get("configuration") or {}).keys()),
            "tags": sorted(t for t in i.get("tags") or [] if ":" not in t),
        }
        for i in org.get("/instances") or []
    }
    formulas = {str(f["name"]): bare(f) for f in org.get("/formulas") or []}
    runs = {
        str(r["formula"]["name"]): {"name": r["name"], "configuration": r.get("configuration")}
        for r in org.get("/formulas/instances") or []
    }
    definitions = bare(org.get("/organizations/objects/definitions") or {})
    transformations = {
        key: bare(org.get(f"/organizations/elements/{key}/transformations") or {})
        for key in connectors
    }
    vdrs = {
        str(v["objectName"] if "objectName" in v else v["name"]): bare(
            org.get(f"/vdrs/{v.get('objectName') or v.get('name')}/export")
        )
        for v in org.get("/vdrs") or []
    }
    return {
        "connectors": connectors,
        "instances": instances,
        "formulas": formulas,
        "formula instances": runs,
        "common resources": definitions,
        "transformations": transformations,
        "vdrs": vdrs,
    }


def main(out_dir: str, step: str) -> None:
    base_url = os.environ["PROMOTE_BASE_URL"]
    data = {
        name: snapshot(Organization(base_url, os.environ[f"PROMOTE_{name.upper()}_ACCOUNT"]))
        for name in ("dev", "prod")
    }
    Path(out_dir, f"{step}.json").write_text(json.dumps(data, indent=2, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
