#!/usr/bin/env bash
# Run the steps of workflow.yml on this machine, against a private emulator, in a temp dir: a
# "checkout" of examples/many-from-data, its stack with the connector secrets set once, then
# `pulumi preview` (the pull_request job), `pulumi up --yes --skip-preview` (the push-to-main
# job), the same again with --expect-no-changes, and a second pull request that edits one
# entry of instances.yaml (one update). In CI, pulumi/actions runs those commands (and creates
# the stack: `upsert`); here the CLI runs them directly. The steps are those of
# scripts/lib/gitops_local.sh, shared with examples/yaml-gitops/run-locally.sh.
#
# Nothing outside the temp dir is touched; the emulator is stopped and the temp dir removed at
# exit (KEEP_WORKDIR=1 keeps it). Every pulumi call is bounded by STEP_TIMEOUT seconds.
# Needs the repository's virtualenv (make venv) and a pulumi CLI on PATH (else it uses the one
# scripts/bootstrap_engine.sh builds).
set -euo pipefail
# shellcheck source=../../scripts/lib/gitops_local.sh
. "$(dirname "$0")/../../scripts/lib/gitops_local.sh"

GITOPS_NAME="gitops"
GITOPS_PROJECT="many-from-data"
GITOPS_SOURCE="instances.yaml"

gitops_project() {
  cp "$ROOT/examples/many-from-data/"{Pulumi.yaml,__main__.py,instances.yaml,demo_secrets.py} "$1/"
  ln -s "$ROOT/.venv" "$1/../../.venv" # the project's `virtualenv: ../../.venv`
}

gitops_secrets() { "$PY" demo_secrets.py instances.yaml; }

gitops_deployed() {
  echo "deployed $(bounded pulumi stack output instanceCount --stack "$STACK") connector instances"
}

gitops_edit() {
  "$PY" - instances.yaml <<'PY'
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text()
old = "    team: platform\n    environments: [dev]\n"
assert old in text, "instances.yaml changed: update run-locally.sh step 4"
path.write_text(text.replace(old, old + "    tags: [playground]\n", 1))
PY
}

gitops_run
