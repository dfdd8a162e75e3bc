#!/usr/bin/env bash
# Make the Pulumi YAML language host (`pulumi-language-yaml`) available, offline after the
# first time: with it on PATH, a `runtime: yaml` program deploys the openconnectors plugin's
# resources (`type: openconnectors:index:ConnectorInstance`, …).
#
# Prints (on stdout, last line) the directory holding `pulumi-language-yaml`; progress goes to
# stderr. scripts/bootstrap_engine.sh runs it and links the host next to the engine.
#
#   1. If the cache holds a finished build of the pinned version, use it (seconds).
#   2. Else, if `pulumi-language-yaml` is on PATH, use it (the host reports no version: it is
#      used as it is).
#   3. Else build it from Go modules through the Go module proxy
#      (`go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$PULUMI_YAML_VERSION`)
#      into $CACHE_ROOT/engine/yaml-$PULUMI_YAML_VERSION/bin/.
set -euo pipefail

PULUMI_YAML_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
CACHE_ROOT="${OPENCONNECTORS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openconnectors}"
YAML_DIR="$CACHE_ROOT/engine/yaml-$PULUMI_YAML_VERSION"
BIN_DIR="$YAML_DIR/bin"
HOST="pulumi-language-yaml"

PROGRESS_PREFIX="[engine]"
# shellcheck source-path=SCRIPTDIR source=lib/progress.sh
. "$(dirname "$0")/lib/progress.sh"
log() { progress_log "$@"; }

# 1. Cached.
if [ -f "$YAML_DIR/.complete" ] && [ -x "$BIN_DIR/$HOST" ]; then
  log "using cached YAML language host $PULUMI_YAML_VERSION ($BIN_DIR/$HOST)"
  echo "$BIN_DIR"
  exit 0
fi

# 2. On PATH.
if command -v "$HOST" >/dev/null 2>&1; then
  log "using $HOST from PATH ($(command -v "$HOST"); its version is not checked)"
  dirname "$(command -v "$HOST")"
  exit 0
fi

# 3. Build.
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[engine] The Pulumi YAML language host ($HOST $PULUMI_YAML_VERSION) is not on PATH and Go is
[engine] not installed, so it cannot be built. Install Pulumi the usual way (its installer
[engine] ships $HOST: https://www.pulumi.com/docs/install/) or install Go 1.25+
[engine] (https://go.dev/dl/) and run this again.
MSG
  exit 1
fi
started="$(date +%s)"
log "building the YAML language host $PULUMI_YAML_VERSION from Go modules into $BIN_DIR"
log "the first build takes about 2 minutes on 2 cores (downloads its modules, then compiles);"
log "it is cached afterwards. 1 phase; while Go works, a line every"
log "${OPENCONNECTORS_PROGRESS_INTERVAL:-20} s says how long it has been running."
mkdir -p "$CACHE_ROOT/engine"
staging="$(mktemp -d "$CACHE_ROOT/engine/.yaml-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
log "[yaml 1/1] go install github.com/pulumi/pulumi-yaml/cmd/$HOST@$PULUMI_YAML_VERSION"
GOTOOLCHAIN=local GOFLAGS='' GOBIN="$staging" run_with_ticker "[yaml 1/1] go install" \
  go install \
  -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$PULUMI_YAML_VERSION" \
  "github.com/pulumi/pulumi-yaml/cmd/$HOST@$PULUMI_YAML_VERSION" >&2
[ -x "$staging/$HOST" ] || {
  log "go install wrote no $HOST"
  exit 1
}
mkdir -p "$BIN_DIR"
mv -f "$staging/$HOST" "$BIN_DIR/$HOST"
touch "$YAML_DIR/.complete"
log "YAML language host done in $(progress_duration $(($(date +%s) - started))): $BIN_DIR/$HOST (cached)"
echo "$BIN_DIR"
