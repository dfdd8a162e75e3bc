# shellcheck shell=bash
# The steps of a GitOps workflow.yml, run on this machine against a private emulator in a temp
# dir: what examples/gitops/run-locally.sh (a Python project) and
# examples/yaml-gitops/run-locally.sh (a Pulumi YAML project) share. Sourced by them; they set
#
#   GITOPS_NAME     the temp dir's prefix (openconnectors-<name>.XXXXXX)
#   GITOPS_PROJECT  the project's directory under examples/ (where the checkout has it)
#   GITOPS_SOURCE   the file the program declares its resources in (for the messages)
#   GITOPS_YAML=1   the project is Pulumi YAML: it needs the YAML language host and the resource
#                   plugin (pulumi-resource-openconnectors, in the virtualenv's bin/) on PATH
#
# and define the project's own parts:
#
#   gitops_project DIR   copy the project into DIR (what a CI checkout has there)
#   gitops_secrets       print the stack's secret config, one `--secret=name=value` a line
#   gitops_deployed      after the first `up`: say what was deployed
#   gitops_edit          the second pull request: sandbox-crm gets the tag 'playground'
#
# then call `gitops_run`:
#
#   0. setup       a private emulator (`python -m pulumi_openconnectors.emulator start` on a free
#                  loopback port, its state in the temp dir), a file backend, a "checkout" of the
#                  project, its stack with the secrets set once
#   1. PR          pulumi preview                       (the pull_request job)
#   2. merge       pulumi up --yes --skip-preview       (the push-to-main job)
#   3. push again  the same, with --expect-no-changes   (proves the stack matches the source)
#   4. PR 2        one resource edited: pulumi preview shows one update
#   5. merge 2     pulumi up --yes --skip-preview
#
# Nothing outside the temp dir is touched; the emulator is stopped and the temp dir removed at
# exit (KEEP_WORKDIR=1 keeps it). Every pulumi call is bounded by STEP_TIMEOUT seconds (300).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
STEP_TIMEOUT="${STEP_TIMEOUT:-300}"
STACK="prod"

say() { printf '\n[gitops] %s  (t=%ss)\n' "$*" "$SECONDS"; }
die() {
  printf '[gitops] error: %s\n' "$*" >&2
  exit 1
}
bounded() {
  if command -v timeout >/dev/null 2>&1; then
    timeout "$STEP_TIMEOUT" "$@"
  else
    "$@"
  fi
}
emulator() { "$PY" -m pulumi_openconnectors.emulator "$@" --state-dir "$WORK/emulator"; }

gitops_tools() {
  [ -x "$PY" ] || die "no virtualenv at $ROOT/.venv; run 'make venv' first"
  if [ "${GITOPS_YAML:-0}" = "1" ]; then
    [ -x "$ROOT/.venv/bin/pulumi-resource-openconnectors" ] ||
      die "no pulumi-resource-openconnectors in $ROOT/.venv; run 'make venv' first"
    if ! command -v pulumi >/dev/null 2>&1 || ! command -v pulumi-language-yaml >/dev/null 2>&1; then
      PATH="$(bash "$ROOT/scripts/bootstrap_engine.sh"):$(bash "$ROOT/scripts/bootstrap_yaml.sh"):$PATH"
    fi
    PATH="$ROOT/.venv/bin:$PATH" # the resource plugin
  elif ! command -v pulumi >/dev/null 2>&1; then
    PATH="$(bash "$ROOT/scripts/bootstrap_engine.sh"):$PATH"
  fi
}

gitops_cleanup() {
  local status=$?
  if [ -f "$WORK/emulator/emulator.json" ]; then
    emulator stop 2>/dev/null || true
  fi
  if [ "${KEEP_WORKDIR:-0}" = "1" ]; then
    echo "[gitops] kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}

gitops_run() {
  gitops_tools
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/openconnectors-$GITOPS_NAME.XXXXXX")"
  trap gitops_cleanup EXIT
  trap 'exit 130' INT TERM

  # -- 0. setup --------------------------------------------------------------------------------
  say "0/5 setup in $WORK"
  echo "starting the emulator: python -m pulumi_openconnectors.emulator start --state-dir $WORK/emulator"
  BASE_URL="$(emulator start)" || die "the emulator did not start; its log: $(cat "$WORK/emulator/emulator.log" 2>/dev/null)"
  echo "emulator ready at $BASE_URL"

  # What CI has: a checkout (the project, the venv at the repo root), env vars from secrets/vars.
  PROJECT="$WORK/checkout/examples/$GITOPS_PROJECT"
  mkdir -p "$PROJECT" "$WORK/backend" "$WORK/pulumi-home"
  gitops_project "$PROJECT"
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
  # One argument per line (`--secret=name=value`): no word splitting or globbing of the values.
  local -a secret_args
  mapfile -t secret_args < <(gitops_secrets)
  [ "${#secret_args[@]}" -gt 0 ] || die "no secrets to set"
  bounded pulumi config set-all --stack "$STACK" "${secret_args[@]}"

  # -- 1. pull request -------------------------------------------------------------------------
  say "1/5 pull request -> pulumi preview"
  bounded pulumi preview --non-interactive --stack "$STACK"

  # -- 2. merge to main ------------------------------------------------------------------------
  say "2/5 push to main -> pulumi up --yes --skip-preview"
  bounded pulumi up --yes --skip-preview --non-interactive --stack "$STACK"
  gitops_deployed

  # -- 3. the pipeline runs again without a change ----------------------------------------------
  say "3/5 push to main again, nothing changed -> pulumi up --expect-no-changes"
  bounded pulumi up --yes --skip-preview --non-interactive --expect-no-changes --stack "$STACK"
  echo "no changes: the live instances match $GITOPS_SOURCE"

  # -- 4. a second pull request edits one resource ----------------------------------------------
  say "4/5 pull request: sandbox-crm gets the tag 'playground' -> pulumi preview"
  gitops_edit
  bounded pulumi preview --non-interactive --diff --stack "$STACK"

  # -- 5. merge it -------------------------------------------------------------------------------
  say "5/5 push to main -> pulumi up --yes --skip-preview"
  bounded pulumi up --yes --skip-preview --non-interactive --stack "$STACK"

  say "done: the same steps as workflow.yml ran against the emulator at $BASE_URL"
}
