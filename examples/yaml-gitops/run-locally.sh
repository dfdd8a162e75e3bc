#!/usr/bin/env bash
# Run the steps of workflow.yml on this machine, against a private emulator, in a temp dir: a
# "checkout" of examples/yaml-gitops, its stack with the connector secrets set once, then
# `pulumi preview` (the pull_request job), `pulumi up --yes --skip-preview` (the push-to-main
# job), the same again with --expect-no-changes, and a second pull request that edits one
# resource of Pulumi.yaml (one update). In CI, pulumi/actions runs those commands (and creates
# the stack: `upsert`); here the CLI runs them directly. The steps are those of
# scripts/lib/gitops_local.sh, shared with examples/gitops/run-locally.sh.
#
# Nothing outside the temp dir is touched; the emulator is stopped and the temp dir removed at
# exit (KEEP_WORKDIR=1 keeps it). Every pulumi call is bounded by STEP_TIMEOUT seconds.
# Needs the repository's virtualenv (make venv: its bin/ has the resource plugin
# pulumi-resource-openconnectors), and pulumi with the YAML language host on PATH (else it uses
# the ones scripts/bootstrap_engine.sh builds).
set -euo pipefail
# shellcheck source=../../scripts/lib/gitops_local.sh
. "$(dirname "$0")/../../scripts/lib/gitops_local.sh"

GITOPS_NAME="yaml-gitops"
GITOPS_PROJECT="yaml-gitops"
GITOPS_SOURCE="Pulumi.yaml"
GITOPS_YAML=1

gitops_project() { cp "$ROOT/examples/yaml-gitops/Pulumi.yaml" "$1/"; }

# Every `secret: true` config key of Pulumi.yaml, a throwaway value each (the emulator accepts
# any password).
gitops_secrets() {
  "$PY" - Pulumi.yaml <<'PY'
import secrets, sys, yaml

project = yaml.safe_load(open(sys.argv[1]))
for name, spec in (project.get("config") or {}).items():
    if isinstance(spec, dict) and spec.get("secret"):
        print(f"--secret={name}=demo-{secrets.token_hex(8)}")
PY
}

gitops_deployed() { bounded pulumi stack output instanceIds --stack "$STACK"; }

gitops_edit() {
  "$PY" - Pulumi.yaml <<'PY'
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text()
old = "      tags: [dev, platform]\n"
assert text.count(old) == 1, "Pulumi.yaml changed: update run-locally.sh step 4"
path.write_text(text.replace(old, "      tags: [dev, platform, playground]\n"))
PY
}

gitops_run
