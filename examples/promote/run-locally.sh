#!/usr/bin/env bash
# Run the steps of workflow.yml on this machine, against a private emulator serving two
# organizations (dev and prod), in a temp dir:
#
#   0. setup         the emulator (two accounts: two organizations), a file backend, a
#                    "checkout" of examples/promote, stacks dev and prod with their secrets set
#                    once (`pulumi config set --secret`)
#   1. PR            pulumi preview of both stacks; the Mermaid graph of each formula
#   2. merge         pulumi up --stack dev                        (the push-to-main job)
#   3. promote       pulumi preview --stack prod, then up         (the `production` job)
#   4. drift check   pulumi preview --refresh --expect-no-changes on both stacks: passes
#   5. PR 2          a formula script edited: the prod preview shows the step; deployed to both
#   6. out of band   someone edits the prod formula by hand: the drift check fails, naming it
#   7. teardown      pulumi destroy of both stacks
#
# In CI, the workflow runs the same commands. Nothing outside the temp dir is touched; the
# emulator is stopped and the temp dir removed at exit (KEEP_WORKDIR=1 keeps it). Every pulumi
# call is bounded by STEP_TIMEOUT seconds. Needs the repository's virtualenv (make venv) and a
# pulumi CLI on PATH (else it uses the one scripts/bootstrap_engine.sh builds).
#
# DEV_ACME_PASSWORD / PROD_ACME_PASSWORD: the connector instances' passwords (the workflow's
# repository secrets of those names); made-up values by default. PROMOTE_AFTER_STEP: a command
# run after each step with the step's name as its argument, the emulator's URL and both
# accounts in PROMOTE_BASE_URL, PROMOTE_DEV_ACCOUNT and PROMOTE_PROD_ACCOUNT (USER:ORG), e.g. to
# look at the organizations over the API (tests/e2e/test_promote.py does).
set -euo pipefail
# shellcheck source=../../scripts/lib/gitops_local.sh
. "$(dirname "$0")/../../scripts/lib/gitops_local.sh"

say() { printf '\n[promote] %s  (t=%ss)\n' "$*" "$SECONDS"; }
die() {
  printf '[promote] error: %s\n' "$*" >&2
  exit 1
}

DEV_ACCOUNT="demo-user-secret:demo-organization-secret" # the emulator's built-in account
PROD_ACCOUNT="prod-user-secret:prod-organization-secret"
DEV_ACME_PASSWORD="${DEV_ACME_PASSWORD:-dev-acme-password}"
PROD_ACME_PASSWORD="${PROD_ACME_PASSWORD:-prod-acme-password}"
FORMULA="notify-new-contact"
EMULATOR_PID=""

cleanup() {
  local status=$?
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_WORKDIR:-0}" = "1" ]; then
    echo "[promote] kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}

after_step() {
  [ -n "${PROMOTE_AFTER_STEP:-}" ] || return 0
  # shellcheck disable=SC2086 # the command and its arguments, split on spaces
  PROMOTE_BASE_URL="$BASE_URL" PROMOTE_DEV_ACCOUNT="$DEV_ACCOUNT" \
    PROMOTE_PROD_ACCOUNT="$PROD_ACCOUNT" $PROMOTE_AFTER_STEP "$1"
}

# `pulumi config set-all --secret=k=v ...` for one stack: the organization's credentials and the
# Acme password (one argument per value: no word splitting or globbing of the values).
stack_secrets() {
  local stack="$1" account="$2" password="$3"
  bounded pulumi config set-all --stack "$stack" \
    --plaintext "openconnectors:baseUrl=$BASE_URL" \
    "--secret=openconnectors:userSecret=${account%%:*}" \
    "--secret=openconnectors:organizationSecret=${account#*:}" \
    "--secret=acmePassword=$password"
}

drift_check() { bounded pulumi preview --refresh --expect-no-changes --non-interactive --diff --stack "$1"; }

gitops_tools
WORK="$(mktemp -d "${TMPDIR:-/tmp}/openconnectors-promote.XXXXXX")"
trap cleanup EXIT
trap 'exit 130' INT TERM

# -- 0. setup ----------------------------------------------------------------------------------
say "0/7 setup in $WORK"
mkdir -p "$WORK/emulator"
"$PY" -m pulumi_openconnectors.emulator --port 0 --db "$WORK/emulator/emulator.db" \
  --account "$PROD_ACCOUNT" >"$WORK/emulator/emulator.log" 2>&1 &
EMULATOR_PID=$!
BASE_URL=""
for _ in $(seq 1 150); do
  BASE_URL="$(sed -n 's/^Open Connectors emulator listening on //p' "$WORK/emulator/emulator.log")"
  [ -n "$BASE_URL" ] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$BASE_URL" ] || die "the emulator did not start; its log: $(cat "$WORK/emulator/emulator.log")"
