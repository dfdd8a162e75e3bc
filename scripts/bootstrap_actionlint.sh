#!/usr/bin/env bash
# Make actionlint (the GitHub Actions workflow linter) available, offline after the first time.
#
# Prints (on stdout, last line) the path of the actionlint binary; progress goes to stderr.
#
#   1. If `actionlint` of the pinned version is on PATH, use it.
#   2. Else, if the cache holds a finished build of the pinned version, use it.
#   3. Else build it from Go modules through the Go module proxy
#      (`go install github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION`) into
#      $CACHE_ROOT/tools/actionlint-$ACTIONLINT_VERSION/.
set -euo pipefail

ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
CACHE_ROOT="${OPENCONNECTORS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openconnectors}"
TOOL_DIR="$CACHE_ROOT/tools/actionlint-$ACTIONLINT_VERSION"
BIN="$TOOL_DIR/actionlint"

PROGRESS_PREFIX="[actionlint]"
# shellcheck source-path=SCRIPTDIR source=lib/progress.sh
. "$(dirname "$0")/lib/progress.sh"
log() { progress_log "$@"; }

# 1. On PATH, same version.
if command -v actionlint >/dev/null 2>&1; then
  have="$(actionlint -version 2>/dev/null | head -n 1 || true)"
  if [ "$have" = "$ACTIONLINT_VERSION" ] || [ "v$have" = "$ACTIONLINT_VERSION" ]; then
    log "using actionlint $have from PATH ($(command -v actionlint))"
    command -v actionlint
    exit 0
  fi
fi

# 2. Cached.
if [ -f "$TOOL_DIR/.complete" ] && [ -x "$BIN" ]; then
  log "using cached actionlint $ACTIONLINT_VERSION ($BIN)"
  echo "$BIN"
  exit 0
fi

# 3. Build.
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[actionlint] actionlint $ACTIONLINT_VERSION is not on PATH and Go is not installed, so it cannot be built.
[actionlint] Install it the usual way (https://github.com/rhysd/actionlint/blob/main/docs/install.md)
[actionlint] or install Go (https://go.dev/dl/) and run this again.
MSG
  exit 1
fi
started="$(date +%s)"
log "building actionlint $ACTIONLINT_VERSION from Go modules into $TOOL_DIR"
log "the first build takes from a few seconds to a minute on 2 cores (downloads its modules, then"
log "compiles); it is cached afterwards. 1 phase; while Go works, a line every"
log "${OPENCONNECTORS_PROGRESS_INTERVAL:-20} s says how long it has been running."
mkdir -p "$CACHE_ROOT/tools"
staging="$(mktemp -d "$CACHE_ROOT/tools/.actionlint-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
log "[1/1] go install github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
GOTOOLCHAIN=local GOFLAGS='' GOBIN="$staging" run_with_ticker "[1/1] go install" \
  go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >&2
"$staging/actionlint" -version >/dev/null
mkdir -p "$TOOL_DIR"
mv -f "$staging/actionlint" "$BIN"
touch "$TOOL_DIR/.complete"
log "done in $(progress_duration $(($(date +%s) - started))): $BIN"
echo "$BIN"
