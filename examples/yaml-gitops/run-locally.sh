#!/usr/bin/env bash
# Run the steps of workflow.yml on this machine, against a local emulator, in a temp dir:
#
#   0. setup       a private emulator (loopback, a port it picks), a file backend, a "checkout" of
#                  examples/yaml-gitops, its stack with the connector secrets set once
#   1. PR          pulumi preview                       (the pull_request job)
#   2. merge       pulumi up --yes --skip-preview       (the push-to-main job)
#
#   In CI, pulumi/actions runs those two commands (and creates the stack: `upsert`); here the
#   CLI runs them directly.
#   3. push again  the same, with --expect-no-changes   (proves the stack matches Pulumi.yaml)
#   4. PR 2        one resource of Pulumi.yaml edited: pulumi preview shows one update
#   5. merge 2     pulumi up --yes --skip-preview
#
# Nothing outside the temp dir is touched; the emulator is stopped and the temp dir removed at
# exit (KEEP_WORKDIR=1 keeps it). Every pulumi call is bounded by STEP_TIMEOUT seconds.
# Needs the repository's virtualenv (make venv: its bin/ has the resource plugin
# pulumi-resource-openconnectors), and pulumi with the YAML language host on PATH (else it uses
# the ones scripts/bootstrap_engine.sh builds).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
STEP_TIMEOUT="${STEP_TIMEOUT:-300}"
STACK="prod"

say() { printf '\n[gitops] %s  (t=%ss)\n' "$*" "$SECONDS"; }
die() {
  printf '[gitops] error: %s\n' "$*" >&2
  exit 1
}

[ -x "$PY" ] || die "no virtualenv at $ROOT/.venv; run 'make venv' first"
[ -x "$ROOT/.venv/bin/pulumi-resource-openconnectors" ] ||
  die "no pulumi-resource-openconnectors in $ROOT/.venv; run 'make venv' first"
if ! command -v pulumi >/dev/null 2>&1 || ! command -v pulumi-language-yaml >/dev/null 2>&1; then
  PATH="$(bash "$ROOT/scripts/bootstrap_engine.sh"):$(bash "$ROOT/scripts/bootstrap_yaml.sh"):$PATH"
fi
PATH="$ROOT/.venv/bin:$PATH" # the resource plugin
bounded() {
  if command -v timeout >/dev/null 2>&1; then
    timeout "$STEP_TIMEOUT" "$@"
  else
    "$@"
  fi
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/openconnectors-yaml-gitops.XXXXXX")"
EMULATOR_PID=""
cleanup() {
  local status=$?
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_WORKDIR:-0}" = "1" ]; then
    echo "[gitops] kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -- 0. setup ----------------------------------------------------------------------------------
say "0/5 setup in $WORK"
# --port 0: the emulator binds a free port itself and announces it (picking a free port first and
# starting the emulator on it would race with any other process taking that port in between).
echo "starting the emulator: python -m pulumi_openconnectors.emulator --port 0 --db $WORK/emulator.db"
"$PY" -m pulumi_openconnectors.emulator --host 127.0.0.1 --port 0 --db "$WORK/emulator.db" \
  >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
BASE_URL="$("$PY" - "$WORK/emulator.log" <<'PY'
import re, sys, time, urllib.request

log = sys.argv[1]
announce = re.compile(r"emulator listening on (http://127\.0\.0\.1:\d+/\S*)")
auth = "User demo-user-secret, Organization demo-organization-secret"
deadline = time.monotonic() + 30
url = None
while url is None:
    with open(log, errors="replace") as fh:
        found = announce.search(fh.read())
    if found:
        url = found.group(1)
    elif time.monotonic() > deadline:
        sys.exit(1)
    else:
        time.sleep(0.1)
while True:
    try:
        request = urllib.request.Request(url + "/elements", headers={"Authorization": auth})
        with urllib.request.urlopen(request, timeout=2) as answer:
            if answer.status == 200:
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.2)
print(url)
PY
)" || die "the emulator did not start; its log: $(cat "$WORK/emulator.log")"
echo "emulator ready at $BASE_URL (pid $EMULATOR_PID)"

# What CI has: a checkout (the project), env vars from secrets/vars.
PROJECT="$WORK/checkout/examples/yaml-gitops"
mkdir -p "$PROJECT" "$WORK/backend" "$WORK/pulumi-home"
cp "$ROOT/examples/yaml-gitops/Pulumi.yaml" "$PROJECT/"
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(\(PULUMI\|OPENCONNECTORS\)_[A-Za-z0-9_]*\)=.*/\1/p')
export PULUMI_HOME="$WORK/pulumi-home"
export PULUMI_BACKEND_URL="file://$WORK/backend"
export PULUMI_CONFIG_PASSPHRASE="local-gitops-demo"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export OPENCONNECTORS_BASE_URL="$BASE_URL"
export OPENCONNECTORS_USER_SECRET="demo-user-secret"
export OPENCONNECTORS_ORGANIZATION_SECRET="demo-organization-secret"
cd "$PROJECT"

echo "once, by a human: create stack '$STACK' and set the connector secrets (encrypted in Pulumi.$STACK.yaml)"
bounded pulumi stack select --create "$STACK" --non-interactive
# Every `secret: true` config key of Pulumi.yaml, a throwaway value each (the emulator accepts
# any password); one argument per line: no word splitting or globbing of the values.
mapfile -t SECRET_ARGS < <("$PY" - Pulumi.yaml <<'PY'
import secrets, sys, yaml

project = yaml.safe_load(open(sys.argv[1]))
for name, spec in (project.get("config") or {}).items():
    if isinstance(spec, dict) and spec.get("secret"):
        print(f"--secret={name}=demo-{secrets.token_hex(8)}")
PY
)
[ "${#SECRET_ARGS[@]}" -gt 0 ] || die "Pulumi.yaml declares no secret config"
bounded pulumi config set-all --stack "$STACK" "${SECRET_ARGS[@]}"

# -- 1. pull request ---------------------------------------------------------------------------
say "1/5 pull request -> pulumi preview"
bounded pulumi preview --non-interactive --stack "$STACK"

# -- 2. merge to main --------------------------------------------------------------------------
say "2/5 push to main -> pulumi up --yes --skip-preview"
bounded pulumi up --yes --skip-preview --non-interactive --stack "$STACK"
bounded pulumi stack output instanceIds --stack "$STACK"

# -- 3. the pipeline runs again without a change ------------------------------------------------
say "3/5 push to main again, nothing changed -> pulumi up --expect-no-changes"
bounded pulumi up --yes --skip-preview --non-interactive --expect-no-changes --stack "$STACK"
echo "no changes: the live instances match Pulumi.yaml"

# -- 4. a second pull request edits one resource ------------------------------------------------
say "4/5 pull request: sandbox-crm gets the tag 'playground' -> pulumi preview"
"$PY" - Pulumi.yaml <<'PY'
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text()
old = "      tags: [dev, platform]\n"
assert text.count(old) == 1, "Pulumi.yaml changed: update run-locally.sh step 4"
path.write_text(text.replace(old, "      tags: [dev, platform, playground]\n"))
PY
bounded pulumi preview --non-interactive --diff --stack "$STACK"

# -- 5. merge it ---------------------------------------------------------------------------------
say "5/5 push to main -> pulumi up --yes --skip-preview"
bounded pulumi up --yes --skip-preview --non-interactive --stack "$STACK"

say "done: the same steps as workflow.yml ran against the emulator at $BASE_URL"