echo "emulator with two organizations (dev, prod) at $BASE_URL"

PROJECT="$WORK/checkout/examples/promote"
mkdir -p "$PROJECT" "$WORK/backend" "$WORK/pulumi-home"
cp -R "$ROOT/examples/promote/." "$PROJECT/"
rm -f "$PROJECT/run-locally.sh" "$PROJECT/workflow.yml"
ln -s "$ROOT/.venv" "$WORK/checkout/.venv" # the project's `virtualenv: ../../.venv`
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(\(PULUMI\|OPENCONNECTORS\)_[A-Za-z0-9_]*\)=.*/\1/p')
export PULUMI_HOME="$WORK/pulumi-home"
export PULUMI_BACKEND_URL="file://$WORK/backend"
export PULUMI_CONFIG_PASSPHRASE="local-promote-demo"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
cd "$PROJECT"

echo "once, by a human: stacks dev and prod, each with its organization's secrets (encrypted)"
bounded pulumi stack init dev --non-interactive
stack_secrets dev "$DEV_ACCOUNT" "$DEV_ACME_PASSWORD"
bounded pulumi stack init prod --non-interactive
stack_secrets prod "$PROD_ACCOUNT" "$PROD_ACME_PASSWORD"
after_step setup

# -- 1. pull request ---------------------------------------------------------------------------
say "1/7 pull request -> pulumi preview of dev and prod, the formulas as Mermaid"
bounded pulumi preview --non-interactive --stack dev
bounded pulumi preview --non-interactive --stack prod
for dir in formulas/*/; do
  echo "formula ${dir%/}:"
  "$PY" -m pulumi_openconnectors graph "$dir" --format mermaid
done

# -- 2. merge to main: dev ---------------------------------------------------------------------
say "2/7 push to main -> pulumi up --stack dev"
bounded pulumi up --yes --skip-preview --non-interactive --stack dev
after_step dev

# -- 3. promotion to prod (the approved `production` job) ---------------------------------------
say "3/7 approved -> pulumi preview --stack prod, pulumi up --stack prod"
bounded pulumi preview --non-interactive --stack prod
bounded pulumi up --yes --skip-preview --non-interactive --stack prod
echo "dev:  $(bounded pulumi stack output --json --stack dev formulaIds)"
echo "prod: $(bounded pulumi stack output --json --stack prod formulaIds)"
after_step promoted

# -- 4. scheduled drift check: both organizations match the code -------------------------------
say "4/7 drift check -> pulumi preview --refresh --expect-no-changes, dev and prod"
drift_check dev
drift_check prod
echo "no drift: both organizations match the code"

# -- 5. a second pull request changes a formula script ----------------------------------------
say "5/7 pull request 2: formulas/$FORMULA/build-message.js edited -> preview prod, deploy both"
printf '// a subject that names the organization\n' >>"formulas/$FORMULA/build-message.js"
"$PY" - "formulas/$FORMULA/build-message.js" <<'PY'
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text()
old = "subject: 'New contact in Acme',"
assert old in text, "build-message.js changed: update run-locally.sh step 5"
path.write_text(text.replace(old, "subject: 'New contact in Acme (' + config['owner.email'] + ')',"))
PY
"$PY" -m pulumi_openconnectors graph "formulas/$FORMULA" --format mermaid
bounded pulumi preview --non-interactive --diff --stack prod
bounded pulumi up --yes --skip-preview --non-interactive --stack dev
bounded pulumi up --yes --skip-preview --non-interactive --stack prod
after_step changed

# -- 6. out of band: a hand edit in prod -------------------------------------------------------
say "6/7 someone edits formula $FORMULA in prod by hand -> the drift check fails"
"$PY" - "$BASE_URL" "$PROD_ACCOUNT" "$FORMULA" <<'PY'
import sys

import requests

base, account, name = sys.argv[1:]
user, org = account.split(":", 1)
headers = {"Authorization": f"User {user}, Organization {org}"}
formulas = requests.get(f"{base}/formulas", headers=headers, timeout=10).json()
[formula] = [f for f in formulas if f["name"] == name]
formula["description"] = "hot-fixed in the UI"
answer = requests.put(f"{base}/formulas/{formula['id']}", json=formula, headers=headers, timeout=10)
answer.raise_for_status()
print(f"formula {name} (id {formula['id']}) edited in prod")
PY
if drift_check prod; then
  die "the drift check passed after an out-of-band change"
fi
echo "drift found: prod no longer matches the code (the scheduled job fails here)"
after_step drifted

# -- 7. teardown -------------------------------------------------------------------------------
say "7/7 pulumi destroy --stack prod, --stack dev"
bounded pulumi destroy --yes --skip-preview --non-interactive --stack prod
bounded pulumi destroy --yes --skip-preview --non-interactive --stack dev
after_step destroyed

say "done: the steps of workflow.yml ran against the emulator at $BASE_URL"
