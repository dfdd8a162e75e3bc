#!/usr/bin/env bash
# Make a local S3-compatible object store available, offline: the Versity S3 Gateway
# (versitygw, Apache-2.0), whose posix backend serves a directory as S3 (each
# sub-directory is a bucket, each file an object). Pulumi keeps DIY-backend state in it
# (s3://bucket/prefix?endpoint=http://127.0.0.1:PORT&use_path_style=true&region=us-east-1);
# scripts/s3_server.py starts and stops it.
#
# Prints (on stdout, last line) the path of the `versitygw` binary. Progress goes to stderr.
#
#   1. If the cache holds a finished build of the pinned version, use it (milliseconds).
#   2. Else build github.com/versity/versitygw/cmd/versitygw at $VERSITYGW_VERSION from Go
#      modules through the Go module proxy, in a throwaway wrapper module ("go get -tool",
#      as scripts/bootstrap_engine.sh does for the engine), and cache it by version.
#      Measured on 2 cores with empty Go caches: 1.5-2.5 minutes, 4.5 minutes with other
#      builds and tests running (~110 MB of module zips, a 60 MB binary, ~700 MB of memory at
#      peak).
#
# Concurrent callers (pytest-xdist workers) wait for one another on a lock file.
set -euo pipefail

VERSITYGW_VERSION="${VERSITYGW_VERSION:-v1.8.0}"
CACHE_ROOT="${OPENCONNECTORS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openconnectors}"
TOOL_DIR="$CACHE_ROOT/tools/versitygw-$VERSITYGW_VERSION"
BIN_DIR="$TOOL_DIR/bin"
BIN="$BIN_DIR/versitygw"
NICE="${OPENCONNECTORS_BUILD_NICE:-10}"

START=$SECONDS
log() { printf '[s3] %s\n' "$*" >&2; }

complete() { [ -f "$TOOL_DIR/.complete" ] && [ -x "$BIN" ]; }

# 1. A finished build in the cache.
if complete; then
  log "using cached versitygw $VERSITYGW_VERSION ($BIN)"
  echo "$BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[s3] versitygw $VERSITYGW_VERSION is not in the cache ($BIN) and Go is not installed, so it
[s3] cannot be built. Install Go 1.25+ (https://go.dev/dl/) and run this again, or put a
[s3] versitygw binary (https://github.com/versity/versitygw/releases) at $BIN and run
[s3]     touch $TOOL_DIR/.complete
MSG
  exit 1
fi

mkdir -p "$BIN_DIR"

# One build at a time: a second caller waits here, then finds the finished build.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOL_DIR/.lock"
  if ! flock -n 9; then
    log "another process is building versitygw $VERSITYGW_VERSION; waiting for it"
    flock 9
  fi
  if complete; then
    log "using versitygw $VERSITYGW_VERSION built by the other process ($BIN)"
    echo "$BIN"
    exit 0
  fi
fi

export GOTOOLCHAIN=local GOFLAGS=-mod=mod
WORK="$TOOL_DIR/build"
mkdir -p "$WORK"
log "building versitygw $VERSITYGW_VERSION from Go modules into $BIN_DIR"
log "(first time only: downloads ~110 MB of modules and compiles for about 1.5-5 minutes on"
log " 2 cores, depending on what else runs and what the Go build cache already holds;"
log " later runs take milliseconds)"

# ticker PHASE: print the elapsed time every 15 s until killed.
TICKER=""
start_ticker() {
  local phase="$1"
  ( while sleep 15; do log "  ... $phase: $((SECONDS - START)) s elapsed"; done ) >/dev/null &
  TICKER=$!
}
stop_ticker() {
  if [ -n "$TICKER" ]; then
    kill "$TICKER" 2>/dev/null || true
    wait "$TICKER" 2>/dev/null || true
    TICKER=""
  fi
}
trap stop_ticker EXIT

PKG=github.com/versity/versitygw/cmd/versitygw
cd "$WORK"
[ -f go.mod ] || go mod init openconnectors-tools-build/versitygw >/dev/null 2>&1

log "[1/2] go get -tool $PKG@$VERSITYGW_VERSION (module download)"
start_ticker "downloading modules"
nice -n "$NICE" go get -tool "$PKG@$VERSITYGW_VERSION" 2>"$WORK/get.log" || {
  stop_ticker; cat "$WORK/get.log" >&2; log "go get failed"; exit 1; }
stop_ticker

log "[2/2] go build $PKG (nice -n $NICE; ~1.5 minutes when the Go build cache is cold)"
start_ticker "compiling"
nice -n "$NICE" go build -o "$BIN.tmp" \
  -ldflags "-s -w -X main.Version=$VERSITYGW_VERSION -X main.Build=goproxy" \
  "$PKG" 2>"$WORK/build.log" || {
  stop_ticker; cat "$WORK/build.log" >&2; log "go build failed"; exit 1; }
stop_ticker
mv -f "$BIN.tmp" "$BIN"

have="$("$BIN" --version 2>/dev/null | awk '/^Version/ {print $3}')"
if [ "$have" != "$VERSITYGW_VERSION" ]; then
  log "built versitygw reports version '$have', expected $VERSITYGW_VERSION"
  exit 1
fi
touch "$TOOL_DIR/.complete"
log "done in $((SECONDS - START)) s: versitygw $have, $(du -h "$BIN" | cut -f1) at $BIN"
echo "$BIN"
